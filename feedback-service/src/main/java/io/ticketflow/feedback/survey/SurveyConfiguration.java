package io.ticketflow.feedback.survey;

import io.ticketflow.feedback.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SurveyConfiguration {

    /** Surveys carry their own pending events; the relay watches them. */
    @Bean
    OutboxCollection surveyOutbox() {
        return new OutboxCollection(Survey.COLLECTION);
    }
}
