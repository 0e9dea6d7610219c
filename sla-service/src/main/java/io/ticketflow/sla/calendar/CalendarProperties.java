package io.ticketflow.sla.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketflow.sla.calendars.<id>.*}: the business calendars. A calendar named
 * {@code default} always exists; when it is not configured it is Mon–Fri 09:00-18:00 in
 * Asia/Shanghai without holidays.
 *
 * @param calendars the calendars by id
 */
@ConfigurationProperties("ticketflow.sla")
public record CalendarProperties(Map<String, Definition> calendars) {

    public CalendarProperties {
        Map<String, Definition> copy = new LinkedHashMap<>(calendars == null ? Map.of() : calendars);
        copy.putIfAbsent(BusinessCalendars.DEFAULT, new Definition(null, null, null, null, null));
        calendars = Map.copyOf(copy);
    }

    /**
     * One calendar.
     *
     * @param zone         the zone its hours are read in
     * @param openingHours {@code HH:mm-HH:mm} per weekday, e.g. {@code monday: 09:00-18:00}; an absent weekday is closed
     * @param standardDay  the hours a make-up day works; its length is one working day of budget
     * @param holidays     closed dates ({@code yyyy-MM-dd})
     * @param makeUpDays   dates worked although they fall on a closed weekday
     */
    public record Definition(
            @DefaultValue("Asia/Shanghai") ZoneId zone,
            Map<DayOfWeek, OpeningHours> openingHours,
            @DefaultValue("09:00-18:00") OpeningHours standardDay,
            List<LocalDate> holidays,
            List<LocalDate> makeUpDays) {

        private static final OpeningHours NINE_TO_SIX = OpeningHours.valueOf("09:00-18:00");

        public Definition {
            zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
            standardDay = standardDay == null ? NINE_TO_SIX : standardDay;
            if (openingHours == null || openingHours.isEmpty()) {
                openingHours = Map.of(DayOfWeek.MONDAY, standardDay, DayOfWeek.TUESDAY, standardDay,
                        DayOfWeek.WEDNESDAY, standardDay, DayOfWeek.THURSDAY, standardDay, DayOfWeek.FRIDAY, standardDay);
            }
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
            makeUpDays = makeUpDays == null ? List.of() : List.copyOf(makeUpDays);
        }

        BusinessCalendar toCalendar(String id) {
            return new BusinessCalendar(id, zone, openingHours, standardDay, Set.copyOf(holidays), Set.copyOf(makeUpDays));
        }
    }

    /** The calendars, checked: a bad definition fails the start-up with its id in the message. */
    public BusinessCalendars toCalendars() {
        return new BusinessCalendars(calendars.entrySet().stream()
                .map(entry -> entry.getValue().toCalendar(entry.getKey()))
                .toList());
    }
}
