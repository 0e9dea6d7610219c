package io.ticketflow.analytics.board;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The board's language, without sessions: {@code ?lang=zh|en}, else the first of Chinese or
 * English in Accept-Language, else Simplified Chinese.
 */
final class BoardLocales implements LocaleResolver {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String chosen = request.getParameter("lang");
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
}
