package org.scriptorium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.i18n.infrastructure.JpaSiteLanguageRepository;
import org.scriptorium.identity.application.AccountMail;
import org.scriptorium.identity.application.IdentityException;
import org.scriptorium.identity.application.IdentityException.Reason;
import org.scriptorium.identity.application.PasswordLinks;
import org.scriptorium.identity.application.UserForm;
import org.scriptorium.identity.application.UserService;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;
import org.scriptorium.identity.infrastructure.JpaPasswordTokenRepository;
import org.scriptorium.identity.infrastructure.JpaUserRepository;
import org.scriptorium.settings.application.SiteIdentity;
import org.scriptorium.settings.application.SiteSettings;
import org.scriptorium.settings.infrastructure.JpaSiteSettingRepository;
import org.scriptorium.testing.FreshDatabase;
import org.scriptorium.testing.MutableClock;
import org.scriptorium.testing.TestServices;

/** Account administration and password links against a real database. */
class AccountAdministrationTest {

    private static final Set<String> LANGUAGES = Set.of("it", "es", "en", "fr", "de", "pt");

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    /** A sent account e-mail, as the adapter would receive it. */
    record Sent(String to, String language, String template, Map<String, String> model) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final AccountMail mail = (to, language, template, model) -> sent.add(new Sent(to, language, template, model));

    private UserService users(EntityManager em) {
        return TestServices.users(em, clock);
    }

    private PasswordLinks links(EntityManager em) {
        SiteIdentity site = new SiteIdentity(new SiteSettings(new JpaSiteSettingRepository(em), clock, e -> { }), new UiTexts());
        return new PasswordLinks(new JpaUserRepository(em), new JpaPasswordTokenRepository(em), users(em), mail, site,
                new LanguageService(new JpaSiteLanguageRepository(em)), () -> "https://magazine.example", clock);
    }

    private static UserForm form(String email, String name, Set<Role> roles) {
        return new UserForm(email, name, roles, Set.of(), true);
    }

