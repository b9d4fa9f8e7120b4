package org.scriptorium.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scriptorium.comments.application.CommentSettings;
import org.scriptorium.comments.application.Discussion;
import org.scriptorium.comments.application.DiscussionMemo;
import org.scriptorium.comments.application.ModerationAction;
import org.scriptorium.comments.application.PostInput;
import org.scriptorium.comments.application.PostResult;
import org.scriptorium.comments.domain.CheckState;
import org.scriptorium.comments.domain.Comment;
import org.scriptorium.comments.domain.CommentStatus;
import org.scriptorium.comments.domain.CommentStored;
import org.scriptorium.comments.domain.CommentsChanged;
import org.scriptorium.comments.domain.DiscardedComment;
import org.scriptorium.comments.domain.NewPendingComment;
import org.scriptorium.comments.domain.Verdict;
import org.scriptorium.comments.infrastructure.JpaCommentRepository;
import org.scriptorium.content.domain.ArticleTranslation;
import org.scriptorium.spam.domain.AkismetVerdict;
import org.scriptorium.testing.AkismetTestServer;
import org.scriptorium.testing.MutableClock;

/**
 * The comment pipeline against a real database and the Akismet test server over real HTTP, in every mode
 * of the server: what is stored before the answer, what the cheap checks decide, what each Akismet answer
 * (or failure) does, the re-checks after a failure, and the feedback moderators trigger.
 */
class CommentPipelineTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final AtomicInteger seq = new AtomicInteger();
    private AkismetTestServer akismet;
    private CommentFixture f;
    private long it;

    @BeforeEach
    void setUp() {
        akismet = AkismetTestServer.startOnFreePort();
        f = new CommentFixture(clock, akismet.endpoint(), AkismetTestServer.VALID_KEY, 2000);
        it = f.translation("it");
    }

    @AfterEach
    void tearDown() {
        f.close();
        akismet.close();
    }

    private PostInput input(String name, String email, String body) {
        int n = seq.incrementAndGet();
        return new PostInput(it, null, name, email, "", body, "", clock.instant().minusSeconds(20),
                "198.51.100." + n, "Mozilla/5.0 (test)", "http://magazine.test/it/");
    }

    private long post(PostInput in) {
        PostResult r = f.tx(s -> s.post(in));
        assertThat(r).isInstanceOf(PostResult.Accepted.class);
        return ((PostResult.Accepted) r).commentId();
    }

    private Comment load(long id) {
        return f.db.inTransaction(em -> {
            Comment c = new JpaCommentRepository(em).findById(id).orElseThrow();
            c.getHistory().size();
            c.getVerdicts().size();
            return c;
        });
    }

    private boolean exists(long id) {
        return f.db.inTransaction(em -> new JpaCommentRepository(em).findById(id).isPresent());
    }

    @Test
    void aGoodCommentIsStoredPendingBeforeAkismetAndAkismetHamLeavesItForTheModerator() {
        long id = post(input("Giulia", "giulia" + "@example.org", "Bell'articolo,\ngrazie!"));
        assertThat(load(id).getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(load(id).getCheckState()).isEqualTo(CheckState.WAITING);
        assertThat(load(id).getVersion()).as("stored by one insert with its check already leased, never updated")
                .isZero();
        assertThat(f.events).contains(new CommentStored(id));
        assertThat(akismet.calls("/1.1/comment-check")).as("the reader never waits on Akismet").isEmpty();

        f.runner(null).check(id);

        Comment c = load(id);
        assertThat(c.getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(c.getCheckState()).isEqualTo(CheckState.DONE);
        assertThat(c.getVerdicts()).extracting(Verdict::getCheck).containsExactly("honeypot", "time-trap", "flood", "links", "blocklist", "akismet");
        assertThat(c.getVerdicts().get(5).getOutcome()).isEqualTo(Verdict.Outcome.PASS);
        AkismetTestServer.Call call = akismet.lastCall("/1.1/comment-check");
        assertThat(call.param("blog_lang")).contains("it");
        assertThat(call.param("user_ip")).contains("198.51.100.1");
        assertThat(call.param("comment_author")).contains("Giulia");
        assertThat(call.param("comment_content")).contains("Bell'articolo,\ngrazie!");
        assertThat(call.param("permalink")).hasValueSatisfying(p -> assertThat(p).startsWith("http://magazine.test/it/"));
        assertThat(call.param("honeypot_field_name")).contains("website2");
        assertThat(call.param("comment_type")).contains("comment");
        assertThat(call.param("comment_date_gmt")).isPresent();
        assertThat(call.param("comment_post_modified_gmt")).as("the article's publication time").isPresent();
        assertThat(call.param("blog_charset")).contains("UTF-8");
    }

    @Test
    void theFirstCheckRightAfterThePostWritesOnlyTheVerdict() {
        long id = post(input("Giulia", "giulia@example.org", "Un commento da controllare."));
        long versionAfterPost = load(id).getVersion();

        assertThat(f.transactional().firstCheck(id)).as("the request, read without a lock").isPresent();
        assertThat(load(id).getVersion()).as("reading the first check's request writes nothing").isEqualTo(versionAfterPost);

        f.runner(null).firstCheck(id);
        assertThat(akismet.calls("/1.1/comment-check")).hasSize(1);
        assertThat(load(id).getCheckState()).isEqualTo(CheckState.DONE);
        assertThat(load(id).getVerdicts()).extracting(Verdict::getCheck).contains("akismet");
    }

    @Test
    void aFirstCheckWhoseLeaseRanOutOrWhoseCommentWasDecidedGoesTheLockingWay() {
        long late = post(input("Giulia", "giulia@example.org", "Controllato in ritardo."));
        long decided = post(input("Marco", "marco@example.org", "Deciso prima del controllo."));
        f.tx(s -> s.moderate(CommentFixture.MODERATOR, ModerationAction.APPROVE, List.of(decided)));
        clock.set(clock.instant().plus(Duration.ofMinutes(2)).plusSeconds(1)); // past the two-minute lease the post took

        assertThat(f.transactional().firstCheck(late)).as("the lease ran out: the timer may have it").isEmpty();
        f.runner(null).firstCheck(late);
        assertThat(load(late).getCheckState()).as("checked through prepareCheck").isEqualTo(CheckState.DONE);
        assertThat(akismet.calls("/1.1/comment-check")).hasSize(1);

        f.runner(null).firstCheck(decided);
        assertThat(akismet.calls("/1.1/comment-check")).as("no call for a comment a moderator decided").hasSize(1);
        assertThat(load(decided).getStatus()).isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void aModeratorActingWhileAkismetsVerdictIsBeingWrittenWaitsForItAndThenDecides() throws Exception {
        long id = post(input("Giulia", "giulia@example.org", "Un commento conteso."));
        CountDownLatch verdictLocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            Future<?> verdict = both.submit(() -> f.db.inTransaction(em -> {
                new JpaCommentRepository(em).lockById(id);
                verdictLocked.countDown();
                awaitQuietly(release);
                f.service(em).applyVerdict(id, AkismetVerdict.spam());
                return null;
            }));
            assertThat(verdictLocked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Integer> moderator = both.submit(() -> f.tx(s -> s.moderate(CommentFixture.MODERATOR,
                    ModerationAction.APPROVE, List.of(id))));
            Thread.sleep(300);
            assertThat(moderator.isDone()).as("the moderator waits for the verdict's row lock").isFalse();
            release.countDown();

            verdict.get(10, TimeUnit.SECONDS);
            assertThat(moderator.get(10, TimeUnit.SECONDS)).as("no optimistic-lock failure: the action applies").isEqualTo(1);
        } finally {
            release.countDown();
            both.shutdownNow();
        }
        Comment decided = load(id);
        assertThat(decided.getStatus()).as("the moderator's decision comes last and stands").isEqualTo(CommentStatus.APPROVED);
        assertThat(decided.getCheckState()).isEqualTo(CheckState.DONE);
        assertThat(decided.getVerdicts()).extracting(Verdict::getCheck).contains("akismet");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anonymousReadersGetTheKeptDiscussionUntilCommentsChangeAndAReaderWithAPendingCommentNever() {
        long it = f.translation("it");
        DiscussionMemo memo = new DiscussionMemo(clock);
        Function<Set<Long>, Discussion> read = own -> f.db.inTransaction(em -> f.service(em, memo).discussion(it, own))
                .orElseThrow();
        long before = read.apply(Set.of()).approved();
        long id = post(input("Giulia", "giulia@example.org", "Un commento approvato."));

        assertThat(read.apply(Set.of(id)).items()).as("the author sees their pending comment at once")
                .anyMatch(i -> i.id() == id && i.pending());
        f.tx(s -> s.moderate(CommentFixture.MODERATOR, ModerationAction.APPROVE, List.of(id)));
        assertThat(f.events).anyMatch(e -> e instanceof CommentsChanged);
        assertThat(read.apply(Set.of()).approved()).as("kept until the change is announced").isEqualTo(before);

        memo.forgetAll();
        assertThat(read.apply(Set.of()).approved()).isEqualTo(before + 1);
        assertThat(read.apply(Set.of()).items()).anyMatch(i -> i.id() == id && !i.pending());
    }

    @Test
    void blogLangIsTheLanguageOfTheCommentedTranslation() {
        long de = f.translation("de");
        PostInput in = input("Jonas", "jonas@example.de", "Danke");
        long id = post(new PostInput(de, null, in.name(), in.email(), "", in.body(), "", in.formShownAt(), in.ip(),
                in.userAgent(), in.referrer()));
        f.runner(null).check(id);
        assertThat(akismet.lastCall("/1.1/comment-check").param("blog_lang")).contains("de");
    }

    @Test
    void akismetSpamMakesItSpam() {
        long id = post(input(AkismetTestServer.SPAM_AUTHOR, "seller@example.com", "cheap pills"));
        f.runner(null).check(id);
        assertThat(load(id).getStatus()).isEqualTo(CommentStatus.SPAM);
        assertThat(load(id).getVerdicts()).anyMatch(v -> v.getCheck().equals("akismet") && v.getOutcome() == Verdict.Outcome.SPAM);
    }

    @Test
    void akismetDiscardKeepsItOutOfTheQueueButInTheDiscardLogWithTheReason() {
        akismet.mode(AkismetTestServer.Mode.DISCARD);
        long id = post(input("Someone", AkismetTestServer.SPAM_EMAIL, "buy now"));
        f.runner(null).check(id);
        assertThat(exists(id)).isFalse();
        List<DiscardedComment> log = f.tx(s -> s.discardLog(CommentFixture.MODERATOR, 10));
        assertThat(log).hasSize(1);
        assertThat(log.get(0).getReason()).contains("akismet").contains("DISCARD");
        assertThat(log.get(0).getAuthorEmail()).isEqualTo(AkismetTestServer.SPAM_EMAIL);

        clock.set(clock.instant().plus(Duration.ofDays(16)));
        f.tx(s -> s.purge());
        assertThat(f.<List<DiscardedComment>>tx(s -> s.discardLog(CommentFixture.MODERATOR, 10))).isEmpty();
    }

    @Test
    void everyAkismetFailureKeepsThePendingCommentAndSchedulesARecheckWithBackoff() {
        Runnable[] failures = {
            () -> akismet.mode(AkismetTestServer.Mode.HTTP_500),
            () -> akismet.mode(AkismetTestServer.Mode.GARBAGE),
            () -> akismet.slow(Duration.ofSeconds(3)),
            () -> akismet.mode(AkismetTestServer.Mode.STALLED_BODY),
            akismet::stop,
        };
        for (Runnable failure : failures) {
            akismet.reset();
            akismet.start();
            failure.run();
            long id = post(input("Luca", "luca" + seq.get() + "@example.org", "Ciao"));
            f.runner(null).check(id);
            Comment c = load(id);
            assertThat(c.getStatus()).as("never spam because of an error").isEqualTo(CommentStatus.PENDING);
            assertThat(c.getCheckState()).isEqualTo(CheckState.WAITING);
            assertThat(c.getCheckAttempts()).isEqualTo(1);
            assertThat(c.getNextCheckAt()).contains(clock.instant().plus(Duration.ofMinutes(1)));
            assertThat(c.getVerdicts().get(c.getVerdicts().size() - 1).getOutcome()).isEqualTo(Verdict.Outcome.ERROR);

            f.runner(null).check(id);
            assertThat(load(id).getNextCheckAt()).as("backoff doubles").contains(clock.instant().plus(Duration.ofMinutes(2)));
        }
        akismet.reset();
        akismet.start();
    }

    @Test
    void aRecheckAfterAnErrorSettlesTheCommentAndSaysItIsARecheck() throws Exception {
        akismet.stop();
        long ham = post(input("Anna", "anna@example.org", "Ottimo"));
        long spam = post(input(AkismetTestServer.SPAM_AUTHOR, "x@example.org", "pills"));
        f.runner(null).check(ham);
        f.runner(null).check(spam);
        akismet.start();
        assertThat(f.<List<Long>>tx(s -> s.dueForCheck(10))).as("not due before the backoff").isEmpty();
        clock.set(clock.instant().plus(Duration.ofSeconds(61)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        assertThat(f.runner(pool).checkDue()).isEqualTo(2);
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        assertThat(load(ham).getCheckState()).isEqualTo(CheckState.DONE);
        assertThat(load(ham).getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(load(spam).getStatus()).isEqualTo(CommentStatus.SPAM);
        assertThat(akismet.calls("/1.1/comment-check")).allSatisfy(c -> assertThat(c.param("recheck_reason")).contains("retry"));
    }

    @Test
    void aCommentWhoseCheckWasLostInARestartIsPickedUpByTheTimer() {
        long id = post(input("Pia", "pia@example.org", "Ciao"));
        clock.set(clock.instant().plus(Duration.ofMinutes(3)));
        assertThat(f.<List<Long>>tx(s -> s.dueForCheck(10))).containsExactly(id);
        f.runner(null).check(id);
        assertThat(load(id).getCheckState()).isEqualTo(CheckState.DONE);
    }

    @Test
    void theCheapChecksDecideBeforeAkismet() {
        PostInput honey = input("Bot", "bot@example.org", "hello");
        PostResult r = f.tx(s -> s.post(new PostInput(it, null, honey.name(), honey.email(), "", honey.body(), "http://spam",
                honey.formShownAt(), honey.ip(), honey.userAgent(), honey.referrer())));
        assertThat(r).isEqualTo(new PostResult.Accepted(0, CommentStatus.PENDING));
        assertThat(f.<List<DiscardedComment>>tx(s -> s.discardLog(CommentFixture.MODERATOR, 10))).singleElement()
                .satisfies(d -> assertThat(d.getReason()).contains("honeypot"));

        PostInput fast = input("Quick", "quick@example.org", "hello");
        long quick = post(new PostInput(it, null, fast.name(), fast.email(), "", fast.body(), "", clock.instant().minusSeconds(1),
                fast.ip(), fast.userAgent(), fast.referrer()));
        assertThat(load(quick).getStatus()).isEqualTo(CommentStatus.SPAM);

        long links = post(input("Links", "links@example.org", "see http://a.example http://b.example https://c.example"));
        assertThat(load(links).isHeld()).isTrue();
        assertThat(load(links).getStatus()).isEqualTo(CommentStatus.PENDING);

        f.settings(s -> new CommentSettings(s.policy(), s.floodSeconds(), s.minFillSeconds(), s.maxLinks(),
                List.of("casino"), List.of("203.0.113.9"), List.of("blocked@example.org"), s.maxDepth(), s.closeAfterDays(),
                s.spamPurgeDays(), s.notification(), s.akismetKey(), s.akismetEndpoint()));
        assertThat(load(post(input("W", "w@example.org", "Best CASINO in town"))).getStatus()).isEqualTo(CommentStatus.SPAM);
        assertThat(load(post(input("E", "Blocked@example.org", "hi"))).getStatus()).isEqualTo(CommentStatus.SPAM);
        PostInput ip = input("I", "i@example.org", "hi");
        assertThat(load(post(new PostInput(it, null, "I", "i@example.org", "", "hi", "", ip.formShownAt(), "203.0.113.9",
                null, null))).getStatus()).isEqualTo(CommentStatus.SPAM);
        assertThat(akismet.calls("/1.1/comment-check")).isEmpty();
    }

    @Test
    void floodControlStoresASecondCommentFromTheSameAddressOrEmailWithinTheIntervalAsSpam() {
        PostInput first = input("A", "same@example.org", "one");
        long firstId = post(first);
        long sameIp = post(new PostInput(it, null, "B", "other@example.org", "", "two", "", first.formShownAt(), first.ip(),
                null, null));
        long sameMail = post(input("C", "SAME@example.org", "three"));
        for (long id : new long[] {sameIp, sameMail}) {
            Comment c = load(id);
            assertThat(c.getStatus()).as("stored, as spam").isEqualTo(CommentStatus.SPAM);
            assertThat(c.getVersion()).as("stored as spam by its insert, not updated after it").isZero();
            assertThat(c.getVerdicts()).filteredOn(v -> v.getCheck().equals("flood")).singleElement().satisfies(v -> {
                assertThat(v.getOutcome()).isEqualTo(Verdict.Outcome.SPAM);
                assertThat(v.getReason()).contains("15 s");
            });
        }
        assertThat(load(firstId).getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(load(firstId).getVerdicts()).filteredOn(v -> v.getCheck().equals("flood"))
                .singleElement().satisfies(v -> assertThat(v.getOutcome()).isEqualTo(Verdict.Outcome.PASS));
        assertThat(f.events).as("only the first goes on to Akismet").contains(new CommentStored(firstId))
                .doesNotContain(new CommentStored(sameIp), new CommentStored(sameMail));

        clock.set(clock.instant().plusSeconds(16));
        long later = post(new PostInput(it, null, "B", "other@example.org", "", "two", "", clock.instant().minusSeconds(20),
                first.ip(), null, null));
        assertThat(load(later).getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(load(later).getCheckState()).isEqualTo(CheckState.WAITING);
    }

    @Test
    void commentsClosePerArticleAndAfterTheConfiguredNumberOfDays() {
        assertThat(f.tx(s -> s.discussion(it, Set.of())).orElseThrow().open()).isTrue();
        f.db.run(em -> em.find(ArticleTranslation.class, it).getArticle().setCommentsOpen(false));
        assertThat(f.tx(s -> s.discussion(it, Set.of())).orElseThrow().open()).isFalse();
        PostResult closed = f.tx(s -> s.post(input("Chiuso", "chiuso@example.org", "troppo tardi")));
        assertThat(closed).isEqualTo(new PostResult.Refused("comments.closed"));
        f.db.run(em -> em.find(ArticleTranslation.class, it).getArticle().setCommentsOpen(true));

        Instant published = f.db.inTransaction(em -> {
            ArticleTranslation t = em.find(ArticleTranslation.class, it);
            return t.getPublishAt().orElse(t.getCreatedAt());
        });
        f.settings(s -> new CommentSettings(s.policy(), s.floodSeconds(), s.minFillSeconds(), s.maxLinks(), s.blockedWords(),
                s.blockedIps(), s.blockedEmails(), s.maxDepth(), 30, s.spamPurgeDays(), s.notification(), s.akismetKey(),
                s.akismetEndpoint()));
        clock.set(published.plus(Duration.ofDays(29)));
        assertThat(f.tx(s -> s.discussion(it, Set.of())).orElseThrow().open()).as("day 29 of 30").isTrue();
        post(input("Puntuale", "puntuale@example.org", "in tempo"));
        clock.set(published.plus(Duration.ofDays(30)).plusSeconds(1));
        assertThat(f.tx(s -> s.discussion(it, Set.of())).orElseThrow().open()).isFalse();
        PostResult late = f.tx(s -> s.post(input("Tardi", "tardi@example.org", "dopo trenta giorni")));
        assertThat(late).isEqualTo(new PostResult.Refused("comments.closed"));
    }

    @Test
    void withoutAnAkismetKeyTheCheapChecksStillRunAndThePolicyDecidesAtOnce() {
        try (CommentFixture off = new CommentFixture(clock, null, null, 1000)) {
            long t = off.translation("it");
            PostResult r = off.tx(s -> s.post(new PostInput(t, null, "Nadia", "nadia@example.org", "", "ciao", "",
                    clock.instant().minusSeconds(20), "198.51.100.99", null, null)));
            assertThat(r).isInstanceOf(PostResult.Accepted.class);
            long id = ((PostResult.Accepted) r).commentId();
            Comment c = off.db.inTransaction(em -> {
                Comment found = new JpaCommentRepository(em).findById(id).orElseThrow();
                found.getHistory().size();
                found.getVerdicts().size();
                return found;
            });
            assertThat(c.getStatus()).isEqualTo(CommentStatus.PENDING);
            assertThat(c.getCheckState()).isNotEqualTo(CheckState.WAITING);
            assertThat(c.getVerdicts()).extracting(Verdict::getCheck).containsExactly("honeypot", "time-trap", "flood", "links",
                    "blocklist");
            assertThat(c.getHistory()).anySatisfy(h -> assertThat(h.getDetail()).isEqualTo("akismet: skipped (Akismet is off)"));
            assertThat(c.getVersion()).as("one insert").isZero();
            assertThat(off.events).contains(new NewPendingComment(id)).doesNotContain(new CommentStored(id));
        }
        assertThat(akismet.calls("/1.1/comment-check")).isEmpty();
    }

    @Test
    void spamIsPurgedOnceOlderThanTheSetting() {
        long spam = post(input("Vecchio", "vecchio@example.org", "spam vecchio"));
        long kept = post(input("Buono", "buono@example.org", "in attesa"));
        f.tx(s -> s.moderate(CommentFixture.MODERATOR, ModerationAction.SPAM, List.of(spam)));
        Instant marked = clock.instant();
        clock.set(marked.plus(Duration.ofDays(14)));
        f.tx(s -> s.purge());
        assertThat(exists(spam)).as("14 days of 15").isTrue();
        f.settings(s -> new CommentSettings(s.policy(), s.floodSeconds(), s.minFillSeconds(), s.maxLinks(), s.blockedWords(),
                s.blockedIps(), s.blockedEmails(), s.maxDepth(), s.closeAfterDays(), 30, s.notification(), s.akismetKey(),
                s.akismetEndpoint()));
        clock.set(marked.plus(Duration.ofDays(16)));
        f.tx(s -> s.purge());
        assertThat(exists(spam)).as("the setting says 30 days").isTrue();
        clock.set(marked.plus(Duration.ofDays(31)));
        assertThat(f.tx(s -> s.purge())[0]).isEqualTo(1);
        assertThat(exists(spam)).isFalse();
        assertThat(exists(kept)).as("only spam is purged").isTrue();
    }

    @Test
    void invalidInputStoresNothingAndNamesEachField() {
        PostResult r = f.tx(s -> s.post(new PostInput(it, null, " ", "not-an-email", "javascript:alert(1)", "", "",
                clock.instant().minusSeconds(20), "198.51.100.200", null, null)));
        assertThat(r).isEqualTo(new PostResult.Invalid(Map.of("name", "comments.error.name", "email", "comments.error.email",
                "url", "comments.error.url", "body", "comments.error.body")));
    }

    @Test
    void knownAuthorsAreApprovedWhenThePolicyAllowsAndEveryCheckPasses() {
        f.settings(s -> new CommentSettings(CommentSettings.Policy.AUTO_APPROVE_KNOWN, 0, s.minFillSeconds(), s.maxLinks(),
                s.blockedWords(), s.blockedIps(), s.blockedEmails(), s.maxDepth(), s.closeAfterDays(), s.spamPurgeDays(),
                s.notification(), s.akismetKey(), s.akismetEndpoint()));
        long first = post(input("Marta", "marta@example.org", "primo"));
        f.runner(null).check(first);
        assertThat(load(first).getStatus()).as("unknown author waits").isEqualTo(CommentStatus.PENDING);
        f.tx(s -> s.moderate(CommentFixture.MODERATOR, ModerationAction.APPROVE, List.of(first)));
        assertThat(f.events).anyMatch(e -> e instanceof CommentsChanged c && c.commentId() == first);

        long second = post(input("Marta", "marta@example.org", "secondo"));
        f.runner(null).check(second);
        assertThat(load(second).getStatus()).isEqualTo(CommentStatus.APPROVED);

        long linky = post(input("Marta", "marta@example.org", "http://a.example http://b.example http://c.example"));
        f.runner(null).check(linky);
        assertThat(load(linky).getStatus()).as("held by the link count").isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void spamAndNotSpamSendTheDataExactlyAsSubmittedEvenAfterAnEdit() {
        long id = post(input("Rosa", "rosa@example.org", "Testo originale"));
        f.runner(null).check(id);
        f.tx(s -> s.edit(CommentFixture.MODERATOR, id, "Rosa R.", "rosa@example.org", "", "Testo corretto"));
        f.tx(s -> s.moderate(CommentFixture.MODERATOR, ModerationAction.SPAM, List.of(id)));
        f.runner(null).feedback(id, true);
        AkismetTestServer.Call spam = akismet.lastCall("/1.1/submit-spam");
        assertThat(spam.param("comment_content")).contains("Testo originale");
        assertThat(spam.param("comment_author")).contains("Rosa");
        f.tx(s -> s.moderate(CommentFixture.MODERATOR, ModerationAction.NOT_SPAM, List.of(id)));
        f.runner(null).feedback(id, false);
        AkismetTestServer.Call ham = akismet.lastCall("/1.1/submit-ham");
        assertThat(ham.params()).isEqualTo(spam.params());
        Comment c = load(id);
        assertThat(c.getBody()).isEqualTo("Testo corretto");
        assertThat(c.getHistory()).extracting(h -> h.getActor() + " " + h.getAction())
                .contains(CommentFixture.MODERATOR + " edit", CommentFixture.MODERATOR + " status", "system akismet-feedback");
    }

    @Test
    void repliesNestUpToTheDepthAndStaffRepliesArePublished() {
        long root = post(input("Uno", "uno@example.org", "radice"));
        f.tx(s -> s.moderate(CommentFixture.MODERATOR, ModerationAction.APPROVE, List.of(root)));
        long r2 = f.tx(s -> s.reply(CommentFixture.MODERATOR, root, "risposta"));
        long r3 = f.tx(s -> s.reply(CommentFixture.MODERATOR, r2, "risposta 3"));
        long r4 = f.tx(s -> s.reply(CommentFixture.MODERATOR, r3, "troppo profonda"));
        assertThat(load(r3).getDepth()).isEqualTo(3);
        assertThat(load(r4).getDepth()).as("depth 3 is the limit").isEqualTo(3);
        assertThat(load(r4).getParentId()).contains(r2);
        var d = f.tx(s -> s.discussion(it, Set.of())).orElseThrow();
        assertThat(d.items()).extracting(i -> i.id()).containsExactly(root, r2, r3, r4);
        assertThat(d.items()).extracting(i -> i.depth()).containsExactly(1, 2, 3, 3);
        assertThat(d.items().get(1).staff()).isTrue();
    }

    @Test
    void aReadersOwnPendingCommentIsShownOnlyToThem() {
        long id = post(input("Io", "io@example.org", "in attesa"));
        assertThat(f.tx(s -> s.discussion(it, Set.of())).orElseThrow().items()).isEmpty();
        assertThat(f.tx(s -> s.discussion(it, Set.of(id))).orElseThrow().items()).singleElement()
                .satisfies(i -> assertThat(i.pending()).isTrue());
    }

    @Test
    void aModeratorWhoActsWhileAkismetsAnswerIsBeingWrittenWaitsForItAndHasTheLastWord() throws Exception {
        long id = post(input("Ettore", "ettore@example.org", "Interessante, ma manca una fonte."));
        f.runner(null).check(id);
        long waiting = post(input("Marta", "marta@example.org", "Anche io ho avuto lo stesso problema."));
        assertThat(load(waiting).getCheckState()).isEqualTo(CheckState.WAITING);

        EntityManager em = f.db.emf().createEntityManager();
        EntityTransaction verdict = em.getTransaction();
        verdict.begin();
        f.service(em).applyVerdict(waiting, AkismetVerdict.spam());
        em.flush();
        ExecutorService moderator = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> approved = moderator.submit(() ->
                    f.tx(s -> s.moderate(CommentFixture.MODERATOR, ModerationAction.APPROVE, List.of(id, waiting))));
            Thread.sleep(300);
            assertThat(approved).as("the moderator waits for the verdict's transaction").isNotDone();
            verdict.commit();
            assertThat(approved.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            if (verdict.isActive()) {
                verdict.rollback();
            }
            em.close();
            moderator.shutdownNow();
        }
        Comment c = load(waiting);
        assertThat(c.getStatus()).isEqualTo(CommentStatus.APPROVED);
        assertThat(c.getCheckState()).isEqualTo(CheckState.DONE);
        assertThat(c.getVerdicts()).extracting(Verdict::getOutcome).contains(Verdict.Outcome.SPAM);
        assertThat(load(id).getStatus()).isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void twoHundredConcurrentPostsWhileAkismetIsDownAreAllPendingAndTheRecheckSettlesEachOne() throws Exception {
        f.settings(s -> new CommentSettings(s.policy(), 0, s.minFillSeconds(), s.maxLinks(), s.blockedWords(),
                s.blockedIps(), s.blockedEmails(), s.maxDepth(), s.closeAfterDays(), s.spamPurgeDays(), s.notification(),
                s.akismetKey(), s.akismetEndpoint()));
        akismet.stop();
        ExecutorService posters = Executors.newFixedThreadPool(20);
        ExecutorService checks = Executors.newFixedThreadPool(8);
        var firstRunner = f.runner(checks);
        List<java.util.concurrent.Future<Long>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            futures.add(posters.submit(() -> {
                long id = post(new PostInput(it, null, n % 10 == 0 ? AkismetTestServer.SPAM_AUTHOR : "Reader " + n,
                        "reader" + n + "@example.org", "", "Commento numero " + n, "", clock.instant().minusSeconds(30),
                        "10.1." + (n / 250) + "." + (n % 250), "UA", null));
                firstRunner.check(id);
                return id;
            }));
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (var fu : futures) {
            ids.add(fu.get(60, TimeUnit.SECONDS));
        }
        posters.shutdown();
        assertThat(ids).hasSize(200).doesNotHaveDuplicates();
        for (long id : ids) {
            Comment c = load(id);
            assertThat(c.getStatus()).isEqualTo(CommentStatus.PENDING);
            assertThat(c.getCheckState()).isEqualTo(CheckState.WAITING);
            assertThat(c.getCheckAttempts()).isEqualTo(1);
        }

        checks.shutdown();
        assertThat(checks.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        akismet.start();
        clock.set(clock.instant().plus(Duration.ofMinutes(2)));
        checks = Executors.newFixedThreadPool(8);
        var runner = f.runner(checks);
        int started = 0;
        for (int round = 0; round < 10; round++) {
            int due = runner.checkDue();
            if (due == 0) {
                break;
            }
            started += due;
            checks.shutdown();
            checks.awaitTermination(60, TimeUnit.SECONDS);
            checks = Executors.newFixedThreadPool(8);
            runner = f.runner(checks);
            clock.set(clock.instant().plus(Duration.ofMinutes(61)));
        }
        checks.shutdown();
        assertThat(started).as("a check that timed out on a loaded machine is simply retried").isGreaterThanOrEqualTo(200);
        long spam = 0;
        for (long id : ids) {
            Comment c = load(id);
            assertThat(c.getCheckState()).as("comment " + id).isEqualTo(CheckState.DONE);
            spam += c.getStatus() == CommentStatus.SPAM ? 1 : 0;
            assertThat(c.getStatus()).isIn(CommentStatus.PENDING, CommentStatus.SPAM);
        }
        assertThat(spam).isEqualTo(20);
    }
}
