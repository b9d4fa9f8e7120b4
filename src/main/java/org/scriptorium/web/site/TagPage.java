package org.scriptorium.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.content.application.TagListing;

/** A tag page; the router has already found the tag and the page of its articles. */
@Named
@RequestScoped
public class TagPage {

    @Inject
    private HttpServletRequest request;

    public TagListing getTag() {
        return (TagListing) request.getAttribute(SiteRouter.LISTING);
    }
}