    private IdentityException refusal(Runnable action) {
        try {
            action.run();
        } catch (IdentityException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void registrationChecksEveryFieldAndNamesTheOneAtFault() {
        assertThat(refusal(() -> db.run(em -> users(em).register(form("not-an-address", "Ada", Set.of(Role.AUTHOR)),
                Optional.empty(), LANGUAGES))).field()).isEqualTo("email");
        assertThat(refusal(() -> db.run(em -> users(em).register(form("ada@example.com", " ", Set.of(Role.AUTHOR)),
                Optional.empty(), LANGUAGES))).reason()).isEqualTo(Reason.NAME_REQUIRED);
        assertThat(refusal(() -> db.run(em -> users(em).register(form("ada@example.com", "Ada", Set.of()),
                Optional.empty(), LANGUAGES))).reason()).isEqualTo(Reason.NO_ROLE);
        assertThat(refusal(() -> db.run(em -> users(em).register(new UserForm("ada@example.com", "Ada", Set.of(Role.TRANSLATOR),
                Set.of("xx"), true), Optional.empty(), LANGUAGES))).reason()).isEqualTo(Reason.LANGUAGE_INVALID);
        assertThat(refusal(() -> db.run(em -> users(em).register(form("ada@example.com", "Ada", Set.of(Role.AUTHOR)),
                Optional.of("short"), LANGUAGES))).reason()).isEqualTo(Reason.PASSWORD_TOO_SHORT);
        db.run(em -> users(em).register(new UserForm("Ada@Example.com", "Ada", Set.of(Role.TRANSLATOR), Set.of("de", "fr"), true),
                Optional.of("a long enough password"), LANGUAGES));
        assertThat(refusal(() -> db.run(em -> users(em).register(form("ada@example.com", "Ada Two", Set.of(Role.AUTHOR)),
                Optional.empty(), LANGUAGES))).reason()).isEqualTo(Reason.EMAIL_TAKEN);
        User ada = db.inTransaction(em -> users(em).findByEmail("ada@example.com").orElseThrow());
        assertThat(ada.getTranslatorLanguages()).containsExactlyInAnyOrder("de", "fr");
        assertThat(db.<Optional<User>>inTransaction(em -> users(em).authenticate("ada@example.com",
                "a long enough password".toCharArray()))).isPresent();
    }

    @Test
    void aDeactivatedUserCannotLogInAndAnAdministratorCannotLockThemselvesOut() {
        long admin = db.inTransaction(em -> users(em).register(form("boss@example.com", "Boss", Set.of(Role.ADMIN)),
                Optional.of("boss password 123"), LANGUAGES).getId());
        long editor = db.inTransaction(em -> users(em).register(form("ed@example.com", "Ed", Set.of(Role.EDITOR)),
                Optional.of("editor password 1"), LANGUAGES).getId());
        db.run(em -> users(em).update(editor, new UserForm("", "Ed Itor", Set.of(Role.EDITOR, Role.MODERATOR), Set.of(), false),
                LANGUAGES, "boss@example.com"));
        assertThat(db.<Optional<User>>inTransaction(em -> users(em).authenticate("ed@example.com",
                "editor password 1".toCharArray()))).isEmpty();
        User ed = db.inTransaction(em -> users(em).find(editor).orElseThrow());
        assertThat(ed.getName()).isEqualTo("Ed Itor");
        assertThat(ed.getRoles()).containsExactlyInAnyOrder(Role.EDITOR, Role.MODERATOR);

        assertThat(refusal(() -> db.run(em -> users(em).update(admin, new UserForm("", "Boss", Set.of(Role.ADMIN), Set.of(), false),
                LANGUAGES, "boss@example.com"))).reason()).isEqualTo(Reason.OWN_ACCOUNT);
        assertThat(refusal(() -> db.run(em -> users(em).update(admin, new UserForm("", "Boss", Set.of(Role.EDITOR), Set.of(), true),
                LANGUAGES, "BOSS@example.com"))).field()).isEqualTo("roles");
    }

    @Test
    void changingOnesOwnPasswordNeedsTheCurrentOneAndTheSameNewOneTwice() {
        db.run(em -> users(em).register(form("me@example.com", "Me", Set.of(Role.AUTHOR)), Optional.of("first password 1"), LANGUAGES));
        assertThat(refusal(() -> db.run(em -> users(em).changeOwnPassword("me@example.com", "wrong", "second password 2",
                "second password 2"))).reason()).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(refusal(() -> db.run(em -> users(em).changeOwnPassword("me@example.com", "first password 1",
                "second password 2", "second password 3"))).reason()).isEqualTo(Reason.PASSWORD_MISMATCH);
        db.run(em -> users(em).changeOwnPassword("me@example.com", "first password 1", "second password 2", "second password 2"));
        assertThat(db.<Optional<User>>inTransaction(em -> users(em).authenticate("me@example.com",
                "second password 2".toCharArray()))).isPresent();
        db.run(em -> users(em).chooseUiLanguage("me@example.com", "de"));
        assertThat(db.<Optional<String>>inTransaction(em -> users(em).findByEmail("me@example.com").orElseThrow().getUiLanguage()))
                .contains("de");
        assertThat(refusal(() -> db.run(em -> users(em).chooseUiLanguage("me@example.com", "klingon"))).reason())
                .isEqualTo(Reason.LANGUAGE_INVALID);
    }

    @Test
    void anInvitationLinkSetsThePasswordOnceAndOnlyBeforeItExpires() {
        long id = db.inTransaction(em -> users(em).register(form("new@example.com", "Nina New", Set.of(Role.AUTHOR)),
                Optional.empty(), LANGUAGES).getId());
        db.run(em -> links(em).invite(id));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).template()).isEqualTo("account-invitation");
        assertThat(sent.get(0).language()).isEqualTo("it");
        String secret = secret(sent.get(0).model().get("link"));
        assertThat(sent.get(0).model().get("link")).startsWith("https://magazine.example/backoffice/set-password?token=");

        assertThat(db.<Boolean>inTransaction(em -> links(em).isUsable(secret))).isTrue();
        assertThat(refusal(() -> db.run(em -> links(em).choosePassword(secret, "too short", "too short"))).reason())
                .isEqualTo(Reason.PASSWORD_TOO_SHORT);
        db.run(em -> links(em).choosePassword(secret, "my chosen password", "my chosen password"));
        assertThat(db.<Optional<User>>inTransaction(em -> users(em).authenticate("new@example.com",
                "my chosen password".toCharArray()))).isPresent();
        assertThat(refusal(() -> db.run(em -> links(em).choosePassword(secret, "another password 1", "another password 1")))
                .reason()).isEqualTo(Reason.TOKEN_INVALID);
    }

    @Test
    void aResetLinkExpiresAfterAnHourAndUnknownAddressesGetNothing() {
        db.run(em -> users(em).register(form("old@example.com", "Olga", Set.of(Role.EDITOR)), Optional.of("old password 12"), LANGUAGES));
        assertThat(db.<Boolean>inTransaction(em -> links(em).requestReset("nobody@example.com"))).isFalse();
        assertThat(sent).isEmpty();
        assertThat(db.<Boolean>inTransaction(em -> links(em).requestReset("OLD@example.com"))).isTrue();
        String first = secret(sent.get(0).model().get("link"));
        clock.set(clock.instant().plus(PasswordLinks.RESET_TTL).plus(Duration.ofSeconds(1)));
        assertThat(db.<Boolean>inTransaction(em -> links(em).isUsable(first))).isFalse();
        assertThatThrownBy(() -> db.run(em -> links(em).choosePassword(first, "new password 123", "new password 123")))
                .isInstanceOf(IdentityException.class);

        db.run(em -> links(em).requestReset("old@example.com"));
        db.run(em -> links(em).requestReset("old@example.com"));
        String second = secret(sent.get(1).model().get("link"));
        String third = secret(sent.get(2).model().get("link"));
        db.run(em -> links(em).choosePassword(third, "new password 123", "new password 123"));
        assertThat(db.<Boolean>inTransaction(em -> links(em).isUsable(second))).as("other links are spent too").isFalse();
    }

    private static String secret(String link) {
        Matcher m = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(link);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
