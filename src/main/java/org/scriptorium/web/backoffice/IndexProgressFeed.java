package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.search.application.IndexMaintenance;
import org.scriptorium.search.application.RebuildProgress;
import org.scriptorium.web.common.Json;

/**
 * {@code /backoffice/search-progress}: the state of the index rebuild as JSON, which the back-office search
 * page polls to move its progress bar. Behind the same security constraint as the page.
 */
@WebServlet("/backoffice/search-progress")
public class IndexProgressFeed extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient IndexMaintenance maintenance;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RebuildProgress progress = maintenance.progress();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("running", progress.running());
        body.put("done", progress.done());
        body.put("total", progress.total());
        body.put("percent", progress.percent());
        body.put("failed", progress.failure() != null);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.write(body));
    }
}
