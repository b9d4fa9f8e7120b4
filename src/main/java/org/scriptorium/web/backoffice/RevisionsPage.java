package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.scriptorium.content.application.EditorialException;
import org.scriptorium.content.application.EditorialService;
import org.scriptorium.content.application.EditorialService.FieldDiff;
import org.scriptorium.content.application.EditorialService.RevisionEntry;
import org.scriptorium.web.common.Texts;

/**
 * The revisions of one translation at {@code /backoffice/revisions?id=..&lang=..[&a=..&b=..]}: every save,
 * newest first, a word-level comparison of any two (by default the two latest), and restoring an earlier
 * text, after which the editor opens with the restored text.
 */
@Named
@ViewScoped
public class RevisionsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** UI-string keys of field labels are this prefix and the field name. */
    static final String FIELD_LABEL_PREFIX = ArticleEditor.FIELD_LABEL_PREFIX;

    @Inject
    private transient EditorialService editorial;

    @Inject
    private transient SecurityContext security;

    @Inject
    private transient Texts texts;

    private long articleId;
    private String language;
    private List<RevisionEntry> revisions = List.of();
    private List<FieldDiff> diffs = List.of();
    private long older;
    private long newer;
    private boolean loaded;

    /** Reads the address; answers 404 or 403 for what cannot be opened. */
    public void load() throws IOException {
        if (loaded) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        var params = external.getRequestParameterMap();
        try {
            articleId = Long.parseLong(String.valueOf(params.get("id")).strip());
            language = String.valueOf(params.get("lang")).strip();
            revisions = editorial.revisions(caller(), articleId, language);
            if (revisions.isEmpty()) {
                throw new EditorialException(EditorialException.Reason.NOT_FOUND, "");
            }
            newer = number(params.get("b"), revisions.get(0).number());
            older = number(params.get("a"), revisions.size() > 1 ? revisions.get(1).number() : newer);
            if (older > newer) {
                long swap = older;
                older = newer;
                newer = swap;
            }
            diffs = editorial.compare(caller(), articleId, language, older, newer);
            loaded = true;
        } catch (NumberFormatException e) {
            external.responseSendError(404, null);
            faces.responseComplete();
        } catch (EditorialException e) {
            external.responseSendError(e.reason() == EditorialException.Reason.FORBIDDEN ? 403 : 404, null);
            faces.responseComplete();
        }
    }

    /** Puts the text of the given revision back and opens the editor. */
    public String restore(long number) {
        try {
            editorial.restore(caller(), articleId, language, number);
            return "/backoffice/article.xhtml?faces-redirect=true&id=" + articleId + "&lang=" + language + "&saved=RESTORE";
        } catch (EditorialException e) {
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.get("editor.error.notFound"), null));
            return null;
        }
    }

    private static long number(String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return Long.parseLong(value.strip());
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public String fieldLabel(String field) {
        return texts.get(FIELD_LABEL_PREFIX + field);
    }

    public long getArticleId() {
        return articleId;
    }

    public String getLanguage() {
        return language;
    }

    public List<RevisionEntry> getRevisions() {
        return revisions;
    }

    public List<FieldDiff> getDiffs() {
        return diffs;
    }

    public long getOlder() {
        return older;
    }

    public long getNewer() {
        return newer;
    }
}
