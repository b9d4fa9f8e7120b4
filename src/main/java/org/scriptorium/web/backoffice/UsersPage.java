package org.scriptorium.web.backoffice;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.identity.application.UserService;
import org.scriptorium.identity.domain.User;

/** The list of back-office users, for administrators, with links to edit each and to add one. */
@Named
@RequestScoped
public class UsersPage {

    @Inject
    private UserService users;

    private List<User> all;

    public List<User> getUsers() {
        if (all == null) {
            all = users.all();
        }
        return all;
    }
}
