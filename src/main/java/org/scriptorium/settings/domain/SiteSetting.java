package org.scriptorium.settings.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One runtime setting of the site, such as the active theme. Start-up configuration (database, data
 * directory) is MicroProfile Config instead; what lives here is what an administrator changes while the
 * site runs, and it is read on each use so that every node sees a change at once.
 *
 * <p>Lifecycle: created the first time a key is set, changed in place afterwards; a key that was never set
 * has its default in the code that reads it.
 */
@Entity
@Table(name = "site_setting")
public class SiteSetting {

    @Id
    @Column(name = "setting_key", length = 100)
    private String key;

    @Column(name = "setting_value", nullable = false, length = 2000)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SiteSetting() {
    }

    public SiteSetting(String key, String value, Instant at) {
        this.key = key;
        change(value, at);
    }

    public void change(String newValue, Instant at) {
        this.value = newValue;
        this.updatedAt = at;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
