package org.scriptorium.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.newsletter.application.ConfirmResult;
import org.scriptorium.newsletter.application.SubscriptionService;

/** {@code /{lang}/newsletter/confirm?token=}: follows the link of the confirmation e-mail. */
@Named
@RequestScoped
public class NewsletterConfirmation {

    @Inject
    private HttpServletRequest request;

    @Inject
    private SubscriptionService subscriptions;

    private ConfirmResult result;

    private boolean handled;

    /** Does the work of the request once, on the first read of the page. */
    public void handle() {
        if (handled) {
            return;
        }
        handled = true;
        result = subscriptions.confirm(request.getParameter("token"));
    }

    public boolean isConfirmed() {
        handle();
        return result != null && result.outcome() == ConfirmResult.Outcome.CONFIRMED;
    }

    public boolean isExpired() {
        handle();
        return result != null && result.outcome() == ConfirmResult.Outcome.EXPIRED;
    }
}
