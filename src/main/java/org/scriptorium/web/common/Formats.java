package org.scriptorium.web.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Dates and numbers formatted for the page's language: {@code #{fmt.date(article.publishedAt)}}. */
@Named("fmt")
@RequestScoped
public class Formats {

    /** The zone in which the site shows and reads dates and times. */
    public static final ZoneId SITE_ZONE = ZoneId.of("Europe/Rome");

    @Inject
    private RequestLanguage language;

    public String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.getLocale())
                .format(instant.atZone(SITE_ZONE));
    }

    /** Date and time, medium length, in the page's language. */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(language.getLocale())
                .format(instant.atZone(SITE_ZONE));
    }

    public String isoDate(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(SITE_ZONE));
    }

    public String number(long value) {
        return java.text.NumberFormat.getIntegerInstance(language.getLocale()).format(value);
    }
}
