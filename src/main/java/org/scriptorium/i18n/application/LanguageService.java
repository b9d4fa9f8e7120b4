package org.scriptorium.i18n.application;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.i18n.domain.SiteLanguageRepository;
import org.scriptorium.settings.domain.SiteSettingsChanged;

/**
 * The site's languages as the rest of the application needs them: enabled, ordered, with a default.
 *
 * <p>Administrators enable, disable and order them with {@link #configure}.
 *
 * <p>Every public request asks several of these questions, and the languages change rarely, so the enabled
 * ones are kept in memory: a {@link SiteSettingsChanged} event drops them at once (whoever changes the
 * languages fires it, which also empties the page cache), and they are read again from the database at the
 * latest after {@link #RECHECK_SECONDS}, so a change made elsewhere shows within seconds.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LanguageService {

    /** The longest time the enabled languages are kept in memory before they are read again. */
    static final long RECHECK_SECONDS = 5;
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(RECHECK_SECONDS);

    private SiteLanguageRepository languages;
    private Consumer<SiteSettingsChanged> announce;
    private volatile Snapshot snapshot;
    private final AtomicLong changes = new AtomicLong();

    /** The enabled languages in order, their codes, and when they were read (System.nanoTime). */
    private record Snapshot(List<SiteLanguage> enabled, Set<String> codes, long readAt) {
    }

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
        forget();
        announce.accept(new SiteSettingsChanged("languages"));
        return Optional.empty();
    }

    /** The enabled languages in display order. */
    public List<SiteLanguage> enabled() {
        return snapshot().enabled();
    }

    public Set<String> enabledCodes() {
        return new LinkedHashSet<>(snapshot().codes());
    }

    public boolean isEnabled(String code) {
        return code != null && snapshot().codes().contains(code);
    }

    /** Forgets the languages as soon as a site setting changed, so the next request reads them again. */
    void onSettingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SiteSettingsChanged event) {
        forget();
    }

    private void forget() {
        changes.incrementAndGet();
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot known = snapshot;
        long now = System.nanoTime();
        if (known != null && now - known.readAt() < RECHECK_NANOS) {
            return known;
        }
        long change = changes.get();
        List<SiteLanguage> enabled = languages.findAll().stream().filter(SiteLanguage::isEnabled).toList();
        Set<String> codes = enabled.stream().map(SiteLanguage::getCode)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Snapshot read = new Snapshot(enabled, Collections.unmodifiableSet(codes), now);
        if (changes.get() == change) {
            snapshot = read;
        }
        return read;
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
