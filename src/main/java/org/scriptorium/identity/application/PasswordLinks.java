package org.scriptorium.identity.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.identity.application.IdentityException.Reason;
import org.scriptorium.identity.domain.PasswordToken;
import org.scriptorium.identity.domain.PasswordToken.Purpose;
import org.scriptorium.identity.domain.PasswordTokenRepository;
import org.scriptorium.identity.domain.User;
import org.scriptorium.identity.domain.UserRepository;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.settings.application.SiteIdentity;

/**
 * Links by e-mail that let a person choose a password: the invitation sent when an administrator creates an
 * account without a password, and the reset link a user asks for on the login page.
 *
 * <p>A link carries a random 256-bit secret; only its SHA-256 hash is stored. It works once and expires (an
 * invitation after {@link #INVITATION_TTL}, a reset after {@link #RESET_TTL}); using it revokes every other
 * link of the same user. Asking for a reset never tells whether the account exists: the answer is the same
 * and nothing is sent for an unknown or deactivated address.
 */
@ApplicationScoped
@Transactional
public class PasswordLinks {

    public static final Duration INVITATION_TTL = Duration.ofDays(7);
    public static final Duration RESET_TTL = Duration.ofHours(1);
    /** The page that opens a link; the secret follows as {@code ?token=}. */
    public static final String PATH = "/backoffice/set-password";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(PasswordLinks.class.getName());

    private UserRepository users;
    private PasswordTokenRepository tokens;
    private UserService userService;
    private AccountMail mail;
    private SiteIdentity site;
    private LanguageService languages;
    private Supplier<String> baseUrl;
    private Clock clock;

    protected PasswordLinks() {
    }

    @Inject
    public PasswordLinks(UserRepository users, PasswordTokenRepository tokens, UserService userService, AccountMail mail,
                         SiteIdentity site, LanguageService languages, Settings settings, Clock clock) {
        this(users, tokens, userService, mail, site, languages, settings::baseUrl, clock);
    }

    public PasswordLinks(UserRepository users, PasswordTokenRepository tokens, UserService userService, AccountMail mail,
                         SiteIdentity site, LanguageService languages, Supplier<String> baseUrl,
                         Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.userService = userService;
        this.mail = mail;
        this.site = site;
        this.languages = languages;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** Sends a new user the link to choose their first password. */
    public void invite(long userId) {
        User user = users.findById(userId).orElseThrow(() -> new IdentityException(Reason.NOT_FOUND, ""));
        String link = issue(user, Purpose.INVITATION, INVITATION_TTL);
        String lang = languageOf(user);
        mail.send(user.getEmail(), lang, "account-invitation", Map.of("name", user.getName(), "site", site.name(lang),
                "link", link, "days", String.valueOf(INVITATION_TTL.toDays())));
    }

    /**
     * Sends a reset link if an active account has this address; does nothing otherwise. The caller shows the
     * same answer in both cases.
     *
     * @return whether a link was sent, for the audit log only; never shown to the person asking
     */
    public boolean requestReset(String email) {
        Optional<User> user = users.findByEmail(email == null ? "" : email).filter(User::isActive);
        if (user.isEmpty()) {
            return false;
        }
        String link = issue(user.get(), Purpose.RESET, RESET_TTL);
        String lang = languageOf(user.get());
        try {
            mail.send(user.get().getEmail(), lang, "account-reset", Map.of("name", user.get().getName(),
                    "site", site.name(lang), "link", link, "minutes", String.valueOf(RESET_TTL.toMinutes())));
        } catch (IllegalStateException e) {
            // The answer must not differ from the one for an unknown address; the administrator sees it in the log.
            LOG.log(Level.WARNING, "Password reset link not sent to user " + user.get().getId(), e);
            return false;
        }
        return true;
    }

    /** Whether a link's secret may still be used, so the page can say so before the user types a password. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isUsable(String secret) {
        return usable(secret).isPresent();
    }

    /**
     * Sets the password with a link's secret and spends the link (and every other link of that user).
     *
     * @return the user whose password was set
     * @throws IdentityException TOKEN_INVALID for an unknown, used or expired link, or a password refusal
     */
    public User choosePassword(String secret, String password, String confirmation) {
        PasswordToken token = usable(secret).orElseThrow(() -> new IdentityException(Reason.TOKEN_INVALID, ""));
        User user = userService.setPassword(token.getUserId(), password, confirmation);
        Instant now = clock.instant();
        tokens.findByUser(user.getId()).forEach(t -> t.markUsed(now));
        token.markUsed(now);
        tokens.save(token);
        return user;
    }

    private Optional<PasswordToken> usable(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByHash(hash(secret.strip())).filter(t -> t.isUsableAt(clock.instant()));
    }

    private String issue(User user, Purpose purpose, Duration ttl) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tokens.save(new PasswordToken(hash(secret), user.getId(), purpose, now, now.plus(ttl)));
        return baseUrl.get() + PATH + "?token=" + secret;
    }

    private String languageOf(User user) {
        return user.getUiLanguage().orElseGet(languages::defaultCode);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
