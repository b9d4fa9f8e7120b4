package org.scriptorium.platform.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.Cache;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.Query;
import jakarta.persistence.SynchronizationType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.metamodel.Metamodel;

/**
 * An entity manager factory that is still being built on a thread of its own. Payara builds the persistence
 * unit on its one deployment thread and then goes on with CDI, the EJB container, Faces and the web module,
 * which need no database; on a 2-core machine the second core idled meanwhile. So the container gets this
 * factory at once, Hibernate (with Envers and Hibernate Search) boots beside the rest of the deployment, and
 * the first call that needs the real factory waits for it. A build that failed
 * fails that call, and every later one, with the cause.
 */
final class EntityManagerFactoryInBackground implements EntityManagerFactory {

    private final CompletableFuture<EntityManagerFactory> built = new CompletableFuture<>();

    private EntityManagerFactoryInBackground() {
    }

    /** Starts {@code build} on a new thread whose context class loader is {@code loader}. */
    static EntityManagerFactoryInBackground start(ClassLoader loader, Supplier<EntityManagerFactory> build) {
        EntityManagerFactoryInBackground factory = new EntityManagerFactoryInBackground();
        Thread thread = new Thread(() -> {
            try {
                factory.built.complete(build.get());
            } catch (Throwable e) {
                factory.built.completeExceptionally(e);
            }
        }, "scriptorium-persistence-start");
        thread.setContextClassLoader(loader);
        thread.setDaemon(true);
        thread.start();
        return factory;
    }

    /** The built factory, waiting for it if need be. */
    EntityManagerFactory built() {
        try {
            return built.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new PersistenceException("The persistence unit could not be built", cause);
        }
    }

    @Override
    public EntityManager createEntityManager() {
        return whenBuilt(factory -> factory.createEntityManager());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public EntityManager createEntityManager(Map map) {
        return whenBuilt(factory -> factory.createEntityManager(map));
    }

    @Override
    public EntityManager createEntityManager(SynchronizationType synchronizationType) {
        return whenBuilt(factory -> factory.createEntityManager(synchronizationType));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public EntityManager createEntityManager(SynchronizationType synchronizationType, Map map) {
        return whenBuilt(factory -> factory.createEntityManager(synchronizationType, map));
    }

    /**
     * The entity manager {@code create} makes, at once when the factory is built, or else one that is made on
     * its first use. Payara opens and closes an entity manager as soon as the persistence unit is prepared (to
     * make the provider validate early); that one is never used, so it need not wait for the build.
     */
    private EntityManager whenBuilt(Function<EntityManagerFactory, EntityManager> create) {
        if (built.isDone()) {
            return create.apply(built());
        }
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, new MadeOnFirstUse(() -> create.apply(built())));
    }

    /** An entity manager made when one of its methods is first called; closing an unused one does nothing. */
    private static final class MadeOnFirstUse implements InvocationHandler {

        private final Supplier<EntityManager> make;
        private EntityManager made;
        private boolean closedUnused;

        MadeOnFirstUse(Supplier<EntityManager> make) {
            this.make = make;
        }

        @Override
        public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "EntityManager made on first use (" + made + ")";
                default:
                    break;
            }
            if (made == null) {
                if (method.getName().equals("close") && !closedUnused) {
                    closedUnused = true;
                    return null;
                }
                if (method.getName().equals("isOpen")) {
                    return !closedUnused;
                }
                if (closedUnused) {
                    throw new IllegalStateException("The entity manager is closed");
                }
                made = make.get();
            }
            try {
                return method.invoke(made, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public CriteriaBuilder getCriteriaBuilder() {
        return built().getCriteriaBuilder();
    }

    @Override
    public Metamodel getMetamodel() {
        return built().getMetamodel();
    }

    @Override
    public boolean isOpen() {
        if (!built.isDone()) {
            return true;
        }
        return !built.isCompletedExceptionally() && built.join().isOpen();
    }

    @Override
    public void close() {
        if (!built.isCompletedExceptionally()) {
            built().close();
        }
    }

    @Override
    public Map<String, Object> getProperties() {
        return built().getProperties();
    }

    @Override
    public Cache getCache() {
        return built().getCache();
    }

    @Override
    public PersistenceUnitUtil getPersistenceUnitUtil() {
        return built().getPersistenceUnitUtil();
    }

    @Override
    public void addNamedQuery(String name, Query query) {
        built().addNamedQuery(name, query);
    }

    @Override
    public <T> T unwrap(Class<T> cls) {
        if (cls.isInstance(this)) {
            return cls.cast(this);
        }
        return built().unwrap(cls);
    }

    @Override
    public <T> void addNamedEntityGraph(String graphName, EntityGraph<T> entityGraph) {
        built().addNamedEntityGraph(graphName, entityGraph);
    }
}
