package org.scriptorium.web.common;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.faces.component.UIInput;
import jakarta.faces.component.UISelectMany;
import jakarta.faces.component.UISelectOne;
import jakarta.faces.convert.BigDecimalConverter;
import jakarta.faces.convert.BooleanConverter;
import jakarta.faces.convert.DateTimeConverter;
import jakarta.faces.convert.DoubleConverter;
import jakarta.faces.convert.EnumConverter;
import jakarta.faces.convert.IntegerConverter;
import jakarta.faces.convert.LongConverter;
import jakarta.faces.convert.NumberConverter;
import jakarta.faces.validator.LengthValidator;
import jakarta.faces.validator.LongRangeValidator;

import org.scriptorium.i18n.application.UiTexts;

/**
 * Faces' own conversion and validation messages (a value that is not a number, a required field left empty, a
 * choice that is not on the list, a text too long ...) in the page's language. {@code faces-config.xml} names
 * this class as the application's message bundle; Faces looks it up with {@link java.util.ResourceBundle} in the
 * view's locale, which {@link PageLanguageViewHandler} sets from {@link RequestLanguage}, and so finds the
 * subclass of that language ({@code FacesMessages_de}, ...), whose parent is this class, in English.
 *
 * <p>The texts are UI strings like any other: they live in {@code translations/messages_<lang>.properties} under
 * Faces' own message ids, listed in {@link #IDS}. A detail ({@code <id>_detail}, what {@code h:message} shows) is
 * the same text as its summary. Their arguments are Faces' own: for a converter {0} is the value typed, {1} an
 * example; for a length or range validator {0} (and {1}) the limits.
 */
public class FacesMessages extends java.util.ResourceBundle {

    /** The message ids served, the keys of these texts in {@code translations/}. */
    public static final List<String> IDS = List.of(
            UIInput.REQUIRED_MESSAGE_ID,
            UIInput.CONVERSION_MESSAGE_ID,
            UIInput.UPDATE_MESSAGE_ID,
            UISelectOne.INVALID_MESSAGE_ID,
            UISelectMany.INVALID_MESSAGE_ID,
            IntegerConverter.INTEGER_ID,
            LongConverter.LONG_ID,
            DoubleConverter.DOUBLE_ID,
            BigDecimalConverter.DECIMAL_ID,
            NumberConverter.NUMBER_ID,
            BooleanConverter.BOOLEAN_ID,
            EnumConverter.ENUM_ID,
            DateTimeConverter.DATE_ID,
            DateTimeConverter.TIME_ID,
            DateTimeConverter.DATETIME_ID,
            LengthValidator.MAXIMUM_MESSAGE_ID,
            LengthValidator.MINIMUM_MESSAGE_ID,
            LongRangeValidator.MAXIMUM_MESSAGE_ID,
            LongRangeValidator.MINIMUM_MESSAGE_ID,
            LongRangeValidator.NOT_IN_RANGE_MESSAGE_ID,
            LongRangeValidator.TYPE_MESSAGE_ID);

    private static final String DETAIL = "_detail";

    private final Map<String, String> texts = new LinkedHashMap<>();

    /** The bundle of last resort, in English. */
    public FacesMessages() {
        this("en");
    }

    protected FacesMessages(String language) {
        Map<String, String> file = UiTexts.load(language);
        for (String id : IDS) {
            String text = file.get(id);
            if (text != null) {
                texts.put(id, text);
            }
        }
    }

    @Override
    protected Object handleGetObject(String key) {
        String id = key.endsWith(DETAIL) ? key.substring(0, key.length() - DETAIL.length()) : key;
        return texts.get(id);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(texts.keySet().stream().flatMap(id -> Stream.of(id, id + DETAIL)).toList());
    }
}
