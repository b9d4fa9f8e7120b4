package org.scriptorium.identity.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;
import org.scriptorium.identity.domain.UserRepository;

/**
 * Creating users and checking their credentials. The first administrator comes from the configuration
 * when the database has no user at all, so that a fresh site can always be entered.
 */
@ApplicationScoped
@Transactional
public class UserService {

    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Stored instead of a hash for accounts without a password; no PBKDF2 hash ever equals it. */
    static final String NO_PASSWORD = "!";
    /**
     * Stored for the first administrator between its creation and the end of hashing its password, which
     * happens off the start-up path (see {@link #reserveFirstAdminIfNone}); no PBKDF2 hash ever equals it.
     */
    static final String PASSWORD_BEING_SET = "!pending";
    /** How long a login waits for the first administrator's password to be stored. */
    private static final long PENDING_WAIT_SECONDS = 120;

    private UserRepository users;
    private PasswordHasher hasher;
    private Clock clock;
    private volatile String dummyHash;
    private volatile CompletableFuture<?> passwordBeingSet = CompletableFuture.completedFuture(null);

    protected UserService() {
    }

    @Inject
    public UserService(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** What creating the first administrator did: the account, and the password if one was generated. */
    public record FirstAdmin(User user, Optional<String> generatedPassword) {
    }

    /**
     * Creates the first administrator if there is no user yet.
     *
     * @param password the configured password; empty to generate one, which is then returned once
     * @return the created administrator, or empty when users already exist
     */
    public Optional<FirstAdmin> createFirstAdminIfNone(String email, Optional<String> password) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        Optional<String> generated = password.isPresent() ? Optional.empty() : Optional.of(generatePassword());
        String actual = password.orElseGet(generated::get);
        User admin = create(email, "Administrator", actual, Set.of(Role.ADMIN, Role.EDITOR));
        return Optional.of(new FirstAdmin(admin, generated));
    }

    /**
     * The cheap half of {@link #createFirstAdminIfNone}, for start-up: when there is no user yet, creates the
     * first administrator with a password that matches nothing yet, and returns it with the password to
     * hand to {@link #completeFirstAdmin} (hashing takes a second or two of CPU, which then runs beside
     * the rest of the start instead of before the first page). Also returns the administrator when an
     * earlier start stopped between the two halves, so that its password is set after all; a generated
     * password is then generated anew and must be shown again.
     *
     * @return the administrator to complete and the generated password, or empty when there is nothing to do
     */
    public Optional<FirstAdmin> reserveFirstAdminIfNone(String email, Optional<String> password) {
        Optional<User> unfinished = users.findByEmail(email).filter(u -> PASSWORD_BEING_SET.equals(u.getPasswordHash()));
        if (unfinished.isEmpty() && users.count() > 0) {
            return Optional.empty();
        }
        Optional<String> generated = password.isPresent() ? Optional.empty() : Optional.of(generatePassword());
        User admin = unfinished.orElseGet(() -> users.save(new User(email, "Administrator",
                uniqueSlug(Slugs.of("Administrator")), PASSWORD_BEING_SET, Set.of(Role.ADMIN, Role.EDITOR), clock.instant())));
        return Optional.of(new FirstAdmin(admin, generated));
    }

    /** Stores the password of an administrator made by {@link #reserveFirstAdminIfNone}. */
    public void completeFirstAdmin(long userId, String password) {
        String hash = hasher.hash(password.toCharArray());
        users.findById(userId).filter(u -> PASSWORD_BEING_SET.equals(u.getPasswordHash()))
                .ifPresent(u -> u.changePasswordHash(hash));
    }

    /**
     * Makes logins wait for a first administrator's password that is being stored, so that the account
     * works from the moment the site answers, even if its password is not hashed yet. Logins wait before
     * reading the account, so that they see the stored hash.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void loginsWaitFor(CompletableFuture<?> passwordStored) {
        passwordBeingSet = passwordStored;
    }

    /** Creates a user; the e-mail must not be in use. */
    public User create(String email, String name, String password, Set<Role> roles) {
        if (users.findByEmail(email).isPresent()) {
            throw new IllegalArgumentException("A user with this e-mail already exists");
        }
        String slug = uniqueSlug(Slugs.of(name));
        User user = new User(email, name, slug, hasher.hash(password.toCharArray()), roles, clock.instant());
        return users.save(user);
    }

    /**
     * Creates a user who cannot log in yet: no password matches until one is set (by an administrator or a
     * password reset). Used for authors whose name appears on articles before they have an account.
     */
    public User createWithoutPassword(String email, String name, Set<Role> roles) {
        if (users.findByEmail(email).isPresent()) {
            throw new IllegalArgumentException("A user with this e-mail already exists");
        }
        User user = new User(email, name, uniqueSlug(Slugs.of(name)), NO_PASSWORD, roles, clock.instant());
        return users.save(user);
    }

    /** The active user with these credentials, if the password matches. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> authenticate(String email, char[] password) {
        awaitPasswordBeingSet();
        Optional<User> user = users.findByEmail(email).filter(User::isActive);
        if (user.isEmpty()) {
            hasher.verify(password, dummyHash());
            return Optional.empty();
        }
        return user.filter(u -> !NO_PASSWORD.equals(u.getPasswordHash()) && !PASSWORD_BEING_SET.equals(u.getPasswordHash())
                && hasher.verify(password, u.getPasswordHash()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> findByEmail(String email) {
        return users.findByEmail(email);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<User> all() {
        return users.findAll();
    }

    private String uniqueSlug(String base) {
        String slug = base;
        for (int i = 2; users.findBySlug(slug).isPresent(); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }

    private void awaitPasswordBeingSet() {
        try {
            passwordBeingSet.get(PENDING_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the account stays unusable; the next start finishes it (see reserveFirstAdminIfNone)
        }
    }

    /** A random 16-character password without look-alike characters. */
    public static String generatePassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A hash to check against when the account does not exist, so both cases take the same time. */
    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(generatePassword().toCharArray());
            dummyHash = hash;
        }
        return hash;
    }
}
