package org.scriptorium.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.content.application.ArticleView;

/** An article page; the router has already found the article and put its view in the request. */
@Named
@RequestScoped
public class ArticlePage {

    @Inject
    private HttpServletRequest request;

    public ArticleView getArticle() {
        return (ArticleView) request.getAttribute(SiteRouter.ARTICLE);
    }
}
