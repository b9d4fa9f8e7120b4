package org.scriptorium.i18n.domain;

import java.util.List;
import java.util.Optional;

/** Access to the site's languages. */
public interface SiteLanguageRepository {

    /** Every language, enabled or not, in display order. */
    List<SiteLanguage> findAll();

    Optional<SiteLanguage> findByCode(String code);
}
