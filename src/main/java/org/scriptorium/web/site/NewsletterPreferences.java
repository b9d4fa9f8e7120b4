package org.scriptorium.web.site;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.newsletter.application.SubscriberView;
import org.scriptorium.newsletter.application.SubscriptionService;
import org.scriptorium.newsletter.domain.SubscriberStatus;

/**
 * {@code /{lang}/newsletter/preferences?token=}: the page every e-mail links to, where a subscriber changes
 * the language of their letters or unsubscribes. The signed token is the only credential; no login, no cookie.
 */
@Named
@RequestScoped
public class NewsletterPreferences {

    @Inject
    private HttpServletRequest request;

    @Inject
    private SubscriptionService subscriptions;

    @Inject
    private LanguageService languages;

    private String token;
    private Optional<SubscriberView> subscriber = Optional.empty();
    private String done;

    private boolean handled;

    /** Does the work of the request once, on the first read of the page. */
    public void handle() {
        if (handled) {
            return;
        }
        handled = true;
        token = request.getParameter("token");
        if ("POST".equals(request.getMethod())) {
            String action = request.getParameter("action");
            if ("unsubscribe".equals(action) && subscriptions.unsubscribe(token).isPresent()) {
                done = "left";
            } else if ("language".equals(action) && subscriptions.changeLanguage(token, request.getParameter("language"))) {
                done = "saved";
            }
        }
        subscriber = subscriptions.preferences(token);
    }

    public boolean isValid() {
        handle();
        return subscriber.isPresent();
    }

    public String getEmail() {
        handle();
        return subscriber.map(SubscriberView::email).orElse("");
    }

    public String getLanguage() {
        handle();
        return subscriber.map(SubscriberView::language).orElse("");
    }

    public boolean isSubscribed() {
        handle();
        return subscriber.map(s -> s.status() == SubscriberStatus.CONFIRMED).orElse(false);
    }

    public String getToken() {
        handle();
        return token;
    }

    public String getDone() {
        handle();
        return done;
    }

    public List<SiteLanguage> getLanguages() {
        return languages.enabled();
    }
}
