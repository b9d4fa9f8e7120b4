package org.scriptorium.identity.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.identity.application.IdentityException.Reason;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;
import org.scriptorium.identity.domain.UserRepository;

/**
 * Creating users and checking their credentials, and the administration of accounts: roles, a translator's
 * languages, deactivation, each user's own password, back-office language and public author profile. The
 * first administrator comes from the configuration when the database has no user at all, so that a fresh
 * site can always be entered. Every refusal is an {@link IdentityException} naming the field at fault.
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
    /** Shortest password accepted when a user chooses one. */
    public static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 200;
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 320;
    static final int MAX_BIO = 4000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private UserRepository users;
    private PasswordHasher hasher;
    private Clock clock;
    private volatile String dummyHash;
    private volatile CompletableFuture<?> passwordBeingSet = CompletableFuture.completedFuture(null);
    private volatile Runnable startSettingPassword = () -> { };

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
     * reading the account, so that they see the stored hash. The hashing may be deferred (see
     * {@code Bootstrap}); a login that comes first runs {@code startNow} so that it does not wait for the delay.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void loginsWaitFor(CompletableFuture<?> passwordStored, Runnable startNow) {
        startSettingPassword = startNow;
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
        if (!passwordBeingSet.isDone()) {
            startSettingPassword.run();
        }
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<User> find(long id) {
        return users.findById(id);
    }

    /**
     * Creates a user from the administrator's form. With a password the account can log in at once; without
     * one it cannot until a password is set through an invitation link.
     *
     * @param allowedLanguages the site's language codes, which a translator's languages must be among
     */
    public User register(UserForm form, Optional<String> password, Set<String> allowedLanguages) {
        String email = User.normalizeEmail(form.email());
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw new IdentityException(Reason.EMAIL_INVALID, "email");
        }
        if (users.findByEmail(email).isPresent()) {
            throw new IdentityException(Reason.EMAIL_TAKEN, "email");
        }
        String name = checkName(form.name());
        Set<Role> roles = checkRoles(form.roles());
        Set<String> languages = checkLanguages(form.translatorLanguages(), allowedLanguages);
        String hash = NO_PASSWORD;
        if (password.isPresent()) {
            checkNewPassword(password.get(), password.get(), "password");
            hash = hasher.hash(password.get().toCharArray());
        }
        User user = new User(email, name, uniqueSlug(Slugs.of(name)), hash, roles, clock.instant());
        user.assignTranslatorLanguages(languages);
        if (!form.active()) {
            user.deactivate();
        }
        return users.save(user);
    }

    /**
     * Changes a user's name, roles, languages and whether they may log in. Administrators cannot deactivate
     * themselves or take away their own ADMIN role, so that a site never locks its last administrator out by
     * a slip of the mouse.
     *
     * @param actorEmail the administrator making the change
     */
    public User update(long id, UserForm form, Set<String> allowedLanguages, String actorEmail) {
        User user = users.findById(id).orElseThrow(() -> new IdentityException(Reason.NOT_FOUND, ""));
        String name = checkName(form.name());
        Set<Role> roles = checkRoles(form.roles());
        Set<String> languages = checkLanguages(form.translatorLanguages(), allowedLanguages);
        boolean self = user.getEmail().equals(User.normalizeEmail(actorEmail));
        if (self && (!form.active() || (user.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN)))) {
            throw new IdentityException(Reason.OWN_ACCOUNT, form.active() ? "roles" : "active");
        }
        user.rename(name);
        user.assignRoles(roles);
        user.assignTranslatorLanguages(languages);
        if (form.active()) {
            user.activate();
        } else {
            user.deactivate();
        }
        return user;
    }

    /** A signed-in user changes their own password, confirming the current one. */
    public User changeOwnPassword(String email, String current, String newPassword, String confirmation) {
        User user = users.findByEmail(email).filter(User::isActive)
                .orElseThrow(() -> new IdentityException(Reason.NOT_FOUND, ""));
        if (current == null || NO_PASSWORD.equals(user.getPasswordHash())
                || !hasher.verify(current.toCharArray(), user.getPasswordHash())) {
            throw new IdentityException(Reason.WRONG_PASSWORD, "current");
        }
        checkNewPassword(newPassword, confirmation, "newPassword");
        user.changePasswordHash(hasher.hash(newPassword.toCharArray()));
        return user;
    }

    /** Sets a password chosen through an invitation or reset link; the link has been checked by the caller. */
    User setPassword(long userId, String newPassword, String confirmation) {
        checkNewPassword(newPassword, confirmation, "newPassword");
        User user = users.findById(userId).orElseThrow(() -> new IdentityException(Reason.TOKEN_INVALID, ""));
        user.changePasswordHash(hasher.hash(newPassword.toCharArray()));
        return user;
    }

    /** The language a user reads the back office in; empty for "follow the browser, then the site default". */
    public User chooseUiLanguage(String email, String language) {
        User user = users.findByEmail(email).orElseThrow(() -> new IdentityException(Reason.NOT_FOUND, ""));
        String code = language == null ? "" : language.strip();
        if (!code.isEmpty() && !UiTexts.SHIPPED_LANGUAGES.contains(code)) {
            throw new IdentityException(Reason.LANGUAGE_INVALID, "uiLanguage");
        }
        user.chooseUiLanguage(code);
        return user;
    }

    /**
     * Changes an author's public profile: name, photo (a media file name, or empty for none) and biography per
     * language (a blank one removes it).
     *
     * @param photoExists tells whether a media file of that name exists
     */
    public User updateProfile(long id, String name, String photo, Map<String, String> bios, Set<String> allowedLanguages,
                              Predicate<String> photoExists) {
        User user = users.findById(id).orElseThrow(() -> new IdentityException(Reason.NOT_FOUND, ""));
        String checkedName = checkName(name);
        String chosenPhoto = photo == null ? "" : photo.strip();
        if (!chosenPhoto.isEmpty() && !photoExists.test(chosenPhoto)) {
            throw new IdentityException(Reason.PHOTO_INVALID, "photo");
        }
        for (Map.Entry<String, String> bio : bios.entrySet()) {
            if (!allowedLanguages.contains(bio.getKey())) {
                throw new IdentityException(Reason.LANGUAGE_INVALID, "bio");
            }
            if (bio.getValue() != null && bio.getValue().strip().length() > MAX_BIO) {
                throw new IdentityException(Reason.TOO_LONG, "bio-" + bio.getKey());
            }
        }
        user.rename(checkedName);
        user.choosePhoto(chosenPhoto);
        bios.forEach(user::writeBio);
        return user;
    }

    private static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IdentityException(Reason.NAME_REQUIRED, "name");
        }
        if (n.length() > MAX_NAME) {
            throw new IdentityException(Reason.TOO_LONG, "name");
        }
        return n;
    }

    private static Set<Role> checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IdentityException(Reason.NO_ROLE, "roles");
        }
        return EnumSet.copyOf(roles);
    }

    private static Set<String> checkLanguages(Set<String> languages, Set<String> allowed) {
        Set<String> checked = new LinkedHashSet<>();
        for (String l : languages == null ? Set.<String>of() : languages) {
            if (!LANGUAGE.matcher(l).matches() || !allowed.contains(l)) {
                throw new IdentityException(Reason.LANGUAGE_INVALID, "languages");
            }
            checked.add(l);
        }
        return checked;
    }

    static void checkNewPassword(String password, String confirmation, String field) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IdentityException(Reason.PASSWORD_TOO_SHORT, field);
        }
        if (password.length() > MAX_PASSWORD) {
            throw new IdentityException(Reason.TOO_LONG, field);
        }
        if (!password.equals(confirmation)) {
            throw new IdentityException(Reason.PASSWORD_MISMATCH, "confirmation");
        }
    }
}
