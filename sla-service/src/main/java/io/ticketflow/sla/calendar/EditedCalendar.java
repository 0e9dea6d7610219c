package io.ticketflow.sla.calendar;

import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.EnumMap;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A calendar as edited over the API, stored in the {@code calendars} collection so every instance
 * and every restart finds it; it takes precedence over the configured calendar of the same id.
 */
@Document("calendars")
record EditedCalendar(@Id String id, Definition definition) {

    /**
     * The body of {@code PUT /api/v1/sla/calendars/{id}}.
     *
     * @param zone         e.g. {@code Asia/Shanghai}
     * @param openingHours {@code HH:mm-HH:mm} per open weekday
     * @param standardDay  what a make-up day works; its length is one working day of budget
     */
    record Definition(@NotNull String zone, @NotNull Map<DayOfWeek, String> openingHours, String standardDay,
            List<LocalDate> holidays, List<LocalDate> makeUpDays) {

        BusinessCalendar toCalendar(String id) {
            Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
            openingHours.forEach((day, text) -> hours.put(day, OpeningHours.valueOf(text)));
            return new BusinessCalendar(id, ZoneId.of(zone), hours,
                    OpeningHours.valueOf(standardDay == null ? "09:00-18:00" : standardDay),
                    holidays == null ? null : new HashSet<>(holidays), makeUpDays == null ? null : new HashSet<>(makeUpDays));
        }
    }
}
