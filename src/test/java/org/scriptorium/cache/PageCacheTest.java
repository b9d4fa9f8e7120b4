package org.scriptorium.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.MutableClock;
import org.scriptorium.cache.application.PageCache;
import org.scriptorium.cache.application.PageCacheSettings;
import org.scriptorium.cache.domain.CachedPage;
import org.scriptorium.cache.domain.PageKey;
import org.scriptorium.settings.domain.SiteSettingsChanged;
import org.scriptorium.content.domain.ArticlePublished;
import org.scriptorium.content.domain.ArticleUnpublished;
import org.scriptorium.content.domain.ArticleUpdated;
import org.scriptorium.content.domain.ContentChanged;

/** The page cache in a real CDI container (Weld SE): events empty it, and its bounds hold. */
class PageCacheTest {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    /** What the container needs besides the cache: its settings and a clock. */
    @ApplicationScoped
    static class Fixtures {
        static PageCacheSettings settings = PageCacheSettings.defaults();
        static final MutableClock CLOCK = new MutableClock(T0);

        @Produces
        PageCacheSettings settings() {
            return settings;
        }

        @Produces
        Clock clock() {
            return CLOCK;
        }
    }

    private WeldContainer container;
    private PageCache cache;

    private void boot(PageCacheSettings settings) {
        Fixtures.settings = settings;
        Fixtures.CLOCK.set(T0);
        container = new Weld().disableDiscovery().addBeanClasses(PageCache.class, Fixtures.class).initialize();
        cache = container.select(PageCache.class).get();
    }

    @BeforeEach
    void start() {
        boot(PageCacheSettings.defaults());
    }

    @AfterEach
    void stop() {
        container.shutdown();
    }

    private static PageKey key(String path) {
        return new PageKey(path, "", "it", "magazine");
    }

    private CachedPage page(int size) {
        return new CachedPage("text/html;charset=UTF-8", Map.of(), new byte[size], null, "\"t\"", T0,
                cache.expiryFor(T0));
    }

    private void store(String path, int size) {
        assertThat(cache.put(key(path), page(size), cache.generation())).isTrue();
    }

    @Test
    void everyContentEventFiredThroughCdiEmptiesTheCache() {
        Object[] events = {new ArticlePublished(1, "it", T0), new ArticleUpdated(1, "it", T0),
                new ArticleUnpublished(1, "es", T0), new ContentChanged("category 3", T0),
                new SiteSettingsChanged("theme")};
        for (Object event : events) {
            store("/it/", 100);
            store("/es/", 100);
            assertThat(cache.find(key("/it/"))).isPresent();
            container.getBeanManager().getEvent().fire(event);
            assertThat(cache.find(key("/it/"))).as(event.toString()).isEmpty();
            assertThat(cache.find(key("/es/"))).isEmpty();
            assertThat(cache.size()).isZero();
            assertThat(cache.bytes()).isZero();
        }
    }

    @Test
    void aPageRenderedBeforeAnInvalidationIsNotStoredAfterIt() {
        long renderedIn = cache.generation();
        cache.invalidateAll();
        assertThat(cache.put(key("/it/"), page(100), renderedIn)).isFalse();
        assertThat(cache.find(key("/it/"))).isEmpty();
    }

    @Test
    void keysDifferByQueryLanguageAndTheme() {
        store("/it/a", 100);
        assertThat(cache.find(new PageKey("/it/a", "", "it", "magazine"))).isPresent();
        assertThat(cache.find(new PageKey("/it/a", "p=2", "it", "magazine"))).isEmpty();
        assertThat(cache.find(new PageKey("/it/a", "", "it", "minimal"))).isEmpty();
        assertThat(cache.find(new PageKey("/it/a", "", "", "magazine"))).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedPagesGoWhenThereAreTooMany() {
        container.shutdown();
        boot(new PageCacheSettings(true, 10, 1_000_000, Duration.ofMinutes(5), true, true));
        for (int i = 0; i < 10; i++) {
            store("/it/" + i, 10);
        }
        cache.find(key("/it/0"));
        store("/it/10", 10);
        assertThat(cache.size()).isLessThanOrEqualTo(10);
        assertThat(cache.find(key("/it/0"))).as("recently used").isPresent();
        assertThat(cache.find(key("/it/10"))).as("just stored").isPresent();
        assertThat(cache.find(key("/it/1"))).as("least recently used").isEmpty();
    }

    @Test
    void theByteBoundHoldsAndAPageTooLargeIsNeverStored() {
        container.shutdown();
        boot(new PageCacheSettings(true, 1000, 40_000, Duration.ofMinutes(5), true, true));
        for (int i = 0; i < 20; i++) {
            store("/it/" + i, 5_000);
            assertThat(cache.bytes()).isLessThanOrEqualTo(40_000);
        }
        assertThat(cache.size()).isBetween(1, 7);
        assertThat(cache.put(key("/it/big"), page(20_000), cache.generation())).isFalse();
    }

    @Test
    void aPageExpiresAfterItsTimeToLive() {
        store("/it/", 100);
        Fixtures.CLOCK.set(T0.plus(Duration.ofMinutes(5)).minusSeconds(1));
        assertThat(cache.find(key("/it/"))).isPresent();
        Fixtures.CLOCK.set(T0.plus(Duration.ofMinutes(5)));
        assertThat(cache.find(key("/it/"))).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aDisabledCacheStoresNothing() {
        container.shutdown();
        boot(new PageCacheSettings(false, 10, 1_000_000, Duration.ofMinutes(5), true, true));
        assertThat(cache.put(key("/it/"), page(10), cache.generation())).isFalse();
        assertThat(cache.isEnabled()).isFalse();
    }
}
