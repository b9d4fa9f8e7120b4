package org.scriptorium.web.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A form posted after its view state expired (a session timed out, the server restarted) reloads the page
 * with a note asking to try again, instead of an error page. The login form is stateless and never expires.
 */
public class ExpiredViewHandler extends ExceptionHandlerWrapper {

    public ExpiredViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable t = events.next().getContext().getException();
            while (t instanceof FacesException && t.getCause() != null && !(t instanceof ViewExpiredException)) {
                t = t.getCause();
            }
            if (t instanceof ViewExpiredException) {
                events.remove();
                reload(FacesContext.getCurrentInstance());
            }
        }
        getWrapped().handle();
    }

    private static void reload(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            external.redirect(request.getRequestURI() + "?expired=1");
            faces.responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers the handler in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredViewHandler(getWrapped().getExceptionHandler());
        }
    }
}
