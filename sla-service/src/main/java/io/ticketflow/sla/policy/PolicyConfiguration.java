package io.ticketflow.sla.policy;

import io.ticketflow.sla.calendar.BusinessCalendars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    PolicyBook policyBook(PolicyProperties properties, BusinessCalendars calendars, MongoTemplate mongo) {
        // a table edited over the API (stored) wins over the configured one
        EditedPolicies edited = mongo.findById(EditedPolicies.ID, EditedPolicies.class);
        PolicyTable table = edited != null ? edited.table().toTable() : properties.toTable();
        if (calendars.find(table.calendar()).isEmpty()) {
            throw new IllegalArgumentException("ticketflow.sla.policies.calendar names no configured calendar: " + table.calendar());
        }
        return new PolicyBook(table);
    }
}
