package io.ticketflow.intake.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PageLocalesTest {

    private final PageLocales locales = new PageLocales();

    @Test
    void the_lang_parameter_wins_over_the_browser() {
        assertThat(locales.resolveLocale(request("en", "zh-CN"))).isEqualTo(Locale.ENGLISH);
        assertThat(locales.resolveLocale(request("zh", "en-US"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void without_one_the_first_of_chinese_or_english_the_browser_accepts_is_taken() {
        assertThat(locales.resolveLocale(request(null, "en-US,en;q=0.9"))).isEqualTo(Locale.ENGLISH);
        assertThat(locales.resolveLocale(request(null, "zh-TW,zh;q=0.9,en;q=0.8"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(locales.resolveLocale(request(null, "fr-FR,fr;q=0.9,en;q=0.5"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void otherwise_simplified_chinese() {
        assertThat(locales.resolveLocale(request(null, null))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(locales.resolveLocale(request("de", "fr-FR"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(locales.resolveLocale(request("<x>", null))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void the_lang_value_round_trips() {
        assertThat(PageLocales.tagOf(Locale.ENGLISH)).isEqualTo("en");
        assertThat(PageLocales.tagOf(Locale.SIMPLIFIED_CHINESE)).isEqualTo("zh");
    }

    private static MockHttpServletRequest request(String lang, String acceptLanguage) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        if (lang != null) {
            request.setParameter("lang", lang);
        }
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
            request.setPreferredLocales(java.util.Arrays.stream(acceptLanguage.split(","))
                    .map(range -> Locale.forLanguageTag(range.split(";")[0].strip())).toList());
        }
        return request;
    }
}
