package org.scriptorium.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.faces.component.UIInput;
import jakarta.faces.convert.IntegerConverter;

import org.junit.jupiter.api.Test;
import org.scriptorium.i18n.application.UiTexts;

/**
 * Faces' own messages come from translations/ in each shipped language, looked up the way Faces looks them up
 * (ResourceBundle by base name and the view's locale), with the detail equal to the summary.
 */
class FacesMessagesTest {

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(FacesMessages.class.getName(), Locale.forLanguageTag(language));
    }

    @Test
    void everyShippedLanguageHasItsOwnTextForEveryMessage() {
        ResourceBundle english = bundle("en");
        for (String lang : UiTexts.SHIPPED_LANGUAGES) {
            ResourceBundle b = bundle(lang);
            for (String id : FacesMessages.IDS) {
                assertThat(b.getString(id)).as(lang + " " + id).isEqualTo(UiTexts.load(lang).get(id));
                assertThat(b.getString(id + "_detail")).as(lang + " " + id + " detail").isEqualTo(b.getString(id));
                if (!lang.equals("en")) {
                    assertThat(b.getString(id)).as(lang + " " + id + " is translated").isNotEqualTo(english.getString(id));
                }
                String formatted = new MessageFormat(b.getString(id), Locale.forLanguageTag(lang))
                        .format(new Object[] {"abc", "9346", "label"});
                assertThat(formatted).as(lang + " " + id).doesNotContain("{").doesNotContain("label");
            }
        }
    }

    @Test
    void theConversionMessageNamesWhatWasTypedInTheReadersLanguage() {
        String pattern = bundle("de").getString(IntegerConverter.INTEGER_ID);
        assertThat(new MessageFormat(pattern, Locale.GERMAN).format(new Object[] {"zwölf", "9346", "settings:limit"}))
                .isEqualTo("„zwölf“ ist keine ganze Zahl. Bitte geben Sie nur Ziffern ein, zum Beispiel 9346.");
        assertThat(bundle("it").getString(UIInput.REQUIRED_MESSAGE_ID)).isEqualTo("Compila questo campo.");
    }

    @Test
    void aLanguageWithoutItsOwnFileFallsBackToEnglish() {
        assertThat(bundle("nl").getString(UIInput.REQUIRED_MESSAGE_ID)).isIn("Please fill in this field.",
                bundle(Locale.getDefault().getLanguage()).getString(UIInput.REQUIRED_MESSAGE_ID));
    }
}
