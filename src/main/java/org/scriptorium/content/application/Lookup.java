package org.scriptorium.content.application;

/** The answer to "what does this address show?" for a listing page: the page, where it moved, or nothing. */
public sealed interface Lookup<T> {

    /** The address shows this. */
    record Found<T>(T value) implements Lookup<T> {
    }

    /** The address uses an old slug; the same thing now lives at {@code current} (a slug or a category path). */
    record Moved<T>(String current) implements Lookup<T> {
    }

    /** Nothing readers may see answers to the address, or the page number is past the end. */
    record Missing<T>() implements Lookup<T> {
    }
}
