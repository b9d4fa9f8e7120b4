package org.scriptorium.i18n.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.i18n.domain.SiteLanguageRepository;

/** The site's languages as the rest of the application needs them: enabled, ordered, with a default. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LanguageService {

    private SiteLanguageRepository languages;

    protected LanguageService() {
    }

    @Inject
    public LanguageService(SiteLanguageRepository languages) {
        this.languages = languages;
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
