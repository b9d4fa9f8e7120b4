package org.scriptorium.mail.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.scriptorium.mail.application.Outbox;
import org.scriptorium.mail.domain.MailDeliveryException;
import org.scriptorium.mail.domain.MailMessage;
import org.scriptorium.mail.domain.MailSettings;
import org.scriptorium.mail.domain.OutboxEntry;

/**
 * The embedded default: each message becomes one {@code .eml} file (RFC 5322, exactly what would have gone
 * over SMTP) in the outbox folder, written to a temporary name and then moved, so a reader never sees half a
 * file. File names start with the time, so the newest sort last.
 */
public final class FileOutbox implements Outbox {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9]{3}-[0-9a-f]{12}\\.eml");

    private final Path dir;
    private final Session session = Session.getInstance(new Properties());

    public FileOutbox(Path dir) {
        this.dir = dir;
    }

    void write(MailMessage message, MailSettings settings) throws MailDeliveryException {
        try {
            MimeMessage mime = MimeMessages.build(session, message, settings.from());
            Files.createDirectories(dir);
            String name = STAMP.format(Instant.now()) + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ".eml";
            Path tmp = dir.resolve("." + name + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                mime.writeTo(out);
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MailDeliveryException(MailDeliveryException.Kind.TRANSIENT, "The outbox could not be written: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new MailDeliveryException(MailDeliveryException.Kind.PERMANENT, "The message could not be built: " + e.getMessage(), e);
        }
    }

    @Override
    public List<OutboxEntry> latest(int limit) {
        return names().sorted(Comparator.reverseOrder()).limit(limit).map(this::entry).flatMap(Optional::stream).toList();
    }

    @Override
    public long count() {
        return names().count();
    }

    @Override
    public Optional<String> read(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Stream<String> names() {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> NAME.matcher(n).matches()).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private Optional<OutboxEntry> entry(String name) {
        Path file = dir.resolve(name);
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage mime = new MimeMessage(session, in);
            String to = mime.getHeader("To", ",");
            String subject = mime.getHeader("Subject", null);
            return Optional.of(new OutboxEntry(name, Files.getLastModifiedTime(file).toInstant(), to == null ? "" : to,
                    subject == null ? "" : MimeUtility.decodeText(MimeUtility.unfold(subject)), Files.size(file)));
        } catch (IOException | MessagingException e) {
            return Optional.empty();
        }
    }
}
