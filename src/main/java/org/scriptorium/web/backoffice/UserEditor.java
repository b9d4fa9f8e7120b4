package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.identity.application.IdentityException;
import org.scriptorium.identity.application.PasswordLinks;
import org.scriptorium.identity.application.UserForm;
import org.scriptorium.identity.application.UserService;
import org.scriptorium.identity.domain.Role;
import org.scriptorium.identity.domain.User;
import org.scriptorium.web.common.Texts;

/**
 * Creating and changing a user at {@code /backoffice/user} (ADMIN; {@code ?id=} for an existing user).
 * A new user gets either the password typed here or, when it is left empty, an e-mailed invitation to
 * choose one. Roles, a translator's languages and whether the account may log in are changed here; a
 * deactivated user cannot log in and is signed out at their next request.
 */
@Named
@ViewScoped
public class UserEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient UserService users;

    @Inject
    private transient PasswordLinks links;

    @Inject
    private transient LanguageService languages;

    @Inject
    private transient Texts texts;

    @Inject
    private transient Audit audit;

    private Long id;
    private String email;
    private String name;
    private List<String> roles = new ArrayList<>();
    private List<String> translatorLanguages = new ArrayList<>();
    private boolean active = true;
    private String password;
    private boolean loaded;
    private final FormErrors errors = new FormErrors();

    public void load() throws IOException {
        if (loaded) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String idParam = external.getRequestParameterMap().get("id");
        if (idParam != null && !idParam.isBlank()) {
            Optional<User> user;
            try {
                user = users.find(Long.parseLong(idParam.strip()));
            } catch (NumberFormatException e) {
                user = Optional.empty();
            }
            if (user.isEmpty()) {
                external.responseSendError(404, null);
                FacesContext.getCurrentInstance().responseComplete();
                return;
            }
            User u = user.get();
            id = u.getId();
            email = u.getEmail();
            name = u.getName();
            roles = new ArrayList<>(u.getRoles().stream().map(Role::name).toList());
            translatorLanguages = new ArrayList<>(u.getTranslatorLanguages());
            active = u.isActive();
        }
        loaded = true;
    }

    public String save() {
        errors.clear();
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        for (String r : roles) {
            chosen.add(Role.valueOf(r));
        }
        UserForm form = new UserForm(email, name, chosen, new LinkedHashSet<>(translatorLanguages), active);
        Set<String> allowed = languages.all().stream().map(SiteLanguage::getCode).collect(Collectors.toSet());
        try {
            if (id == null) {
                boolean invite = password == null || password.isEmpty();
                User created = users.register(form, invite ? Optional.empty() : Optional.of(password), allowed);
                audit.record("user.create", "user:" + created.getId(), created.getEmail() + " " + chosen);
                if (invite) {
                    try {
                        links.invite(created.getId());
                    } catch (IllegalStateException mailFailed) {
                        return "/backoffice/user.xhtml?faces-redirect=true&id=" + created.getId() + "&saved=notSent";
                    }
                    audit.record("user.invite", "user:" + created.getId(), created.getEmail());
                }
                return "/backoffice/user.xhtml?faces-redirect=true&id=" + created.getId() + "&saved=" + (invite ? "invited" : "created");
            }
            User before = users.find(id).orElseThrow(() -> new IdentityException(IdentityException.Reason.NOT_FOUND, ""));
            boolean wasActive = before.isActive();
            users.update(id, form, allowed, audit.caller());
            audit.record("user.update", "user:" + id, email + " " + chosen + " " + translatorLanguages);
            if (wasActive != active) {
                audit.record(active ? "user.activate" : "user.deactivate", "user:" + id, email);
            }
            return "/backoffice/user.xhtml?faces-redirect=true&id=" + id + "&saved=updated";
        } catch (IdentityException e) {
            errors.put(e.field(), IdentityMessages.of(e, texts));
            return null;
        }
    }

    /** Sends an existing user a new link to choose a password (a lost invitation, a forgotten password). */
    public String invite() {
        if (id == null) {
            return null;
        }
        try {
            links.invite(id);
        } catch (IllegalStateException mailFailed) {
            return "/backoffice/user.xhtml?faces-redirect=true&id=" + id + "&saved=notSent";
        }
        audit.record("user.invite", "user:" + id, email);
        return "/backoffice/user.xhtml?faces-redirect=true&id=" + id + "&saved=invited";
    }

    public List<Role> getAllRoles() {
        return List.of(Role.values());
    }

    public List<SiteLanguage> getLanguages() {
        return languages.all();
    }

    public FormErrors getErrors() {
        return errors;
    }

    public boolean isExists() {
        return id != null;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
    }

    public List<String> getTranslatorLanguages() {
        return translatorLanguages;
    }

    public void setTranslatorLanguages(List<String> translatorLanguages) {
        this.translatorLanguages = translatorLanguages == null ? new ArrayList<>() : new ArrayList<>(translatorLanguages);
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
