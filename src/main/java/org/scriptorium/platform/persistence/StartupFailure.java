package org.scriptorium.platform.persistence;

/**
 * A start-up fault that the operator fixes through configuration. Its message is one line that names the
 * key to change, and it is logged as such instead of as a stack trace.
 */
public class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupFailure(String message) {
        super(message, null, false, false);
    }
}
