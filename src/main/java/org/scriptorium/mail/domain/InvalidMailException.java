package org.scriptorium.mail.domain;

/** A message or address that would be unsafe or meaningless to send: a caller's mistake, never retried. */
public class InvalidMailException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidMailException(String message) {
        super(message);
    }
}
