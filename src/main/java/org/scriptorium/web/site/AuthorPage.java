package org.scriptorium.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.content.application.AuthorListing;

/** A author page; the router has already found the author and the page of its articles. */
@Named
@RequestScoped
public class AuthorPage {

    @Inject
    private HttpServletRequest request;

    public AuthorListing getAuthor() {
        return (AuthorListing) request.getAttribute(SiteRouter.LISTING);
    }
}
