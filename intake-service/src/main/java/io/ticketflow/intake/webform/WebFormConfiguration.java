package io.ticketflow.intake.webform;

import io.ticketflow.intake.privacy.CryptoProperties;
import java.time.Clock;
import java.util.Base64;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebFormProperties.class)
class WebFormConfiguration {

    @Bean
    FormTokens formTokens(WebFormProperties properties, CryptoProperties crypto, Clock clock) {
        byte[] key = properties.formKey() == null || properties.formKey().isBlank()
                ? FormTokens.derive(Base64.getDecoder().decode(crypto.key().strip()))
                : Base64.getDecoder().decode(properties.formKey().strip());
        return new FormTokens(key, properties.tokenLifetime(), clock);
    }

    /** Named so that Spring MVC and Thymeleaf use it for the pages' messages. */
    @Bean
    LocaleResolver localeResolver() {
        return new PageLocales();
    }

    @Bean
    FilterRegistrationBean<PageHeaders> customerPageHeaders(WebFormProperties properties) {
        FilterRegistrationBean<PageHeaders> registration =
                new FilterRegistrationBean<>(new PageHeaders(properties.maxFormSize().toBytes()));
        registration.addUrlPatterns("/", "/submitted", "/status");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
