package org.scriptorium.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.content.application.StructureException;
import org.scriptorium.content.application.StructureException.Reason;
import org.scriptorium.content.application.StructureRow;
import org.scriptorium.content.application.StructureService;
import org.scriptorium.content.application.StructureText;
import org.scriptorium.content.domain.SlugKind;
import org.scriptorium.content.infrastructure.JpaCategoryRepository;
import org.scriptorium.content.infrastructure.JpaSlugRedirectRepository;
import org.scriptorium.content.infrastructure.JpaTagRepository;
import org.scriptorium.testing.FreshDatabase;
import org.scriptorium.testing.MutableClock;
import org.scriptorium.testing.RecordingEvents;

/** The category tree and tags as editors change them, against a real database. */
class StructureServiceTest {

    private static final Set<String> LANGUAGES = Set.of("it", "en", "de");

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private final RecordingEvents events = new RecordingEvents();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    private StructureService structure(EntityManager em) {
        return new StructureService(new JpaCategoryRepository(em), new JpaTagRepository(em), new JpaSlugRedirectRepository(em),
                events, clock);
    }

    private static Map<String, StructureText> names(String... langAndName) {
        Map<String, StructureText> texts = new LinkedHashMap<>();
        for (int i = 0; i < langAndName.length; i += 2) {
            texts.put(langAndName[i], new StructureText(langAndName[i + 1], "", ""));
        }
        return texts;
    }

    private StructureException refusal(Runnable action) {
        try {
            action.run();
        } catch (StructureException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void categoriesFormATreeInTheirOrderWithSlugsMadeFromNames() {
        long business = db.inTransaction(em -> structure(em).createCategory(null, names("it", "Economia", "en", "Business"), LANGUAGES));
        long tech = db.inTransaction(em -> structure(em).createCategory(null, names("it", "Tecnologia"), LANGUAGES));
        long startups = db.inTransaction(em -> structure(em).createCategory(business, names("it", "Startup Società"), LANGUAGES));
        List<StructureRow> tree = db.inTransaction(em -> structure(em).categoryTree());
        assertThat(tree).extracting(StructureRow::id).containsExactly(business, startups, tech);
        assertThat(tree).extracting(StructureRow::depth).containsExactly(0, 1, 0);
        assertThat(tree.get(1).texts().get("it").slug()).isEqualTo("startup-societa");
        assertThat(events.fired()).hasSize(3);

        db.run(em -> structure(em).shiftCategory(tech, -1));
        assertThat(db.<List<StructureRow>>inTransaction(em -> structure(em).categoryTree())).extracting(StructureRow::id)
                .containsExactly(tech, business, startups);
        db.run(em -> structure(em).shiftCategory(tech, -1));
        assertThat(db.<List<StructureRow>>inTransaction(em -> structure(em).categoryTree())).extracting(StructureRow::id)
                .containsExactly(tech, business, startups);
    }

    @Test
    void aMoveUnderItselfOrItsDescendantsIsRefused() {
        long top = db.inTransaction(em -> structure(em).createCategory(null, names("it", "Alto"), LANGUAGES));
        long middle = db.inTransaction(em -> structure(em).createCategory(top, names("it", "Medio"), LANGUAGES));
        long low = db.inTransaction(em -> structure(em).createCategory(middle, names("it", "Basso"), LANGUAGES));
        StructureException cycle = refusal(() -> db.run(em -> structure(em).updateCategory(top, low, names("it", "Alto"), LANGUAGES)));
        assertThat(cycle.reason()).isEqualTo(Reason.CYCLE);
        assertThat(cycle.field()).isEqualTo("parent");
        assertThat(refusal(() -> db.run(em -> structure(em).updateCategory(top, top, names("it", "Alto"), LANGUAGES))).reason())
                .isEqualTo(Reason.CYCLE);
        db.run(em -> structure(em).updateCategory(low, null, names("it", "Basso"), LANGUAGES));
        assertThat(db.<StructureRow>inTransaction(em -> structure(em).category(low).orElseThrow()).depth()).isZero();
    }

    @Test
    void aSlugInUseIsRefusedAndARenameKeepsTheOldSlugAsARedirect() {
        long first = db.inTransaction(em -> structure(em).createCategory(null, names("it", "Scienza"), LANGUAGES));
        Map<String, StructureText> clash = Map.of("it", new StructureText("Altro", "Scienza", ""));
        StructureException taken = refusal(() -> db.run(em -> structure(em).createCategory(null, clash, LANGUAGES)));
        assertThat(taken.reason()).isEqualTo(Reason.SLUG_TAKEN);
        assertThat(taken.field()).isEqualTo("slug-it");
        assertThat(db.<Long>inTransaction(em -> structure(em).createCategory(null, names("it", "Scienza"), LANGUAGES)))
                .as("an empty slug is numbered").isNotEqualTo(first);

        db.run(em -> structure(em).updateCategory(first, null, Map.of("it", new StructureText("Scienze", "scienze", "Tutto")),
                LANGUAGES));
        assertThat(db.<Boolean>inTransaction(em -> new JpaSlugRedirectRepository(em).find(SlugKind.CATEGORY, "it", "scienza")
                .filter(r -> r.getTargetId() == first).isPresent())).isTrue();
        assertThat(refusal(() -> db.run(em -> structure(em).createCategory(null, Map.of("it", new StructureText("", "x", "")),
                LANGUAGES))).reason()).isEqualTo(Reason.NAME_REQUIRED);
        assertThat(refusal(() -> db.run(em -> structure(em).createCategory(null, names("it", ""), LANGUAGES))).reason())
                .isEqualTo(Reason.NO_NAME);
    }

    @Test
    void tagsHaveNamesPerLanguageUniqueSlugsAndRedirectsOnRename() {
        long tag = db.inTransaction(em -> structure(em).saveTag(Optional.empty(), names("it", "Intelligenza artificiale",
                "en", "Artificial intelligence"), LANGUAGES));
        assertThat(db.<StructureRow>inTransaction(em -> structure(em).tag(tag).orElseThrow()).texts().get("en").slug())
                .isEqualTo("artificial-intelligence");
        StructureException taken = refusal(() -> db.run(em -> structure(em).saveTag(Optional.empty(),
                Map.of("en", new StructureText("AI", "artificial-intelligence", null)), LANGUAGES)));
        assertThat(taken.field()).isEqualTo("slug-en");
        db.run(em -> structure(em).saveTag(Optional.of(tag), Map.of("en", new StructureText("AI", "ai", null),
                "it", new StructureText("", "", null)), LANGUAGES));
        StructureRow renamed = db.inTransaction(em -> structure(em).tag(tag).orElseThrow());
        assertThat(renamed.texts()).containsOnlyKeys("en");
        assertThat(db.<Boolean>inTransaction(em -> new JpaSlugRedirectRepository(em)
                .find(SlugKind.TAG, "en", "artificial-intelligence").isPresent())).isTrue();
        assertThat(refusal(() -> db.run(em -> structure(em).saveTag(Optional.empty(), names("xx", "Nope"), LANGUAGES))).reason())
                .isEqualTo(Reason.LANGUAGE_INVALID);
    }
}
