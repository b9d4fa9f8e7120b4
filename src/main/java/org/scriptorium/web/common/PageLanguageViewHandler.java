package org.scriptorium.web.common;

import java.util.Locale;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;

/**
 * Gives every Faces view the page's language ({@link RequestLanguage}: the URL's language on the public site,
 * the user's choice in the back office) as its locale, so that Faces' own messages ({@link FacesMessages}) and
 * anything else Faces formats speak the reader's language. Registered in {@code faces-config.xml}.
 */
public class PageLanguageViewHandler extends ViewHandlerWrapper {

    private volatile RequestLanguage language;

    public PageLanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    /**
     * The page's locale. The request-scoped bean is looked up once and its client proxy kept: the proxy
     * reaches the current request's instance on every call, and looking it up anew cost a few percent of a
     * page's rendering.
     */
    @Override
    public Locale calculateLocale(FacesContext context) {
        RequestLanguage current = language;
        if (current == null) {
            current = CDI.current().select(RequestLanguage.class).get();
            language = current;
        }
        return current.getLocale();
    }
}
