package org.scriptorium.web.backoffice;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The messages of a refused form, by field name, shown next to each field ({@code #{bean.errors.get('name')}})
 * and summarised at the top in an alert, so a screen reader hears them and the typed values stay in place.
 */
public class FormErrors implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> messages = new LinkedHashMap<>();

    public void put(String field, String message) {
        messages.put(field == null ? "" : field, message);
    }

    public String get(String field) {
        return messages.get(field);
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Whether the form was refused, for templates ({@code empty} is a reserved word in EL). */
    public boolean isRefused() {
        return !messages.isEmpty();
    }

    public Map<String, String> getAll() {
        return messages;
    }

    public void clear() {
        messages.clear();
    }
}
