package io.ticketflow.feedback.callback;

import io.ticketflow.feedback.outbox.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

    /** Callbacks carry their own pending events; the relay watches them. */
    @Bean
    OutboxCollection callbackOutbox() {
        return new OutboxCollection(CallbackTask.COLLECTION);
    }
}
