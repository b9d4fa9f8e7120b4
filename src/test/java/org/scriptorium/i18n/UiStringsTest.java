package org.scriptorium.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.scriptorium.content.domain.PublicationStatus;
import org.scriptorium.i18n.application.UiTexts;
import org.scriptorium.identity.domain.Role;

/** Every UI string exists in all six languages, and every key in the files is still used somewhere. */
class UiStringsTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("t\\[['\"]([A-Za-z0-9.]+)['\"]\\]|t\\.format\\(['\"]([A-Za-z0-9.]+)['\"]");
    private static final Pattern JAVA_KEY = Pattern.compile("(?:texts\\.get|texts\\.format|msg\\([^,]+,)\\s*\\(?\"([A-Za-z0-9.]+)\"");
    private static final Pattern NAV_KEY = Pattern.compile("new (?:Item|FeatureLink)\\(\"([A-Za-z0-9.]+)\"");
    /** Keys returned by DashboardFigure and DailySeries beans. */
    private static final Pattern LABEL_KEY = Pattern.compile("String labelKey\\(\\)\\s*\\{\\s*return\\s+\"([A-Za-z0-9.]+)\"");
    private static final Pattern MAIL_KEY = Pattern.compile("\\{\\{t:([A-Za-z0-9.]+)");

    private final UiTexts texts = new UiTexts();

    @Test
    void everyLanguageHasExactlyTheSameKeys() {
        Set<String> english = texts.keys("en");
        assertThat(english).isNotEmpty();
        for (String lang : UiTexts.SHIPPED_LANGUAGES) {
            assertThat(texts.keys(lang)).as("keys of " + lang).containsExactlyInAnyOrderElementsOf(english);
            for (String key : english) {
                assertThat(texts.bundle(lang).get(key)).as(lang + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void everyKeyIsUsedAndEveryUsedKeyExists() throws IOException {
        Set<String> used = usedKeys();
        Set<String> defined = new TreeSet<>(texts.keys("en"));
        assertThat(used).as("keys used but not defined").isSubsetOf(defined);
        Set<String> unused = new TreeSet<>(defined);
        unused.removeAll(used);
        assertThat(unused).as("keys defined but no longer used").isEmpty();
    }

    @Test
    void argumentsAreFormattedForTheLanguage() {
        assertThat(texts.msg("en", "dashboard.articles", 1)).isEqualTo("One article in total.");
        assertThat(texts.msg("de", "dashboard.articles", 1200)).isEqualTo("1.200 Artikel insgesamt.");
        assertThat(texts.msg("fr", "login.throttled", 4)).contains("4");
        assertThat(texts.msg("it", "no.such.key")).isEqualTo("[no.such.key]");
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path root : new Path[] {Path.of("src/main/webapp"), Path.of("themes"), Path.of("src/main/java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".xhtml") || p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    for (Pattern p : new Pattern[] {TEMPLATE_KEY, JAVA_KEY, NAV_KEY, LABEL_KEY}) {
                        Matcher m = p.matcher(text);
                        while (m.find()) {
                            used.add(m.group(1) != null ? m.group(1) : m.group(2));
                        }
                    }
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/mail"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = MAIL_KEY.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.addAll(facesMessageBundleKeys());
        for (PublicationStatus s : PublicationStatus.values()) {
            used.add("status." + s.name());
        }
        for (Role r : Role.values()) {
            used.add("role." + r.name());
        }
        for (String field : List.of("title", "slug", "excerpt", "body", "seoTitle", "seoDescription")) {
            used.add("editor.field." + field);
        }
        for (String state : List.of("MISSING", "DRAFT", "SCHEDULED", "PUBLISHED", "UNPUBLISHED", "OUTDATED")) {
            used.add("translations.state." + state);
        }
        return used;
    }

    /**
     * The keys that Faces itself asks for: faces-config.xml names a message bundle class, which declares the
     * Faces message ids it serves from translations/ in its {@code IDS}.
     */
    @SuppressWarnings("unchecked")
    private static List<String> facesMessageBundleKeys() throws IOException {
        Matcher m = Pattern.compile("<message-bundle>\\s*([A-Za-z0-9_.]+)\\s*</message-bundle>")
                .matcher(Files.readString(Path.of("src/main/webapp/WEB-INF/faces-config.xml")));
        if (!m.find()) {
            return List.of();
        }
        try {
            return (List<String>) Class.forName(m.group(1)).getField("IDS").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the message bundle " + m.group(1) + " must declare its keys in IDS", e);
        }
    }
}
