package org.scriptorium.testing;

import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A new {@link TestDatabase} for every test method, closed (and on PostgreSQL dropped) after it:
 * {@code @RegisterExtension final FreshDatabase db = new FreshDatabase();}
 */
public final class FreshDatabase implements BeforeEachCallback, AfterEachCallback {

    private TestDatabase database;

    @Override
    public void beforeEach(ExtensionContext context) {
        database = TestDatabase.create();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        database.close();
    }

    /** See {@link TestDatabase#inTransaction(Function)}. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return database.inTransaction(work);
    }

    /** See {@link TestDatabase#run(Consumer)}. */
    public void run(Consumer<EntityManager> work) {
        database.run(work);
    }
}
