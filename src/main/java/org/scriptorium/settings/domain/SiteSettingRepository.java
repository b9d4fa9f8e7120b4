package org.scriptorium.settings.domain;

import java.util.Optional;

/** Access to the stored settings. */
public interface SiteSettingRepository {

    Optional<SiteSetting> find(String key);

    SiteSetting save(SiteSetting setting);
}
