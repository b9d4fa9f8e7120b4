package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.media.application.ImageSniffer;
import org.scriptorium.submissions.application.SubmissionReview;

/**
 * Shows editors a submitted picture from quarantine: {@code /backoffice/submission-image?id=..&file=..}
 * (EDITOR, ADMIN, by web.xml). The content type is sniffed again from the bytes; never cached, never
 * sniffed by the browser, never run.
 */
@WebServlet("/backoffice/submission-image")
public class SubmissionImages extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private SubmissionReview review;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<byte[]> bytes;
        try {
            bytes = review.imageBytes(Long.parseLong(String.valueOf(request.getParameter("id"))),
                    String.valueOf(request.getParameter("file")));
        } catch (NumberFormatException e) {
            bytes = Optional.empty();
        }
        var type = bytes.flatMap(ImageSniffer::magic);
        if (type.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type.get().contentType());
        response.setContentLength(bytes.get().length);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(bytes.get());
    }
}
