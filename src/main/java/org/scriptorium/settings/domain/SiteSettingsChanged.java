package org.scriptorium.settings.domain;

/**
 * A site-wide setting that changes how pages look (the active theme, the site name, the enabled languages)
 * was changed. Fire it through CDI after saving the setting; every cached page is then dropped.
 *
 * @param setting the name of the setting, for logs
 */
public record SiteSettingsChanged(String setting) {
}
