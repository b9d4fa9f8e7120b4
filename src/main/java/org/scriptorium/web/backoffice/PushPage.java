package org.scriptorium.web.backoffice;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.push.application.ManualPush;
import org.scriptorium.push.application.PushException;
import org.scriptorium.push.application.PushSubscriptions;
import org.scriptorium.push.domain.NotificationPayload;
import org.scriptorium.web.common.Texts;

/**
 * The push notifications page at {@code /backoffice/push} (EDITOR, ADMIN): subscribers per language, a form to
 * write a notification for one language with a preview of what browsers will show and to how many subscribers,
 * the send, and the recent notifications with their counts of sent, failed, removed and pending deliveries.
 * What the editor typed stays in the form when it is refused.
 */
@Named
@ViewScoped
public class PushPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient ManualPush manual;

    @Inject
    private transient PushSubscriptions subscriptions;

    @Inject
    private transient LanguageService languages;

    @Inject
    private transient SecurityContext security;

    @Inject
    private transient Texts texts;

    private String language;
    private String title;
    private String body;
    private String url;
    private NotificationPayload preview;
    private long previewRecipients;

    /** Shows what would be sent; stores nothing. */
    public String preview() {
        try {
            ManualPush.Preview p = manual.preview(caller(), draft());
            preview = p.payload();
            previewRecipients = p.recipients();
        } catch (PushException e) {
            preview = null;
            report(e);
        }
        return null;
    }

    /** Sends to the chosen language's subscribers; the page then says it is on its way. */
    public String send() {
        try {
            long id = manual.send(caller(), draft());
            return "/backoffice/push.xhtml?faces-redirect=true&sent=" + id;
        } catch (PushException e) {
            preview = null;
            report(e);
            return null;
        }
    }

    private ManualPush.Draft draft() {
        return new ManualPush.Draft(language, title, body, url);
    }

    private void report(PushException e) {
        String message = switch (e.reason()) {
            case REQUIRED -> texts.get("push.error.required");
            case TOO_LONG -> texts.get("push.error.tooLong");
            case URL -> texts.get("push.error.url");
            case LANGUAGE -> texts.get("push.error.language");
            case FORBIDDEN -> texts.get("push.error.notAllowed");
            default -> texts.get("push.error.keys");
        };
        String field = switch (e.field()) {
            case "title", "body", "url", "language" -> "compose:" + e.field();
            default -> null;
        };
        FacesContext.getCurrentInstance().addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public List<SiteLanguage> getLanguages() {
        return languages.enabled();
    }

    public Map<String, Long> getSubscribers() {
        return subscriptions.countPerLanguage();
    }

    public long subscribersIn(String code) {
        return getSubscribers().getOrDefault(code, 0L);
    }

    public long getTotal() {
        return subscriptions.count();
    }

    public List<ManualPush.MessageRow> getHistory() {
        return manual.latest(20);
    }

    public NotificationPayload getPreview() {
        return preview;
    }

    public long getPreviewRecipients() {
        return previewRecipients;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
