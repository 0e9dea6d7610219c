package io.ticketflow.sla.calendar;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The configured business calendars, by id. There is always a {@value #DEFAULT} calendar. */
public final class BusinessCalendars {

    /** The id of the calendar policies use unless told otherwise. */
    public static final String DEFAULT = "default";

    private volatile Map<String, BusinessCalendar> byId;

    public BusinessCalendars(Collection<BusinessCalendar> calendars) {
        Map<String, BusinessCalendar> map = new LinkedHashMap<>();
        for (BusinessCalendar calendar : calendars) {
            if (map.put(calendar.id(), calendar) != null) {
                throw new IllegalArgumentException("calendar " + calendar.id() + " is defined twice");
            }
        }
        if (!map.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("a calendar with id '" + DEFAULT + "' is required");
        }
        this.byId = Map.copyOf(map);
    }

    /** Every calendar, the default first, then by id. */
    public List<BusinessCalendar> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing((BusinessCalendar c) -> !c.id().equals(DEFAULT)).thenComparing(BusinessCalendar::id))
                .toList();
    }

    /** The calendar with this id, if configured. */
    public Optional<BusinessCalendar> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Adds a calendar or replaces the one with its id (the API edits calendars this way). */
    public synchronized void put(BusinessCalendar calendar) {
        Map<String, BusinessCalendar> map = new LinkedHashMap<>(byId);
        map.put(calendar.id(), calendar);
        byId = Map.copyOf(map);
    }

    /** The calendar with this id; fails when it is not configured. */
    public BusinessCalendar get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no business calendar '" + id + "'"));
    }
}
