package org.scriptorium.web.site;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;

import org.scriptorium.web.common.RequestLanguage;

/**
 * Points the submission form's action at its view with the page's language ({@code /site/submit.xhtml?lang=de}),
 * where {@link SiteRouter} lets the multipart POST through to the Faces servlet. Every other view keeps the
 * standard action URL. Registered in {@code faces-config.xml}.
 */
public class PublicFormActions extends ViewHandlerWrapper {

    public PublicFormActions(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        if (SiteRouter.SUBMIT_VIEW.equals(viewId)) {
            Object lang = context.getExternalContext().getRequestMap().get(RequestLanguage.ATTRIBUTE);
            return context.getExternalContext().getRequestContextPath() + SiteRouter.SUBMIT_VIEW
                    + (lang instanceof String s ? "?lang=" + s : "");
        }
        return getWrapped().getActionURL(context, viewId);
    }
}
