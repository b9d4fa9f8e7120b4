package org.scriptorium.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.application.LanguageService.LanguageChoice;
import org.scriptorium.i18n.application.LanguageService.Refusal;
import org.scriptorium.i18n.infrastructure.JpaSiteLanguageRepository;
import org.scriptorium.settings.domain.SiteSettingsChanged;
import org.scriptorium.testing.FreshDatabase;

/** Enabling, disabling and ordering the site's languages. */
class LanguageConfigurationTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private final List<SiteSettingsChanged> announced = new ArrayList<>();

    private LanguageService languages(EntityManager em) {
        return new LanguageService(new JpaSiteLanguageRepository(em), announced::add);
    }

    private static List<LanguageChoice> choices(String enabledInOrder) {
        List<LanguageChoice> list = new ArrayList<>();
        List<String> on = List.of(enabledInOrder.split(","));
        int next = on.size() + 1;
        for (String code : List.of("it", "es", "en", "fr", "de", "pt")) {
            int at = on.indexOf(code);
            list.add(new LanguageChoice(code, at >= 0, at >= 0 ? at + 1 : next++));
        }
        return list;
    }

    @Test
    void languagesAreEnabledOrderedAndTheDefaultChangedAtOnce() {
        assertThat(db.<Optional<Refusal>>inTransaction(em -> languages(em).configure(choices("de,en,it"), "en"))).isEmpty();
        assertThat(db.<List<String>>inTransaction(em -> List.copyOf(languages(em).enabledCodes()))).containsExactly("de", "en", "it");
        assertThat(db.<String>inTransaction(em -> languages(em).defaultCode())).isEqualTo("en");
        assertThat(db.<Boolean>inTransaction(em -> languages(em).isEnabled("pt"))).isFalse();
        assertThat(announced).hasSize(1);
    }

    @Test
    void theDefaultMustBeEnabledAndOneLanguageMustRemain() {
        assertThat(db.<Optional<Refusal>>inTransaction(em -> languages(em).configure(choices("de,en"), "it")))
                .contains(Refusal.DEFAULT_NOT_ENABLED);
        List<LanguageChoice> none = choices("it").stream().map(c -> new LanguageChoice(c.code(), false, c.position())).toList();
        assertThat(db.<Optional<Refusal>>inTransaction(em -> languages(em).configure(none, "it"))).contains(Refusal.NONE_ENABLED);
        assertThat(db.<Optional<Refusal>>inTransaction(em -> languages(em).configure(List.of(new LanguageChoice("xx", true, 1)), "xx")))
                .contains(Refusal.UNKNOWN_LANGUAGE);
        assertThat(db.<List<String>>inTransaction(em -> List.copyOf(languages(em).enabledCodes()))).hasSize(6);
        assertThat(announced).isEmpty();
    }
}
