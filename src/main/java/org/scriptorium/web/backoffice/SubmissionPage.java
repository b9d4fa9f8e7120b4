package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.spam.domain.FeedbackReceipt;
import org.scriptorium.submissions.application.SubmissionException;
import org.scriptorium.submissions.application.SubmissionReview;
import org.scriptorium.web.common.Texts;

/**
 * One submission at {@code /backoffice/submission?id=}: the sanitised story with its pictures, the sender,
 * the spam check, reviewer and internal notes, and the decisions. Decline messages start from templates in
 * the submitter's language, editable before sending. Accepting opens the new draft in the article editor.
 */
@Named
@ViewScoped
public class SubmissionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SubmissionReview review;

    @Inject
    private transient SecurityContext security;

    @Inject
    private transient Texts texts;

    @Inject
    private transient UiTexts uiTexts;

    private long id;
    private SubmissionReview.Detail detail;
    private String reviewer;
    private String note;
    private String message;
    private String template;
    private boolean loaded;

    public void load() throws IOException {
        if (loaded) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            id = Long.parseLong(String.valueOf(external.getRequestParameterMap().get("id")).strip());
        } catch (NumberFormatException e) {
            external.responseSendError(404, null);
            faces.responseComplete();
            return;
        }
        if (!refresh()) {
            external.responseSendError(404, null);
            faces.responseComplete();
            return;
        }
        loaded = true;
    }

    private boolean refresh() {
        detail = review.detail(id).orElse(null);
        if (detail != null) {
            reviewer = detail.reviewer();
        }
        return detail != null;
    }

    /** The decline templates in the submitter's language: key to text. */
    public Map<String, String> getTemplates() {
        String lang = detail.language();
        return Map.of(
                "notFit", uiTexts.msg(lang, "submissions.decline.notFit"),
                "notOriginal", uiTexts.msg(lang, "submissions.decline.notOriginal"),
                "needsWork", uiTexts.msg(lang, "submissions.decline.needsWork"));
    }

    public List<String> getTemplateKeys() {
        return List.of("notFit", "notOriginal", "needsWork");
    }

    public String templateLabel(String key) {
        return switch (key) {
            case "notFit" -> texts.get("submissions.template.notFit");
            case "notOriginal" -> texts.get("submissions.template.notOriginal");
            default -> texts.get("submissions.template.needsWork");
        };
    }

    /** Fills the message with the chosen template. */
    public void useTemplate() {
        if (template != null && getTemplates().containsKey(template)) {
            message = getTemplates().get(template);
        }
    }

    public String startReview() {
        return act(() -> review.startReview(caller(), id), "review");
    }

    public String assign() {
        return act(() -> review.assign(caller(), id, reviewer), "assigned");
    }

    public String addNote() {
        return act(() -> review.addNote(caller(), id, note), "noted");
    }

    public String decline() {
        return act(() -> review.decline(caller(), id, message), "declined");
    }

    public String markSpam() {
        try {
            FeedbackReceipt receipt = review.markSpam(caller(), id);
            return done(receipt.accepted() ? "spam" : "spamUnreported");
        } catch (SubmissionException e) {
            report(e);
            return null;
        }
    }

    public String markHam() {
        try {
            FeedbackReceipt receipt = review.markHam(caller(), id);
            return done(receipt.accepted() ? "ham" : "hamUnreported");
        } catch (SubmissionException e) {
            report(e);
            return null;
        }
    }

    public String accept() {
        try {
            SubmissionReview.Accepted accepted = review.accept(caller(), id, message);
            return "/backoffice/article.xhtml?faces-redirect=true&id=" + accepted.articleId() + "&lang=" + accepted.language();
        } catch (SubmissionException e) {
            report(e);
            return null;
        } catch (RuntimeException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    texts.get("submissions.error.accept"), null));
            return null;
        }
    }

    private String act(Runnable action, String done) {
        try {
            action.run();
            return done(done);
        } catch (SubmissionException e) {
            report(e);
            return null;
        }
    }

    private String done(String what) {
        return "/backoffice/submission.xhtml?faces-redirect=true&id=" + id + "&done=" + what;
    }

    private void report(SubmissionException e) {
        String text = switch (e.reason()) {
            case REQUIRED -> texts.get("submissions.error.required");
            case TOO_LONG -> texts.get("submissions.error.tooLong");
            case WRONG_STATUS -> texts.get("submissions.error.status");
            default -> texts.get("submissions.error.notFound");
        };
        String field = switch (e.field()) {
            case "note" -> "notes:note";
            case "message" -> "decide:message";
            case "reviewer" -> "assign:reviewer";
            default -> null;
        };
        FacesContext.getCurrentInstance().addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public SubmissionReview.Detail getDetail() {
        return detail;
    }

    public List<String> getReviewers() {
        return review.reviewers();
    }

    public String getReviewer() {
        return reviewer;
    }

    public void setReviewer(String reviewer) {
        this.reviewer = reviewer;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }
}
