package org.scriptorium.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.content.application.CategoryListing;

/** A category page; the router has already found the category and the page of its articles. */
@Named
@RequestScoped
public class CategoryPage {

    @Inject
    private HttpServletRequest request;

    public CategoryListing getCategory() {
        return (CategoryListing) request.getAttribute(SiteRouter.LISTING);
    }
}
