package org.scriptorium.i18n.application;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.i18n.domain.SiteLanguageRepository;
import org.scriptorium.settings.domain.SiteSettingsChanged;

/**
 * The site's languages as the rest of the application needs them: enabled, ordered, with a default. Read
 * from the database on every call, so that when an administrator enables, disables or reorders languages
 * ({@link #configure}) the switcher, negotiation, the router and the sitemaps follow on the next request.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LanguageService {

    private SiteLanguageRepository languages;
    private Consumer<SiteSettingsChanged> announce;

    protected LanguageService() {
    }

    @Inject
    public LanguageService(SiteLanguageRepository languages, Event<SiteSettingsChanged> events) {
        this(languages, events::fire);
    }

    public LanguageService(SiteLanguageRepository languages, Consumer<SiteSettingsChanged> announce) {
        this.languages = languages;
        this.announce = announce;
    }

    public LanguageService(SiteLanguageRepository languages) {
        this(languages, e -> { });
    }

    /** One language as an administrator sets it: shown or not, and its place in the order (1 first). */
    public record LanguageChoice(String code, boolean enabled, int position) {
    }

    /** Why a language configuration was refused. */
    public enum Refusal {
        NONE_ENABLED, DEFAULT_NOT_ENABLED, UNKNOWN_LANGUAGE
    }

    /** Every language, enabled or not, in display order. */
    public List<SiteLanguage> all() {
        return languages.findAll();
    }

    /**
     * Enables, disables and orders the languages and picks the default, all at once.
     *
     * @return the reason for refusing, or empty when it was stored
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Refusal> configure(List<LanguageChoice> choices, String defaultCode) {
        Set<String> seen = new HashSet<>();
        for (LanguageChoice c : choices) {
            if (languages.findByCode(c.code()).isEmpty() || !seen.add(c.code())) {
                return Optional.of(Refusal.UNKNOWN_LANGUAGE);
            }
        }
        if (choices.stream().noneMatch(LanguageChoice::enabled)) {
            return Optional.of(Refusal.NONE_ENABLED);
        }
        if (choices.stream().noneMatch(c -> c.enabled() && c.code().equals(defaultCode))) {
            return Optional.of(Refusal.DEFAULT_NOT_ENABLED);
        }
        List<LanguageChoice> ordered = choices.stream()
                .sorted(Comparator.comparingInt(LanguageChoice::position).thenComparing(LanguageChoice::code))
                .toList();
        for (int i = 0; i < ordered.size(); i++) {
            LanguageChoice c = ordered.get(i);
            languages.findByCode(c.code()).orElseThrow().configure(c.enabled(), c.code().equals(defaultCode), i + 1);
        }
        announce.accept(new SiteSettingsChanged("languages"));
        return Optional.empty();
    }

    /** The enabled languages in display order. */
    public List<SiteLanguage> enabled() {
        return languages.findAll().stream().filter(SiteLanguage::isEnabled).toList();
    }

    public Set<String> enabledCodes() {
        return enabled().stream().map(SiteLanguage::getCode).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public boolean isEnabled(String code) {
        return code != null && languages.findByCode(code).map(SiteLanguage::isEnabled).orElse(false);
    }

    /** The default language; the first enabled one if, by mistake, none is marked default. */
    public String defaultCode() {
        List<SiteLanguage> enabled = enabled();
        return enabled.stream().filter(SiteLanguage::isDefaultLanguage).map(SiteLanguage::getCode).findFirst()
                .orElseGet(() -> enabled.isEmpty() ? "en" : enabled.get(0).getCode());
    }

    /** See {@link LanguageNegotiation#negotiate}. */
    public String negotiate(Optional<String> explicitChoice, String acceptLanguage) {
        return LanguageNegotiation.negotiate(enabledCodes(), defaultCode(), explicitChoice, acceptLanguage);
    }
}
