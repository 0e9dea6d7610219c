package io.ticketflow.intake.webform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The pages' language, without sessions or cookies: {@code ?lang=zh|en} (the pages carry it on
 * every link and form), else the first of Chinese or English in Accept-Language, else Simplified
 * Chinese, the language of most of our customers.
 */
final class PageLocales implements LocaleResolver {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;
    static final String PARAMETER = "lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String chosen = request.getParameter(PARAMETER);
        if ("en".equals(chosen)) {
            return ENGLISH;
        }
        if ("zh".equals(chosen)) {
            return CHINESE;
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Locale wanted : Collections.list(request.getLocales())) {
                if ("zh".equals(wanted.getLanguage())) {
                    return CHINESE;
                }
                if ("en".equals(wanted.getLanguage())) {
                    return ENGLISH;
                }
            }
        }
        return CHINESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language comes from ?lang= or Accept-Language");
    }

    /** The {@code lang} value that keeps a page in this locale. */
    static String tagOf(Locale locale) {
        return ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "zh";
    }
}
