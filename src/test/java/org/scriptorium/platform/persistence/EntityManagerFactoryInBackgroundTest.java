package org.scriptorium.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class EntityManagerFactoryInBackgroundTest {

    /** What the stand-in factory and its entity managers were asked, in order. */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Test
    void anEntityManagerAskedForDuringTheBuildIsMadeOnItsFirstUseAndClosingItUnusedNeedsNoFactory() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        EntityManagerFactoryInBackground factory = EntityManagerFactoryInBackground.start(getClass().getClassLoader(), () -> {
            await(release);
            return standIn();
        });

        EntityManager unused = factory.createEntityManager();
        assertThat(unused.isOpen()).isTrue();
        unused.close();
        assertThat(unused.isOpen()).isFalse();
        assertThat(factory.isOpen()).isTrue();

        EntityManager used = factory.createEntityManager();
        release.countDown();
        assertThat(used.isJoinedToTransaction()).isTrue();
        used.close();
        assertThat(calls).containsExactly("createEntityManager", "isJoinedToTransaction", "close");

        calls.clear();
        factory.createEntityManager().clear();
        assertThat(calls).containsExactly("createEntityManager", "clear");
    }

    @Test
    void aCallThatNeedsTheFactoryWaitsForTheBuild() {
        CountDownLatch release = new CountDownLatch(1);
        EntityManagerFactoryInBackground factory = EntityManagerFactoryInBackground.start(getClass().getClassLoader(), () -> {
            await(release);
            return standIn();
        });
        new Thread(() -> {
            sleep(200);
            release.countDown();
        }).start();

        assertThat(factory.getProperties()).isEmpty();
        assertThat(calls).containsExactly("getProperties");
    }

    @Test
    void aFailedBuildFailsEveryCallWithItsCauseAndLeavesNothingToClose() {
        EntityManagerFactoryInBackground factory = EntityManagerFactoryInBackground.start(getClass().getClassLoader(), () -> {
            throw new IllegalStateException("schema validation failed: no table comment");
        });

        assertThatThrownBy(factory::getMetamodel).hasMessageContaining("no table comment");
        assertThatThrownBy(() -> factory.createEntityManager().find(Object.class, 1L))
                .hasMessageContaining("no table comment");
        assertThat(factory.isOpen()).isFalse();
        factory.close();
    }

    @Test
    void theBuildRunsWithTheGivenContextClassLoader() throws Exception {
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) { };
        CountDownLatch seen = new CountDownLatch(1);
        EntityManagerFactoryInBackground.start(loader, () -> {
            if (Thread.currentThread().getContextClassLoader() == loader) {
                seen.countDown();
            }
            return standIn();
        });
        assertThat(seen.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private EntityManagerFactory standIn() {
        return (EntityManagerFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManagerFactory.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "createEntityManager" -> standInEntityManager();
                        case "getProperties" -> Map.of();
                        case "isOpen" -> true;
                        default -> null;
                    };
                });
    }

    private EntityManager standInEntityManager() {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
