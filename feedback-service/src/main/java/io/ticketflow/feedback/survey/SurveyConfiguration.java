package io.ticketflow.feedback.survey;

import io.ticketflow.feedback.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class SurveyConfiguration {

    /** Surveys carry their own pending events; the relay watches them. */
    @Bean
    OutboxCollection surveyOutbox() {
        return new OutboxCollection(Survey.COLLECTION);
    }

    /** The survey page's language: {@code ?lang=}, then Accept-Language, then Chinese. */
    @Bean
    LocaleResolver localeResolver() {
        return new SurveyPageLocales();
    }
}
