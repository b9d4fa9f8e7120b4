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

    public PageLanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        return CDI.current().select(RequestLanguage.class).get().getLocale();
    }
}
