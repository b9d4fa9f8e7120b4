package org.scriptorium.web.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.scriptorium.i18n.application.LanguageService;

/**
 * The language of the page being rendered: the one in the URL when the site router found one, otherwise
 * the reader's remembered choice, the browser's preference or the site default.
 */
@Named("lang")
@RequestScoped
public class RequestLanguage {

    /** Request attribute in which the router puts the language of a {@code /{lang}/...} URL. */
    public static final String ATTRIBUTE = "scriptorium.lang";
    /** Cookie remembering a reader's explicit language choice. */
    public static final String COOKIE = "scriptorium_lang";

    @Inject
    private HttpServletRequest request;

    @Inject
    private LanguageService languages;

    private String code;

    public String getCode() {
        if (code == null) {
            Object fromUrl = request.getAttribute(ATTRIBUTE);
            code = fromUrl instanceof String s ? s : negotiate(request, languages);
        }
        return code;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(getCode());
    }

    /** The language for a request that carries none in its URL. */
    public static String negotiate(HttpServletRequest request, LanguageService languages) {
        Optional<String> chosen = Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst();
        return languages.negotiate(chosen, request.getHeader("Accept-Language"));
    }
}
