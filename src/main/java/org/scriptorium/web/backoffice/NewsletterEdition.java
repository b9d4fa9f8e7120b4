package org.scriptorium.web.backoffice;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.mail.domain.EmailAddress;
import org.scriptorium.mail.domain.MailDeliveryException;
import org.scriptorium.mail.domain.MailMessage;
import org.scriptorium.newsletter.application.ArticleChoice;
import org.scriptorium.newsletter.application.EditionProgress;
import org.scriptorium.newsletter.application.EditionService;
import org.scriptorium.newsletter.domain.Edition;
import org.scriptorium.web.common.Formats;
import org.scriptorium.web.common.Texts;

/**
 * {@code /backoffice/newsletter/edition[?id=]}: composes an edition (picked articles or everything since the
 * last edition), previews it in any language, sends a test copy to the signed-in user, schedules it or sends it
 * now, and shows the progress of its sending.
 */
@Named
@RequestScoped
public class NewsletterEdition {

    @Inject
    private EditionService editions;

    @Inject
    private LanguageService languages;

    @Inject
    private SecurityContext security;

    @Inject
    private HttpServletRequest request;

    @Inject
    private Texts texts;

    @Inject
    private Formats formats;

    private Long id;
    private Edition edition;
    private String title;
    private String mode = "picked";
    private List<String> picked = new ArrayList<>();
    private String previewLanguage;
    private String scheduleAt;

    @PostConstruct
    void load() {
        String param = Optional.ofNullable(request.getParameter("id")).orElse(request.getParameter("edition:id"));
        previewLanguage = Optional.ofNullable(request.getParameter("preview")).filter(languages::isEnabled).orElse(languages.defaultCode());
        if (param == null || param.isBlank()) {
            return;
        }
        try {
            id = Long.valueOf(param);
        } catch (NumberFormatException e) {
            return;
        }
        edition = editions.find(id).orElse(null);
        if (edition == null) {
            id = null;
            return;
        }
        title = edition.getTitle();
        mode = edition.isSinceLast() ? "since" : "picked";
        picked = new ArrayList<>(edition.getArticleIds().stream().map(String::valueOf).toList());
    }

    public boolean isExists() {
        return edition != null;
    }

    public boolean isEditable() {
        return edition == null || edition.isEditable();
    }

    public Edition getEdition() {
        return edition;
    }

    public List<ArticleChoice> getCandidates() {
        return editions.candidates();
    }

    public List<SiteLanguage> getLanguages() {
        return languages.enabled();
    }

    public EditionProgress getProgress() {
        return edition == null ? new EditionProgress(0, 0, 0, 0) : editions.progress(id);
    }

    /** The preview in the chosen language, as HTML for an isolated frame. */
    public String getPreviewHtml() {
        return preview().map(MailMessage::html).orElse("");
    }

    public String getPreviewSubject() {
        return preview().map(MailMessage::subject).orElse("");
    }

    private Optional<MailMessage> preview() {
        if (edition == null) {
            return Optional.empty();
        }
        return Optional.of(editions.preview(id, previewLanguage, EmailAddress.of("preview@example.org")));
    }

    public String save() {
        try {
            List<Long> ids = picked.stream().map(Long::valueOf).toList();
            String actor = actor();
            if (id == null) {
                id = editions.create(title, "since".equals(mode), ids, actor);
            } else {
                editions.update(id, title, "since".equals(mode), ids, actor);
            }
        } catch (IllegalArgumentException e) {
            error("edition:title", texts.get("ned.error.title"));
            return null;
        } catch (IllegalStateException e) {
            error(null, texts.get("ned.error.state"));
            return null;
        }
        return "/backoffice/newsletter/edition.xhtml?faces-redirect=true&id=" + id + "&done=saved";
    }

    public String sendTest() {
        if (id == null) {
            return null;
        }
        Optional<EmailAddress> me = EmailAddress.parse(actor());
        if (me.isEmpty()) {
            error(null, texts.get("mailsettings.error.to"));
            return null;
        }
        try {
            editions.sendTest(id, previewLanguage, me.get(), actor());
        } catch (MailDeliveryException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    texts.format("ned.testFailed", e.getMessage()), null));
            return null;
        }
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                texts.format("ned.testSent", me.get().value()), null));
        return null;
    }

    public String schedule() {
        if (id == null) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(scheduleAt == null ? "" : scheduleAt.strip());
            editions.schedule(id, local.atZone(Formats.SITE_ZONE).toInstant(), actor());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            error("edition:scheduleAt", texts.get("ned.error.time"));
            return null;
        } catch (IllegalStateException e) {
            error(null, texts.get("ned.error.state"));
            return null;
        }
        return "/backoffice/newsletter/edition.xhtml?faces-redirect=true&id=" + id + "&done=scheduled";
    }

    public String unschedule() {
        if (id != null) {
            try {
                editions.unschedule(id, actor());
            } catch (IllegalStateException e) {
                error(null, texts.get("ned.error.state"));
                return null;
            }
        }
        return "/backoffice/newsletter/edition.xhtml?faces-redirect=true&id=" + id;
    }

    public String sendNow() {
        if (id == null) {
            return null;
        }
        int n;
        try {
            n = editions.sendNow(id, actor());
        } catch (IllegalStateException e) {
            error(null, texts.get("ned.error.state"));
            return null;
        }
        return "/backoffice/newsletter/edition.xhtml?faces-redirect=true&id=" + id + "&started=" + n;
    }

    public String getScheduledText() {
        return edition == null ? "" : edition.getScheduledAt().map(formats::dateTime).orElse("");
    }

    private void error(String field, String message) {
        FacesContext.getCurrentInstance().addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    private String actor() {
        return security.getCallerPrincipal() == null ? "system" : security.getCallerPrincipal().getName();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public List<String> getPicked() {
        return picked;
    }

    public void setPicked(List<String> picked) {
        this.picked = picked == null ? new ArrayList<>() : picked;
    }

    public String getPreviewLanguage() {
        return previewLanguage;
    }

    /** Takes an enabled language only; anything else (or nothing) keeps the default. */
    public void setPreviewLanguage(String previewLanguage) {
        if (previewLanguage != null && languages.isEnabled(previewLanguage)) {
            this.previewLanguage = previewLanguage;
        }
    }

    public String getScheduleAt() {
        return scheduleAt;
    }

    public void setScheduleAt(String scheduleAt) {
        this.scheduleAt = scheduleAt;
    }
}
