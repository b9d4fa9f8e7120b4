package org.scriptorium.web.backoffice;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.content.application.AuthorProfiles;

/** The authors' public profiles at {@code /backoffice/authors} (ADMIN, EDITOR), each with a link to edit. */
@Named
@RequestScoped
public class AuthorsPage {

    @Inject
    private AuthorProfiles profiles;

    private List<AuthorProfiles.Profile> all;

    public List<AuthorProfiles.Profile> getAuthors() {
        if (all == null) {
            all = profiles.all();
        }
        return all;
    }
}
