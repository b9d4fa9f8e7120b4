package org.scriptorium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.identity.application.UserService;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;
import org.scriptorium.testing.FreshDatabase;
import org.scriptorium.testing.TestServices;

class UserServiceTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private UserService users(jakarta.persistence.EntityManager em) {
        return TestServices.users(em, Clock.systemUTC());
    }

    @Test
    void theFirstAdministratorIsCreatedOnceWithAGeneratedPasswordWhenNoneIsConfigured() {
        Optional<UserService.FirstAdmin> first = db.inTransaction(em -> users(em).createFirstAdminIfNone("Boss@Example.com", Optional.empty()));
        assertThat(first).isPresent();
        String generated = first.get().generatedPassword().orElseThrow();
        assertThat(generated).hasSize(16);
        assertThat(first.get().user().getRoles()).contains(Role.ADMIN, Role.EDITOR);
        assertThat(db.<Optional<UserService.FirstAdmin>>inTransaction(em -> users(em).createFirstAdminIfNone("other@example.com", Optional.of("x")))).isEmpty();
        assertThat(db.<Optional<User>>inTransaction(em -> users(em).authenticate("boss@example.com", generated.toCharArray()))).isPresent();
    }

    @Test
    void atStartTheAdministratorExistsAtOnceAndLoginsWaitForItsPasswordToBeHashed() {
        UserService.FirstAdmin admin = db.<Optional<UserService.FirstAdmin>>inTransaction(em -> users(em)
                .reserveFirstAdminIfNone("boss@example.com", Optional.of("s3cret-enough"))).orElseThrow();
        long id = admin.user().getId();
        assertThat(admin.user().getRoles()).contains(Role.ADMIN, Role.EDITOR);
        assertThat(db.<Optional<User>>inTransaction(em -> users(em).authenticate("boss@example.com", "s3cret-enough".toCharArray())))
                .as("no password matches before the hash is stored").isEmpty();
        assertThat(db.<Optional<UserService.FirstAdmin>>inTransaction(em -> users(em)
                .reserveFirstAdminIfNone("boss@example.com", Optional.of("s3cret-enough"))).map(a -> a.user().getId()))
                .as("a start stopped before the hash was stored is finished by the next one").hasValue(id);

        CompletableFuture<Void> stored = new CompletableFuture<>();
        Optional<User> login = db.inTransaction(em -> {
            UserService service = users(em);
            // The hashing is deferred: only the login's nudge starts it here, and the login waits for it.
            service.loginsWaitFor(stored, () -> new Thread(() -> {
                db.run(other -> users(other).completeFirstAdmin(id, "s3cret-enough"));
                stored.complete(null);
            }).start());
            return service.authenticate("boss@example.com", "s3cret-enough".toCharArray());
        });
        assertThat(login).isPresent();
        assertThat(db.<Optional<UserService.FirstAdmin>>inTransaction(em -> users(em)
                .reserveFirstAdminIfNone("boss@example.com", Optional.of("s3cret-enough")))).isEmpty();
        assertThat(db.<Optional<UserService.FirstAdmin>>inTransaction(em -> users(em)
                .reserveFirstAdminIfNone("other@example.com", Optional.empty()))).isEmpty();
    }

    @Test
    void passwordsAreStoredAsPbkdf2HashesAndCheckedWhateverTheCaseOfTheEmail() {
        db.run(em -> users(em).createFirstAdminIfNone("admin@example.com", Optional.of("s3cret-enough")));
        User stored = db.inTransaction(em -> users(em).findByEmail("ADMIN@example.com").orElseThrow());
        assertThat(stored.getPasswordHash()).startsWith("PBKDF2WithHmacSHA512:210000:").doesNotContain("s3cret-enough");
        assertThat(db.<Optional<User>>inTransaction(em -> users(em).authenticate(" Admin@Example.COM ", "s3cret-enough".toCharArray()))).isPresent();
        assertThat(db.<Optional<User>>inTransaction(em -> users(em).authenticate("admin@example.com", "wrong".toCharArray()))).isEmpty();
        assertThat(db.<Optional<User>>inTransaction(em -> users(em).authenticate("nobody@example.com", "s3cret-enough".toCharArray()))).isEmpty();
    }

    @Test
    void aDeactivatedUserCannotLogIn() {
        db.run(em -> users(em).create("t@example.com", "Tina Translator", "pw-pw-pw-pw", Set.of(Role.TRANSLATOR)));
        db.run(em -> users(em).findByEmail("t@example.com").orElseThrow().deactivate());
        assertThat(db.<Optional<User>>inTransaction(em -> users(em).authenticate("t@example.com", "pw-pw-pw-pw".toCharArray()))).isEmpty();
    }

    @Test
    void anAccountWithoutPasswordCannotLogInWithAnyPassword() {
        db.run(em -> users(em).createWithoutPassword("author@example.com", "Guest Author", Set.of(Role.AUTHOR)));
        assertThat(db.<Optional<User>>inTransaction(em -> users(em).authenticate("author@example.com", "!".toCharArray()))).isEmpty();
        assertThat(db.<Optional<User>>inTransaction(em -> users(em).authenticate("author@example.com", "".toCharArray()))).isEmpty();
    }

    @Test
    void emailsAreUniqueAndSlugsAreMadeUnique() {
        db.run(em -> users(em).create("a@example.com", "Ana Sousa", "pw", Set.of(Role.AUTHOR)));
        db.run(em -> users(em).create("b@example.com", "Ana Sousa", "pw", Set.of(Role.AUTHOR)));
        assertThat(db.<String>inTransaction(em -> users(em).findByEmail("b@example.com").orElseThrow().getSlug())).isEqualTo("ana-sousa-2");
        assertThatThrownBy(() -> db.run(em -> users(em).create("A@example.com", "Other", "pw", Set.of(Role.AUTHOR))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
