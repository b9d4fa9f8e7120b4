package org.scriptorium.web.site;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Claims the paths under each shipped language ({@code /it/*} and so on) for the request mapper. The pages
 * there are routed by {@link SiteRouter}, a filter, which forwards to their views; this servlet only answers
 * 404 for what the router lets through (a path under a language that is not enabled).
 *
 * <p>Why it exists: a path that no servlet claims falls to the default servlet, and to choose that one the
 * container first looks the path up as a file or folder of the web application. On Payara that lookup fails
 * with an exception and its stack trace, for every article, home or list page, before any of our code runs:
 * about a tenth of the time of a page answered from the cache. A prefix mapping is chosen without a lookup.
 * {@code LanguagePathsTest} checks that the mapping lists exactly the shipped languages.
 */
@WebServlet(name = "LanguagePaths", urlPatterns = {"/it/*", "/es/*", "/en/*", "/fr/*", "/de/*", "/pt/*"})
public class LanguagePaths extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
