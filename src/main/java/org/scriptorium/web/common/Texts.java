package org.scriptorium.web.common;

import java.util.AbstractMap;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.i18n.application.UiTexts;

/** The UI strings in the page's language, for templates: {@code #{t['login.submit']}}. */
@Named("t")
@RequestScoped
public class Texts extends AbstractMap<String, String> {

    @Inject
    private UiTexts texts;

    @Inject
    private RequestLanguage language;

    @Override
    public String get(Object key) {
        return texts.msg(language.getCode(), String.valueOf(key));
    }

    /** A text with {0}-style arguments: {@code #{t.format('dashboard.articles', n)}}. */
    public String format(String key, Object... args) {
        return texts.msg(language.getCode(), key, args);
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return texts.bundle(language.getCode()).entrySet();
    }
}
