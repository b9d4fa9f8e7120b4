package org.scriptorium.web.backoffice;

import java.io.Serializable;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.identity.application.IdentityException;
import org.scriptorium.identity.application.PasswordLinks;
import org.scriptorium.identity.domain.User;
import org.scriptorium.web.common.Texts;

/**
 * {@code /backoffice/set-password?token=...}: the page an invitation or reset e-mail links to. Shows the form
 * only for a link that can still be used; a used or expired link says so and points to the reset page.
 */
@Named
@ViewScoped
public class SetPasswordPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient PasswordLinks links;

    @Inject
    private transient Texts texts;

    @Inject
    private transient Audit audit;

    private String token;
    private boolean usable;
    private String newPassword;
    private String confirmation;
    private final FormErrors errors = new FormErrors();

    @PostConstruct
    void load() {
        token = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("token");
        usable = links.isUsable(token);
    }

    public String save() {
        errors.clear();
        try {
            User user = links.choosePassword(token, newPassword, confirmation);
            audit.recordAs(user.getEmail(), "user.passwordSet", "user:" + user.getId(), "");
            return "/backoffice/login.xhtml?faces-redirect=true&password=1";
        } catch (IdentityException e) {
            if (e.reason() == IdentityException.Reason.TOKEN_INVALID) {
                usable = false;
            }
            errors.put(e.field(), IdentityMessages.of(e, texts));
            return null;
        }
    }

    public boolean isUsable() {
        return usable;
    }

    public FormErrors getErrors() {
        return errors;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
