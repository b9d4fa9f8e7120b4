package org.scriptorium.web.site;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * Makes every view of the public site ({@code /site/...}) transient: Faces neither records the component
 * tree's initial state while building it nor keeps any state after rendering it. The public pages are read,
 * not posted back (the comment and newsletter forms post to servlets; the submission form is stateless
 * already), so there is nothing to restore, and a page rendered afresh costs less. Back-office views keep
 * their state. Registered in {@code faces-config.xml}.
 */
public class StatelessSiteViews extends ViewHandlerWrapper {

    static final String SITE_VIEWS = "/site/";

    public StatelessSiteViews(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = getWrapped().createView(context, viewId);
        if (root != null && viewId != null && viewId.startsWith(SITE_VIEWS)) {
            root.setTransient(true);
        }
        return root;
    }
}
