package org.scriptorium.web.backoffice;

import java.io.Serializable;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.identity.application.IdentityException;
import org.scriptorium.identity.application.UserService;
import org.scriptorium.web.common.Texts;

/**
 * Every user's own page at {@code /backoffice/profile}: the language they read the back office in and their
 * password (changed by confirming the current one).
 */
@Named
@ViewScoped
public class ProfilePage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Each shipped back-office language, named in itself. */
    private static final List<Choice> LANGUAGES = List.of(new Choice("it", "Italiano"), new Choice("es", "Español"),
            new Choice("en", "English"), new Choice("fr", "Français"), new Choice("de", "Deutsch"),
            new Choice("pt", "Português"));

    /** A language offered for the back office. */
    public record Choice(String code, String name) {
    }

    @Inject
    private transient UserService users;

    @Inject
    private transient Texts texts;

    @Inject
    private transient Audit audit;

    private String uiLanguage;
    private String current;
    private String newPassword;
    private String confirmation;
    private final FormErrors errors = new FormErrors();

    @PostConstruct
    void load() {
        uiLanguage = users.findByEmail(audit.caller()).flatMap(u -> u.getUiLanguage()).orElse("");
    }

    public String saveLanguage() {
        errors.clear();
        try {
            users.chooseUiLanguage(audit.caller(), uiLanguage);
            audit.record("profile.language", "user:" + audit.caller(), uiLanguage);
            return "/backoffice/profile.xhtml?faces-redirect=true&saved=language";
        } catch (IdentityException e) {
            errors.put(e.field(), IdentityMessages.of(e, texts));
            return null;
        }
    }

    public String changePassword() {
        errors.clear();
        try {
            users.changeOwnPassword(audit.caller(), current, newPassword, confirmation);
            audit.record("profile.password", "user:" + audit.caller(), "");
            return "/backoffice/profile.xhtml?faces-redirect=true&saved=password";
        } catch (IdentityException e) {
            errors.put(e.field(), IdentityMessages.of(e, texts));
            return null;
        }
    }

    public List<Choice> getLanguages() {
        return LANGUAGES.stream().filter(c -> UiTexts.SHIPPED_LANGUAGES.contains(c.code())).toList();
    }

    public FormErrors getErrors() {
        return errors;
    }

    public String getUiLanguage() {
        return uiLanguage;
    }

    public void setUiLanguage(String uiLanguage) {
        this.uiLanguage = uiLanguage;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
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
