package org.scriptorium.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import jakarta.persistence.EntityManager;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.scriptorium.content.application.DemoContent;
import org.scriptorium.content.application.EditorialService;
import org.scriptorium.content.application.MediaLibrary;
import org.scriptorium.content.application.OutdatedTranslations;
import org.scriptorium.content.domain.TranslationEdited;
import org.scriptorium.content.infrastructure.EnversTranslationHistory;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.content.infrastructure.JpaArticleRepository;
import org.scriptorium.content.infrastructure.JpaCategoryRepository;
import org.scriptorium.content.infrastructure.JpaSlugRedirectRepository;
import org.scriptorium.content.infrastructure.JpaTagRepository;
import org.scriptorium.i18n.infrastructure.JpaSiteLanguageRepository;
import org.scriptorium.identity.application.PasswordHasher;
import org.scriptorium.identity.application.UserService;
import org.scriptorium.identity.infrastructure.JpaUserRepository;
import org.scriptorium.identity.infrastructure.Pbkdf2PasswordHasher;
import org.scriptorium.platform.audit.AuditEvent;

/** The application services wired by hand over one entity manager, as CDI wires them in the container. */
public final class TestServices {

    private static final PasswordHasher HASHER = new Pbkdf2PasswordHasher(new Pbkdf2PasswordHashImpl());

    private TestServices() {
    }

    public static PasswordHasher hasher() {
        return HASHER;
    }

    public static UserService users(EntityManager em, Clock clock) {
        return new UserService(new JpaUserRepository(em), HASHER, clock);
    }

    public static DemoContent demo(EntityManager em, Clock clock) {
        return new DemoContent(new JpaArticleRepository(em), new JpaCategoryRepository(em), new JpaTagRepository(em),
                users(em, clock), new JpaSlugRedirectRepository(em), media());
    }

    public static ReadingService reading(EntityManager em, Clock clock) {
        return new ReadingService(new JpaArticleRepository(em), new JpaCategoryRepository(em), new JpaTagRepository(em),
                new JpaSlugRedirectRepository(em), clock);
    }

    /** The editorial service; its content events go to {@code events}, audit events nowhere. */
    public static EditorialService editorial(EntityManager em, Clock clock, RecordingEvents events) {
        return editorial(em, clock, events, new DirectEvents<>());
    }

    /**
     * The editorial service; its content events go to {@code events}, its audit events to {@code audit}, and
     * its edits to the outdated-translation check, as CDI delivers them in the container.
     */
    public static EditorialService editorial(EntityManager em, Clock clock, RecordingEvents events,
                                             DirectEvents<AuditEvent> audit) {
        OutdatedTranslations outdated = new OutdatedTranslations(new JpaArticleRepository(em));
        DirectEvents<TranslationEdited> edits = new DirectEvents<TranslationEdited>().observedBy(outdated::onEdited);
        return new EditorialService(new JpaArticleRepository(em), new JpaCategoryRepository(em), new JpaTagRepository(em),
                new JpaSlugRedirectRepository(em), new JpaUserRepository(em), new JpaSiteLanguageRepository(em), events,
                clock, new EnversTranslationHistory(em), edits, audit);
    }

    /** A media library in a new temporary folder. */
    public static MediaLibrary media() {
        try {
            Path dir = Files.createTempDirectory("scriptorium-media");
            dir.toFile().deleteOnExit();
            return new MediaLibrary(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
