package org.scriptorium.search;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import org.scriptorium.platform.audit.AuditEvent;

/** Audit events fired outside the container, kept for tests to inspect. */
final class RecordedAudit implements Event<AuditEvent> {

    final List<AuditEvent> fired = new CopyOnWriteArrayList<>();

    @Override
    public void fire(AuditEvent event) {
        fired.add(event);
    }

    @Override
    public <U extends AuditEvent> CompletionStage<U> fireAsync(U event) {
        fired.add(event);
        return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends AuditEvent> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        return fireAsync(event);
    }

    @Override
    public Event<AuditEvent> select(Annotation... qualifiers) {
        return this;
    }

    @Override
    public <U extends AuditEvent> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends AuditEvent> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }
}
