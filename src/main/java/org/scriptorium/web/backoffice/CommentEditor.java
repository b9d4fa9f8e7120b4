package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.comments.application.CommentDetail;
import org.scriptorium.comments.application.CommentService;
import org.scriptorium.comments.application.ModerationAction;
import org.scriptorium.comments.application.ModerationRefused;
import org.scriptorium.web.common.Texts;

/**
 * One comment in the back office at {@code /backoffice/comment?id=..}: its text and author to edit, its
 * status actions, a reply as staff, every check's verdict with the reason, what the reader submitted and
 * the full history. A refused edit shows the form again as typed, with a message per field.
 */
@Named
@RequestScoped
public class CommentEditor {

    @Inject
    private CommentService comments;

    @Inject
    private SecurityContext security;

    @Inject
    private HttpServletRequest request;

    @Inject
    private Texts texts;

    private long id;
    private CommentDetail detail;
    private String name;
    private String email;
    private String url;
    private String body;
    private String reply;

    @PostConstruct
    void load() {
        String p = request.getParameter("id");
        if (p == null || !p.matches("[0-9]{1,18}")) {
            return;
        }
        id = Long.parseLong(p);
        try {
            detail = comments.detail(caller(), id).orElse(null);
        } catch (ModerationRefused e) {
            detail = null;
        }
        if (detail != null) {
            name = detail.name();
            email = detail.email();
            url = detail.url();
            body = detail.body();
        }
    }

    public boolean isFound() {
        return detail != null;
    }

    public CommentDetail getDetail() {
        return detail;
    }

    public long getId() {
        return id;
    }

    public String save() throws IOException {
        try {
            Map<String, String> errors = comments.edit(caller(), id, name, email, url, body);
            if (!errors.isEmpty()) {
                errors.forEach((field, key) -> FacesContext.getCurrentInstance().addMessage("edit:" + field,
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.get(key), null)));
                return null;
            }
        } catch (ModerationRefused e) {
            refused(e);
            return null;
        }
        return back("saved");
    }

    public String sendReply() throws IOException {
        try {
            comments.reply(caller(), id, reply);
        } catch (ModerationRefused e) {
            FacesContext.getCurrentInstance().addMessage("reply:text",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.get(e.messageKey()), null));
            return null;
        }
        return back("replied");
    }

    public String approve() throws IOException {
        return act(ModerationAction.APPROVE);
    }

    public String unapprove() throws IOException {
        return act(ModerationAction.UNAPPROVE);
    }

    public String spam() throws IOException {
        return act(ModerationAction.SPAM);
    }

    public String notSpam() throws IOException {
        return act(ModerationAction.NOT_SPAM);
    }

    public String trash() throws IOException {
        return act(ModerationAction.TRASH);
    }

    public String delete() throws IOException {
        try {
            comments.moderate(caller(), ModerationAction.DELETE, List.of(id));
        } catch (ModerationRefused e) {
            refused(e);
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().redirect(request.getContextPath()
                + "/backoffice/comments?done=1");
        return null;
    }

    private String act(ModerationAction action) throws IOException {
        try {
            comments.moderate(caller(), action, List.of(id));
        } catch (ModerationRefused e) {
            refused(e);
            return null;
        }
        return back("status");
    }

    private void refused(ModerationRefused e) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.get(e.messageKey()), null));
    }

    private String back(String note) throws IOException {
        FacesContext.getCurrentInstance().getExternalContext().redirect(request.getContextPath()
                + "/backoffice/comment?id=" + id + "&note=" + note);
        return null;
    }

    /** The note after a redirect (saved, replied, status), as a UI-string key. */
    public String getNote() {
        String n = Optional.ofNullable(request.getParameter("note")).orElse("");
        return switch (n) {
            case "saved" -> texts.get("moderation.saved");
            case "replied" -> texts.get("moderation.replied");
            case "status" -> texts.get("moderation.statusChanged");
            default -> "";
        };
    }

    private String caller() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }
}
