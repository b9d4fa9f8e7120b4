package org.scriptorium.themes.application;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.scriptorium.settings.application.SiteSettings;
import org.scriptorium.settings.domain.SiteSettingsChanged;
import org.scriptorium.themes.domain.ThemeCatalog;
import org.scriptorium.themes.domain.ThemeDescriptor;

/**
 * The installed themes and which one renders the public site: the single place that decides the active
 * theme. The descriptors are read once; the choice is a site setting, so that an administrator's change
 * takes effect on the next page without a restart. An unknown or unreadable choice falls back to
 * {@link #DEFAULT_THEME}, so that even the error page always has a theme.
 *
 * <p>Every page asks for the active theme (the page cache's key holds it), so the choice is kept in memory:
 * a {@link SiteSettingsChanged} event (or {@link #activate}) drops it at once, and it is read again from the
 * database at the latest after {@link #RECHECK_SECONDS}, which bounds how long another node that missed the
 * event keeps the old theme.
 */
@ApplicationScoped
public class ThemeRegistry {

    public static final String DEFAULT_THEME = "magazine";
    private static final Logger LOG = Logger.getLogger(ThemeRegistry.class.getName());

    /** The longest time the active theme is kept in memory before the setting is read again. */
    static final long RECHECK_SECONDS = 5;
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(RECHECK_SECONDS);

    private ThemeCatalog catalog;
    private SiteSettings settings;
    private volatile List<ThemeDescriptor> themes;
    private volatile Chosen chosen;
    private final AtomicLong changes = new AtomicLong();

    /** The active theme as last read, and when (System.nanoTime). */
    private record Chosen(ThemeDescriptor theme, long readAt) {
    }

    protected ThemeRegistry() {
    }

    @Inject
    public ThemeRegistry(ThemeCatalog catalog, SiteSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    public List<ThemeDescriptor> all() {
        List<ThemeDescriptor> t = themes;
        if (t == null) {
            t = List.copyOf(catalog.findAll());
            themes = t;
        }
        return t;
    }

    public Optional<ThemeDescriptor> find(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The theme that renders the public site now. */
    public ThemeDescriptor active() {
        Optional<ThemeDescriptor> recent = activeIfRecent();
        if (recent.isPresent()) {
            return recent.get();
        }
        long now = System.nanoTime();
        long change = changes.get();
        ThemeDescriptor theme = readActive();
        if (changes.get() == change) {
            chosen = new Chosen(theme, now);
        }
        return theme;
    }

    /**
     * The active theme when it was read less than {@value #RECHECK_SECONDS} s ago, without reading the setting
     * otherwise: for callers that may not touch the database (they run before the container sets up a
     * request) and then leave the request to a caller of {@link #active()}.
     */
    public Optional<ThemeDescriptor> activeIfRecent() {
        Chosen known = chosen;
        if (known != null && System.nanoTime() - known.readAt() < RECHECK_NANOS) {
            return Optional.of(known.theme());
        }
        return Optional.empty();
    }

    /** Forgets the active theme as soon as any site setting changed, so the next page reads it again. */
    void onSettingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SiteSettingsChanged event) {
        forgetActive();
    }

    private void forgetActive() {
        changes.incrementAndGet();
        chosen = null;
    }

    private ThemeDescriptor readActive() {
        Optional<String> setting;
        try {
            setting = settings.get(SiteSettings.ACTIVE_THEME);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Active theme unreadable, using the default", e);
            setting = Optional.empty();
        }
        return setting.flatMap(this::find).orElseGet(this::fallback);
    }

    private ThemeDescriptor fallback() {
        return find(DEFAULT_THEME).orElseGet(() -> all().get(0));
    }

    /**
     * Makes an installed theme the active one.
     *
     * @throws IllegalArgumentException if no theme has this id
     */
    public void activate(String id) {
        if (find(id).isEmpty()) {
            throw new IllegalArgumentException("No theme " + id);
        }
        forgetActive();
        settings.put(SiteSettings.ACTIVE_THEME, id);
        forgetActive();
    }

    /** The path of a template in the active theme, falling back to the default theme's. */
    public String templatePath(String template) {
        return templatePath(active(), template);
    }

    /** The path of a template in a given theme, falling back to the default theme's. */
    public String templatePath(ThemeDescriptor theme, String template) {
        ThemeDescriptor chosen = theme;
        if (!chosen.provides(template)) {
            chosen = find(DEFAULT_THEME).orElse(theme);
        }
        return "/themes/" + chosen.id() + "/templates/" + template + ".xhtml";
    }
}
