package org.scriptorium.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks a test whose outcome cannot depend on the database: it checks rendering, escaping, a browser's view,
 * an HTTP client or a start-up refusal that comes before any connection. CI runs it once, on the embedded
 * database, and leaves it out of the PostgreSQL run ({@code -DexcludedGroups=database-neutral}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("database-neutral")
public @interface DatabaseNeutral {
}
