package org.scriptorium.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scriptorium.content.application.ArticleLookup;
import org.scriptorium.content.application.ArticleSummary;
import org.scriptorium.content.application.ReadingMemo;
import org.scriptorium.content.application.ReadingService;
import org.scriptorium.content.application.RelatedArticles;
import org.scriptorium.content.infrastructure.JpaArticleRepository;
import org.scriptorium.content.infrastructure.JpaCategoryRepository;
import org.scriptorium.content.infrastructure.JpaSlugRedirectRepository;
import org.scriptorium.content.infrastructure.JpaTagRepository;
import org.scriptorium.testing.MutableClock;
import org.scriptorium.testing.TestDatabase;
import org.scriptorium.testing.TestServices;

/** The reading memo: answers kept until content changes, never past a change that commits while computing. */
class ReadingMemoTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final ReadingMemo memo = new ReadingMemo(clock);
    private final AtomicInteger computed = new AtomicInteger();
    private TestDatabase db;

    @BeforeEach
    void open() {
        db = TestDatabase.create();
        db.run(em -> TestServices.demo(em, clock).loadIfEmpty());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String ask(String key) {
        return memo.answer(List.of(key), () -> key + "#" + computed.incrementAndGet(), v -> true);
    }

    private <T> T read(Function<ReadingService, T> work) {
        return db.inTransaction(em -> work.apply(new ReadingService(new JpaArticleRepository(em),
                new JpaCategoryRepository(em), new JpaTagRepository(em), new JpaSlugRedirectRepository(em), clock,
                RelatedArticles.NONE, memo)));
    }

    private ArticleLookup article(String slug) {
        return read(r -> r.article("it", slug));
    }

    @Test
    void anAnswerIsKeptUntilContentChangesOrItExpires() {
        assertThat(ask("a")).isEqualTo("a#1");
        assertThat(ask("a")).isEqualTo("a#1");
        assertThat(ask("b")).isEqualTo("b#2");

        memo.forgetAll();
        assertThat(ask("a")).isEqualTo("a#3");

        clock.set(clock.instant().plus(Duration.ofSeconds(61)));
        assertThat(ask("a")).as("expired after a minute").isEqualTo("a#4");
    }

    @Test
    void anAnswerComputedWhileAChangeCommitsIsNotKept() {
        String during = memo.answer(List.of("k"), () -> {
            memo.forgetAll();
            return "old";
        }, v -> true);
        assertThat(during).isEqualTo("old");
        assertThat(ask("k")).as("computed again, not the answer begun before the change").isEqualTo("k#1");
    }

    @Test
    void answersNotWorthKeepingAndAnOffMemoKeepNothing() {
        memo.answer(List.of("missing"), computed::incrementAndGet, v -> false);
        memo.answer(List.of("missing"), computed::incrementAndGet, v -> false);
        assertThat(computed).hasValue(2);

        ReadingMemo off = ReadingMemo.off();
        off.answer(List.of("x"), computed::incrementAndGet, v -> true);
        off.answer(List.of("x"), computed::incrementAndGet, v -> true);
        assertThat(computed).hasValue(4);
        assertThat(off.size()).isZero();
    }

    @Test
    void madeUpAddressesCannotGrowItWithoutEnd() {
        for (int i = 0; i < 12_000; i++) {
            ask("address-" + i);
        }
        assertThat(memo.size()).isLessThanOrEqualTo(5_000);
    }

    @Test
    void theReadingServiceAnswersFromTheMemoUntilAChangeIsAnnounced() {
        ArticleSummary newest = read(r -> r.latest("it", 0, 1)).get(0);
        String slug = newest.slug();
        assertThat(article(slug)).isInstanceOf(ArticleLookup.Found.class);

        db.run(em -> new JpaArticleRepository(em).findTranslationBySlug("it", slug).orElseThrow()
                .unpublish(clock.instant()));
        assertThat(read(r -> r.latest("it", 0, 1)).get(0).slug()).as("not announced: the kept answer").isEqualTo(slug);
        assertThat(article(slug)).isInstanceOf(ArticleLookup.Found.class);

        memo.forgetAll();
        assertThat(read(r -> r.latest("it", 0, 1)).get(0).slug()).as("announced: asked again").isNotEqualTo(slug);
        assertThat(article(slug)).isInstanceOf(ArticleLookup.Missing.class);
        assertThat(article(slug)).as("a missing article is not kept")
                .isInstanceOf(ArticleLookup.Missing.class);
    }
}
