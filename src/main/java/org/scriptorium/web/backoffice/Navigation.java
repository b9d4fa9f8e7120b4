package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.identity.domain.Role;

/**
 * The back-office menu, filtered by the roles of the signed-in user, and the logout action. Pages added by
 * later features register here with the roles that may see them.
 */
@Named
@RequestScoped
public class Navigation {

    /** A menu entry: a UI string key, a path under the back office and the roles that see it. */
    public record Item(String labelKey, String path, Set<Role> roles) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("nav.dashboard", "/backoffice/", Set.of(Role.values())),
            new Item("nav.articles", "/backoffice/articles", Set.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR, Role.TRANSLATOR)),
            new Item("nav.translations", "/backoffice/translations", Set.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR, Role.TRANSLATOR)),
            new Item("nav.categories", "/backoffice/categories", Set.of(Role.ADMIN, Role.EDITOR)),
            new Item("nav.tags", "/backoffice/tags", Set.of(Role.ADMIN, Role.EDITOR)),
            new Item("nav.authors", "/backoffice/authors", Set.of(Role.ADMIN, Role.EDITOR)),
            new Item("nav.comments", "/backoffice/comments", Set.of(Role.ADMIN, Role.EDITOR, Role.MODERATOR)),
            new Item("nav.media", "/backoffice/media", Set.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR)),
            new Item("nav.submissions", "/backoffice/submissions", Set.of(Role.ADMIN, Role.EDITOR)),
            new Item("nav.users", "/backoffice/users", Set.of(Role.ADMIN)),
            new Item("nav.search", "/backoffice/search", Set.of(Role.ADMIN, Role.EDITOR)),
            new Item("nav.newsletter", "/backoffice/newsletter", Set.of(Role.ADMIN, Role.EDITOR)),
            new Item("nav.push", "/backoffice/push", Set.of(Role.ADMIN, Role.EDITOR)),
            new Item("nav.settings", "/backoffice/settings", Set.of(Role.ADMIN)),
            new Item("nav.mail", "/backoffice/mail", Set.of(Role.ADMIN)),
            new Item("nav.audit", "/backoffice/audit", Set.of(Role.ADMIN)),
            new Item("nav.profile", "/backoffice/profile", Set.of(Role.values())));

    @Inject
    private SecurityContext securityContext;

    @Inject
    private HttpServletRequest request;

    @Inject
    private Audit audit;

    public List<Item> getItems() {
        return ITEMS.stream().filter(i -> i.roles().stream().anyMatch(r -> securityContext.isCallerInRole(r.name()))).toList();
    }

    public boolean isCurrent(Item item) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String path = uri.endsWith(".xhtml") ? uri.substring(0, uri.length() - ".xhtml".length()) : uri;
        return path.equals(item.path()) || ("/backoffice/".equals(item.path()) && "/backoffice/index".equals(path));
    }

    public String getUserName() {
        return securityContext.getCallerPrincipal() == null ? "" : securityContext.getCallerPrincipal().getName();
    }

    public List<String> getRoles() {
        return Arrays.stream(Role.values()).filter(r -> securityContext.isCallerInRole(r.name())).map(Role::name).toList();
    }

    public void logout() throws ServletException, IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (securityContext.getCallerPrincipal() != null) {
            audit.record("user.logout", "user:" + securityContext.getCallerPrincipal().getName(), "");
        }
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/backoffice/login?out=1");
    }
}
