package org.scriptorium.web.backoffice;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import org.scriptorium.platform.audit.AuditEvent;

/** Fires an {@link AuditEvent} for a back-office action that succeeded, in the name of the signed-in user. */
@RequestScoped
public class Audit {

    @Inject
    private Event<AuditEvent> events;

    @Inject
    private SecurityContext security;

    /** Records an action by the signed-in user. */
    public void record(String action, String target, String detail) {
        String actor = security.getCallerPrincipal() == null ? "anonymous" : security.getCallerPrincipal().getName();
        events.fire(new AuditEvent(actor, action, target, detail));
    }

    /** Records an action by a named actor (a login, a password set through an e-mailed link). */
    public void recordAs(String actor, String action, String target, String detail) {
        events.fire(new AuditEvent(actor, action, target, detail));
    }

    /** The e-mail of the signed-in user, or empty. */
    public String caller() {
        return security.getCallerPrincipal() == null ? "" : security.getCallerPrincipal().getName();
    }
}
