package org.scriptorium.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.annotation.WebServlet;

import org.junit.jupiter.api.Test;
import org.scriptorium.i18n.application.UiTexts;

class LanguagePathsTest {

    @Test
    void everyShippedLanguageAndNothingElseIsClaimedByPrefix() {
        WebServlet mapping = LanguagePaths.class.getAnnotation(WebServlet.class);

        assertThat(mapping.urlPatterns()).containsExactlyInAnyOrderElementsOf(
                UiTexts.SHIPPED_LANGUAGES.stream().map(code -> "/" + code + "/*").toList());
    }
}
