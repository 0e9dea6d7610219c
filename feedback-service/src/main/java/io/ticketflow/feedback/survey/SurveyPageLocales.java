package io.ticketflow.feedback.survey;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The survey page's language without sessions or cookies, as on intake's web form:
 * {@code ?lang=zh|en}, else the first of Chinese or English in Accept-Language, else Simplified Chinese.
 */
final class SurveyPageLocales implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String chosen = request.getParameter("lang");
        if ("en".equals(chosen)) {
            return Locale.ENGLISH;
        }
        if ("zh".equals(chosen)) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Locale wanted : Collections.list(request.getLocales())) {
                if ("zh".equals(wanted.getLanguage())) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
                if ("en".equals(wanted.getLanguage())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language comes from ?lang= or Accept-Language");
    }
}
