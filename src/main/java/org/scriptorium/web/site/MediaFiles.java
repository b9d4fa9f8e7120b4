package org.scriptorium.web.site;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.content.application.MediaLibrary;

/**
 * Serves the media library read-only at {@code /media/<name>}: known image types only, with their own
 * content type, {@code nosniff}, and a policy that keeps an SVG from running scripts or loading anything.
 */
@WebServlet("/media/*")
public class MediaFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private MediaLibrary media;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        Optional<MediaLibrary.MediaFile> file = info == null || info.lastIndexOf('/') != 0
                ? Optional.empty() : media.find(info.substring(1));
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(file.get().contentType());
        response.setContentLengthLong(file.get().size());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        response.setHeader("Cache-Control", "public, max-age=86400");
        Files.copy(file.get().path(), response.getOutputStream());
    }
}
