package org.scriptorium.web.backoffice;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.content.application.ArticleView;
import org.scriptorium.content.application.EditorialException;
import org.scriptorium.content.application.EditorialService;
import org.scriptorium.web.common.RequestLanguage;
import org.scriptorium.web.site.SiteRouter;

/**
 * The preview at {@code /backoffice/preview?id=..&lang=..}: the stored translation, whatever its status,
 * rendered by the public article page through the active theme, exactly as readers would see it once
 * published. Only signed-in back-office users who may work on the article get it; it is never cached and
 * tells search engines not to index it.
 */
@WebServlet("/backoffice/preview")
public class ArticlePreview extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Request attribute present while a preview renders; the theme's head then asks not to be indexed. */
    public static final String PREVIEW = "scriptorium.preview";

    @Inject
    private transient EditorialService editorial;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Cache-Control", "no-store");
        String id = request.getParameter("id");
        String lang = request.getParameter("lang");
        if (request.getUserPrincipal() == null || id == null || lang == null || !id.strip().matches("[0-9]{1,18}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ArticleView view;
        try {
            view = editorial.preview(request.getUserPrincipal().getName(), Long.parseLong(id.strip()), lang.strip());
        } catch (EditorialException e) {
            response.sendError(e.reason() == EditorialException.Reason.FORBIDDEN
                    ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(RequestLanguage.ATTRIBUTE, view.language());
        request.setAttribute(SiteRouter.ARTICLE, view);
        request.setAttribute(PREVIEW, Boolean.TRUE);
        request.getRequestDispatcher("/site/article.xhtml").forward(request, response);
    }
}
