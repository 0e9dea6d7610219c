package io.ticketflow.sla.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    /** The configured calendars, with the ones edited over the API (stored in MongoDB) on top. */
    @Bean
    BusinessCalendars businessCalendars(CalendarProperties properties, MongoTemplate mongo) {
        BusinessCalendars calendars = properties.toCalendars();
        for (EditedCalendar edited : mongo.findAll(EditedCalendar.class)) {
            calendars.put(edited.definition().toCalendar(edited.id()));
        }
        return calendars;
    }
}
