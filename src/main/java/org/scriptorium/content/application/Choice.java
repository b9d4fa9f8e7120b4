package org.scriptorium.content.application;

/** Something to pick in a back-office form: an id and its label in the editor's language. */
public record Choice(long id, String label) {
}
