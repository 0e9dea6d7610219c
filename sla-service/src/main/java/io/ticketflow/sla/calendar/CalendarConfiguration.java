package io.ticketflow.sla.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    BusinessCalendars businessCalendars(CalendarProperties properties) {
        return properties.toCalendars();
    }
}
