package org.scriptorium.newsletter.application;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.mail.application.MailConfiguration;
import org.scriptorium.platform.config.Settings;

/**
 * The absolute links put into e-mails: confirmation, preferences, one-click unsubscribe, and the
 * {@code List-Unsubscribe} headers of RFC 2369 and RFC 8058 (an https URL answering POST without cookies, and
 * a mailto to the unsubscribe address, by default the sender address, with the token in the subject, which
 * {@link MailUnsubscribes} reads back).
 */
@ApplicationScoped
public class NewsletterLinks {

    /** The servlet path of the one-click unsubscribe endpoint. */
    public static final String ONE_CLICK_PATH = "/newsletter/unsubscribe";

    private Settings settings;
    private NewsletterTokens tokens;
    private MailConfiguration mail;
    private UnsubscribeMailboxSettings mailbox;

    protected NewsletterLinks() {
    }

    @Inject
    public NewsletterLinks(Settings settings, NewsletterTokens tokens, MailConfiguration mail, UnsubscribeMailboxSettings mailbox) {
        this.settings = settings;
        this.tokens = tokens;
        this.mail = mail;
        this.mailbox = mailbox;
    }

    public String confirm(String language, String token) {
        return settings.baseUrl() + "/" + language + "/newsletter/confirm?token=" + enc(token);
    }

    public String preferences(String language, long subscriberId) {
        return settings.baseUrl() + "/" + language + "/newsletter/preferences?token=" + enc(tokens.management(subscriberId));
    }

    public String oneClick(long subscriberId) {
        return settings.baseUrl() + ONE_CLICK_PATH + "?token=" + enc(tokens.management(subscriberId));
    }

    /** {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} for a subscriber. */
    public Map<String, String> unsubscribeHeaders(long subscriberId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + oneClick(subscriberId) + ">, <mailto:" + mailbox.addressOr(mail.effective().from()).value()
                + "?subject=unsubscribe%20" + enc(tokens.management(subscriberId)) + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    public String baseUrl() {
        return settings.baseUrl();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
