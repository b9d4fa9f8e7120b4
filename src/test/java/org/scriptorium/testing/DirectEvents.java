package org.scriptorium.testing;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

/**
 * A CDI {@link Event} outside the container: keeps what was fired and hands each event synchronously to
 * the observers given, as CDI does with {@code @Observes} inside the firing transaction.
 */
public final class DirectEvents<T> implements Event<T> {

    private final List<T> fired = new CopyOnWriteArrayList<>();
    private final List<Consumer<T>> observers = new CopyOnWriteArrayList<>();

    public DirectEvents() {
    }

    /** Events handed to one observer as they are fired. */
    public DirectEvents(Consumer<T> observer) {
        observers.add(observer);
    }

    public DirectEvents<T> observedBy(Consumer<T> observer) {
        observers.add(observer);
        return this;
    }

    public List<T> fired() {
        return List.copyOf(fired);
    }

    public void clear() {
        fired.clear();
    }

    @Override
    public void fire(T event) {
        fired.add(event);
        observers.forEach(o -> o.accept(event));
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
        fire(event);
        return CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        return fireAsync(event);
    }

    @Override
    public Event<T> select(Annotation... qualifiers) {
        return this;
    }

    @Override
    public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }
}
