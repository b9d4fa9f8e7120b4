package org.scriptorium.mail.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.i18n.application.UiTexts;

/**
 * E-mail templates: {@code mail/<name>.txt} and {@code mail/<name>.html} on the class path, the HTML one
 * wrapped in {@code mail/layout.html}. Templates hold no language: their words are UI strings from
 * {@code translations/}, so every message exists in every site language. The first line of the text template
 * is {@code Subject: ...}.
 *
 * <p>Placeholders: {@code {{t:key}}} a UI string in the message's language, {@code {{t:key:a,b}}} one with
 * arguments taken from the model, {@code {{name}}} a model value, {@code {{{name}}}} a model value inserted as
 * it is (HTML already escaped by the caller). In HTML templates everything but the triple form is escaped.
 */
@ApplicationScoped
public class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\{([A-Za-z0-9_.]+)}}}|\\{\\{t:([A-Za-z0-9_.]+)(?::([A-Za-z0-9_.,]+))?}}|\\{\\{([A-Za-z0-9_.]+)}}");

    private UiTexts texts;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    protected MailTemplates() {
    }

    @Inject
    public MailTemplates(UiTexts texts) {
        this.texts = texts;
    }

    /** Renders a template in a language with a model of named values. */
    public RenderedMail render(String name, String language, Map<String, ?> model) {
        String text = fill(load(name + ".txt"), language, model, false);
        String html = fill(load(name + ".html"), language, model, true);
        int eol = text.indexOf('\n');
        String first = eol < 0 ? text : text.substring(0, eol);
        if (!first.startsWith("Subject:")) {
            throw new IllegalStateException("The text template " + name + " does not start with a Subject: line");
        }
        String subject = first.substring("Subject:".length()).strip();
        String body = eol < 0 ? "" : text.substring(eol + 1).stripLeading();
        String layout = fill(load("layout.html"), language, Map.of("lang", language, "subject", subject), true);
        return new RenderedMail(subject, body, layout.replace("{{{content}}}", html));
    }

    private String fill(String template, String language, Map<String, ?> model, boolean html) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                replacement = "content".equals(m.group(1)) && !model.containsKey("content") ? m.group() : value(model, m.group(1));
            } else if (m.group(2) != null) {
                Object[] args = m.group(3) == null ? new Object[0]
                        : java.util.Arrays.stream(m.group(3).split(",")).map(a -> (Object) value(model, a)).toArray();
                String s = texts.msg(language, m.group(2), args);
                replacement = html ? escape(s) : s;
            } else {
                String s = value(model, m.group(4));
                replacement = html ? escape(s) : s;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(Map<String, ?> model, String key) {
        Object v = model.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    private String load(String file) {
        return cache.computeIfAbsent(file, f -> {
            try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream("mail/" + f)) {
                if (in == null) {
                    throw new IllegalArgumentException("No mail template " + f);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** HTML-escapes text for element content and attribute values. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
