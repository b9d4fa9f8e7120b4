package org.scriptorium.testing;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import org.scriptorium.content.domain.ContentEvent;

/** A CDI {@link Event} outside the container that keeps what was fired, for tests to inspect. */
public final class RecordingEvents implements Event<ContentEvent> {

    private final List<ContentEvent> fired = new CopyOnWriteArrayList<>();

    public List<ContentEvent> fired() {
        return List.copyOf(fired);
    }

    public void clear() {
        fired.clear();
    }

    @Override
    public void fire(ContentEvent event) {
        fired.add(event);
    }

    @Override
    public <U extends ContentEvent> CompletionStage<U> fireAsync(U event) {
        fired.add(event);
        return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends ContentEvent> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        return fireAsync(event);
    }

    @Override
    public Event<ContentEvent> select(Annotation... qualifiers) {
        return this;
    }

    @Override
    public <U extends ContentEvent> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends ContentEvent> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }
}
