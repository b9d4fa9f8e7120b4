package org.scriptorium.web.common;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The page cache's counters on {@code /metrics}: {@code scriptorium_page_cache_hits_total}, tagged with what
 * answered the hit ({@code answered_by="front"} for {@link CacheFront}, {@code "filter"} for
 * {@link PageDelivery}), and {@code scriptorium_page_cache_stores_total}, pages rendered and stored. An
 * operator reads the hit ratio from them; a rising share of filter hits says the cache front is not in
 * place (its start-up warning says why).
 */
@ApplicationScoped
public class PageCacheMetrics {

    static final String HITS = "scriptorium.page.cache.hits";
    static final String STORES = "scriptorium.page.cache.stores";

    @Inject
    private MetricRegistry registry;

    private Counter frontHits;
    private Counter filterHits;
    private Counter stores;

    @PostConstruct
    void register() {
        Metadata hits = Metadata.builder().withName(HITS)
                .withDescription("Public pages answered from the page cache").build();
        frontHits = registry.counter(hits, new Tag("answered_by", "front"));
        filterHits = registry.counter(hits, new Tag("answered_by", "filter"));
        stores = registry.counter(Metadata.builder().withName(STORES)
                .withDescription("Public pages rendered and stored in the page cache").build());
    }

    public void frontHit() {
        frontHits.inc();
    }

    public void filterHit() {
        filterHits.inc();
    }

    public void stored() {
        stores.inc();
    }
}
