package io.ticketflow.analytics.board;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.DispatcherServlet;

@Configuration(proxyBeanMethods = false)
class BoardConfiguration {

    /** The board's language from {@code ?lang=} or Accept-Language (see {@link BoardLocales}). */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new BoardLocales();
    }
}
