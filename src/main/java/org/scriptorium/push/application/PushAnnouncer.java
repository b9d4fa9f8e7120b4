package org.scriptorium.push.application;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.content.domain.ArticlePublished;
import org.scriptorium.content.domain.ArticleRepository;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.push.domain.NotificationPayload;
import org.scriptorium.push.domain.PushMessage;
import org.scriptorium.push.domain.PushMessageRepository;

/**
 * Turns a published translation into one push message for the subscribers of its language. It observes
 * {@link ArticlePublished} inside the publishing transaction (whether an editor published now or the
 * publishing timer published a scheduled translation), so the message is stored if and only if the
 * publication is. At most one message per translation exists: publishing the same translation again, after a
 * withdrawal or a fix, finds it and announces nothing. Delivery happens later, through the dispatcher.
 */
@ApplicationScoped
@Transactional
public class PushAnnouncer {

    /** The site-relative path of the icon shown when an article has no picture. */
    public static final String DEFAULT_ICON = "/push/icon.svg";
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private ArticleRepository articles;
    private PushMessageRepository messages;
    private String baseUrl;

    protected PushAnnouncer() {
    }

    @Inject
    public PushAnnouncer(ArticleRepository articles, PushMessageRepository messages, Settings settings) {
        this(articles, messages, settings.baseUrl());
    }

    public PushAnnouncer(ArticleRepository articles, PushMessageRepository messages, String baseUrl) {
        this.articles = articles;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    void onPublished(@Observes(during = TransactionPhase.IN_PROGRESS) ArticlePublished event) {
        announce(event);
    }

    /** Stores the message for a published translation unless it was announced before; the message, if new. */
    public Optional<PushMessage> announce(ArticlePublished event) {
        Optional<ArticleTranslation> found = articles.findById(event.articleId())
                .flatMap(a -> a.translation(event.language()));
        if (found.isEmpty() || messages.existsForTranslation(found.get().getId())) {
            return Optional.empty();
        }
        ArticleTranslation t = found.get();
        String icon = t.getArticle().getFeaturedImage().map(i -> i.startsWith("/") ? baseUrl + i : i)
                .orElse(baseUrl + DEFAULT_ICON);
        NotificationPayload payload = new NotificationPayload(t.getTitle(), summary(t), icon,
                baseUrl + "/" + t.getLanguage() + "/" + t.getSlug(), t.getLanguage(), null);
        Instant at = event.at();
        return Optional.of(messages.save(PushMessage.forArticle(t.getId(), payload, at)));
    }

    /** The excerpt, else the SEO description, else the start of the body as plain text. */
    private static String summary(ArticleTranslation t) {
        for (String candidate : new String[] {t.getExcerpt(), t.getSeoDescription()}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return SPACE.matcher(TAG.matcher(t.getBody()).replaceAll(" ")).replaceAll(" ").strip()
                .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'");
    }
}
