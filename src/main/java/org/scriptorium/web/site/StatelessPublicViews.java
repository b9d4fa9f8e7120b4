package org.scriptorium.web.site;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * Renders the public views ({@code /site/*.xhtml}) as transient, stateless views. With server-side state
 * saving Faces would otherwise open an HTTP session for every reader just to keep a view state nobody posts
 * back, and a page that sets a session cookie can be neither cached nor shared by proxies. Registered in
 * {@code faces-config.xml}.
 */
public class StatelessPublicViews implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void beforePhase(PhaseEvent event) {
        UIViewRoot root = event.getFacesContext().getViewRoot();
        if (root != null && root.getViewId() != null && root.getViewId().startsWith("/site/")) {
            root.setTransient(true);
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        // Nothing to do once the view is rendered.
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }
}
