package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.io.Writer;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.newsletter.application.SubscriberAdmin;

/** {@code /backoffice/newsletter/export}: every subscriber with their consent evidence, as a CSV download. */
@WebServlet("/backoffice/newsletter/export")
public class NewsletterExport extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SubscriberAdmin admin;

    @Inject
    private transient SecurityContext security;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"newsletter-subscribers.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = response.getWriter();
        admin.export(out, security.getCallerPrincipal() == null ? "system" : security.getCallerPrincipal().getName());
    }
}
