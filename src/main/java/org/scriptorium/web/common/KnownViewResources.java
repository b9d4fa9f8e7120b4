package org.scriptorium.web.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ViewResource;
import jakarta.faces.context.FacesContext;

/**
 * Remembers where each Facelets file was found. Facelets asks the resource handler for the file of the view and
 * of every template and include on every request, and Mojarra looks the name up again each time; because the
 * application has a message bundle ({@link FacesMessages}), it first asks that bundle for a locale prefix the
 * bundle does not have, which throws and catches an exception. Together about 2.5 % of the CPU of an uncached
 * article page. The WAR's files do not change while it runs (production stage, Facelets refresh off in
 * {@code web.xml}), so the first answer for a name stays right.
 *
 * <p>Only files that exist, under plain names ({@code /themes/magazine/templates/layout.xhtml}: no empty or dot
 * segments), are remembered, so a request cannot make the map grow beyond the files the WAR holds.
 */
public class KnownViewResources extends ResourceHandlerWrapper {

    private static final Pattern PLAIN_NAME = Pattern.compile("(/[A-Za-z0-9_-]+)+\\.xhtml");

    private final Map<String, ViewResource> found = new ConcurrentHashMap<>();

    public KnownViewResources(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public ViewResource createViewResource(FacesContext context, String resourceName) {
        if (resourceName == null) {
            return super.createViewResource(context, null);
        }
        ViewResource known = found.get(resourceName);
        if (known != null) {
            return known;
        }
        ViewResource resource = super.createViewResource(context, resourceName);
        if (resource != null && PLAIN_NAME.matcher(resourceName).matches()) {
            found.putIfAbsent(resourceName, resource);
        }
        return resource;
    }
}
