package org.scriptorium.consent.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One consent a reader gave: through which channel, who (an e-mail address or a push endpoint), in which
 * language, to which version of the consent text, from which address and page, and when.
 *
 * <p>Lifecycle: written once, when the consent is given, and never changed: it is evidence. Erasing a person
 * (a newsletter erasure) deletes their records through {@link ConsentRecordRepository#deleteBySubject}.
 */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel", nullable = false, length = 20)
    private String channel;

    @Column(name = "subject", nullable = false, length = 1000)
    private String subject;

    @Column(name = "language", length = 10)
    private String language;

    @Column(name = "text_version", length = 40)
    private String textVersion;

    @Column(name = "client_ip", length = 64)
    private String clientIp;

    @Column(name = "page", length = 500)
    private String page;

    @Column(name = "given_at", nullable = false)
    private Instant givenAt;

    protected ConsentRecord() {
    }

    public ConsentRecord(String channel, String subject, String language, String textVersion, String clientIp,
                         String page, Instant givenAt) {
        this.channel = cut(channel, 20);
        this.subject = cut(subject, 1000);
        this.language = cut(language, 10);
        this.textVersion = cut(textVersion, 40);
        this.clientIp = cut(clientIp, 64);
        this.page = cut(page, 500);
        this.givenAt = givenAt;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public String getChannel() {
        return channel;
    }

    public String getSubject() {
        return subject;
    }

    public String getLanguage() {
        return language;
    }

    public String getTextVersion() {
        return textVersion;
    }

    public String getClientIp() {
        return clientIp;
    }

    public String getPage() {
        return page;
    }

    public Instant getGivenAt() {
        return givenAt;
    }
}
