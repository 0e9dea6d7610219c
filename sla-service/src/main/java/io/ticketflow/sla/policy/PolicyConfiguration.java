package io.ticketflow.sla.policy;

import io.ticketflow.sla.calendar.BusinessCalendars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    PolicyBook policyBook(PolicyProperties properties, BusinessCalendars calendars) {
        PolicyTable table = properties.toTable();
        if (calendars.find(table.calendar()).isEmpty()) {
            throw new IllegalArgumentException("ticketflow.sla.policies.calendar names no configured calendar: " + table.calendar());
        }
        return new PolicyBook(table);
    }
}
