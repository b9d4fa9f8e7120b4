package org.scriptorium.submissions.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.media.domain.ImageType;
import org.scriptorium.platform.config.Settings;

/**
 * Where submitted pictures wait, outside the public media folder. While a reader fills in the form, the
 * pictures they chose are kept in {@code <data dir>/submissions/tmp/<token>/}, keyed by a random token
 * the form carries, so that a refused form does not make them choose the files again; a stored submission's
 * pictures move to {@code <data dir>/submissions/<id>/} (quarantine) until an editor accepts the story.
 * Unclaimed temporary folders are removed after a day.
 */
@ApplicationScoped
public class UploadArea {

    /** Pictures per submission. */
    public static final int SLOTS = 3;
    private static final Pattern TOKEN = Pattern.compile("[a-f0-9]{32}");
    private static final Duration KEEP = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Path root;

    protected UploadArea() {
    }

    @Inject
    public UploadArea(Settings settings) {
        this(settings.dataDir().resolve("submissions"));
    }

    public UploadArea(Path root) {
        this.root = root;
    }

    /** A picture kept for a form. */
    public record Kept(int slot, String originalName, long size, ImageType type, String fileName) {
    }

    /** A new random token for a form. */
    public static String newToken() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static boolean isToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** Keeps a checked picture in a slot (1..3), replacing what the slot held. */
    public Kept keep(String token, int slot, String originalName, byte[] bytes, ImageType type) {
        Path dir = temp(token);
        try {
            Files.createDirectories(dir);
            discard(token, slot);
            String name = slot + "." + type.extension();
            Files.write(dir.resolve(name), bytes);
            Files.writeString(dir.resolve(slot + ".name"), originalName, StandardCharsets.UTF_8);
            return new Kept(slot, originalName, bytes.length, type, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is kept for a form, by slot. */
    public List<Kept> kept(String token) {
        List<Kept> kept = new ArrayList<>();
        if (!isToken(token)) {
            return kept;
        }
        Path dir = temp(token);
        for (int slot = 1; slot <= SLOTS; slot++) {
            for (ImageType type : ImageType.values()) {
                Path file = dir.resolve(slot + "." + type.extension());
                if (Files.isRegularFile(file)) {
                    try {
                        String name = Files.readString(dir.resolve(slot + ".name"), StandardCharsets.UTF_8);
                        kept.add(new Kept(slot, name, Files.size(file), type, file.getFileName().toString()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return kept;
    }

    public void discard(String token, int slot) {
        if (!isToken(token)) {
            return;
        }
        try {
            for (ImageType type : ImageType.values()) {
                Files.deleteIfExists(temp(token).resolve(slot + "." + type.extension()));
            }
            Files.deleteIfExists(temp(token).resolve(slot + ".name"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves a form's pictures into a submission's quarantine folder; returns what was moved. */
    public List<Kept> claim(String token, long submissionId) {
        List<Kept> kept = kept(token);
        Path target = quarantine(submissionId);
        try {
            Files.createDirectories(target);
            for (Kept k : kept) {
                Files.move(temp(token).resolve(k.fileName()), target.resolve(k.fileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            deleteTree(temp(token));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept;
    }

    /** A quarantined picture's bytes. */
    public Optional<byte[]> read(long submissionId, String fileName) {
        if (fileName == null || !fileName.matches("[1-9]\\.[a-z]{3,4}")) {
            return Optional.empty();
        }
        Path file = quarantine(submissionId).resolve(fileName);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a submission's quarantine folder, once its pictures live in the media library. */
    public void removeQuarantine(long submissionId) {
        try {
            deleteTree(quarantine(submissionId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes temporary folders older than a day. */
    public void sweep(Instant now) {
        Path tmp = root.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp)) {
            for (Path dir : dirs) {
                if (Files.getLastModifiedTime(dir).toInstant().isBefore(now.minus(KEEP))) {
                    deleteTree(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path temp(String token) {
        if (!isToken(token)) {
            throw new IllegalArgumentException("Not an upload token");
        }
        return root.resolve("tmp").resolve(token);
    }

    private Path quarantine(long submissionId) {
        return root.resolve(String.valueOf(submissionId));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
