package org.scriptorium.web.site;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.newsletter.application.SignupRequest;
import org.scriptorium.newsletter.application.SignupResult;
import org.scriptorium.newsletter.application.SubscriptionService;
import org.scriptorium.platform.config.Settings;
import org.scriptorium.web.common.ClientAddress;
import org.scriptorium.web.common.RequestLanguage;

/**
 * {@code /{lang}/newsletter} and the signup box of every page: a plain HTML form (public views keep no state)
 * posted to {@code /{lang}/newsletter}, which answers with the same words whether or not the address was
 * known, or with the form as typed and the reason in the page's language.
 */
@Named
@RequestScoped
public class NewsletterSignup {

    @Inject
    private HttpServletRequest request;

    @Inject
    private SubscriptionService subscriptions;

    @Inject
    private LanguageService languages;

    @Inject
    private RequestLanguage language;

    @Inject
    private Settings settings;

    @Inject
    private org.scriptorium.web.common.Texts texts;

    private SignupResult result;
    private String email = "";
    private String chosenLanguage;
    private boolean consent;

    private boolean handled;

    /** Handles a POST once, on the first read of the page; a GET only shows the form. */
    public void handle() {
        if (handled) {
            return;
        }
        handled = true;
        chosenLanguage = language.getCode();
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        email = value("email");
        String lang = value("language");
        chosenLanguage = lang.isEmpty() ? language.getCode() : lang;
        consent = request.getParameter("consent") != null;
        String from = value("from");
        String page = from.startsWith("/") && from.length() <= 500 ? from : request.getRequestURI();
        result = subscriptions.signup(new SignupRequest(email, chosenLanguage, consent,
                ClientAddress.of(request, settings.trustedProxies()), page));
    }

    private String value(String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v.strip();
    }

    public boolean isAccepted() {
        handle();
        return result == SignupResult.ACCEPTED;
    }

    /** The refusal in the page's language, or null. */
    public String getError() {
        handle();
        if (result == null || result == SignupResult.ACCEPTED) {
            return null;
        }
        return switch (result) {
            case INVALID_EMAIL -> texts.get("newsletter.error.email");
            case INVALID_LANGUAGE -> texts.get("newsletter.error.language");
            case NO_CONSENT -> texts.get("newsletter.error.consent");
            default -> texts.get("newsletter.error.rate");
        };
    }

    public List<SiteLanguage> getLanguages() {
        return languages.enabled();
    }

    public String getEmail() {
        handle();
        return email;
    }

    public String getChosenLanguage() {
        handle();
        return chosenLanguage == null ? language.getCode() : chosenLanguage;
    }

    public boolean isConsent() {
        handle();
        return consent;
    }
}
