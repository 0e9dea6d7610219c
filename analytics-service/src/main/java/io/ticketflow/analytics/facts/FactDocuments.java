package io.ticketflow.analytics.facts;

import static io.ticketflow.analytics.facts.FactFields.*;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;

/** Reads a {@code ticket_facts} document back into a {@link TicketFact}. */
final class FactDocuments {

    private FactDocuments() {
    }

    static TicketFact read(Document document) {
        return new TicketFact(
                String.valueOf(document.get(ID)),
                document.getString(TICKET_NO),
                enumOf(document.getString(CHANNEL), Channel::valueOf),
                enumOf(document.getString(TYPE), TicketType::valueOf),
                enumOf(document.getString(NATURE), Nature::valueOf),
                enumOf(document.getString(PRIORITY), Priority::valueOf),
                document.getString(DEPARTMENT),
                strings(document.get(TAGS)),
                instant(document, CREATED_AT),
                instant(document, FIRST_RESPONSE_AT),
                instant(document, RESOLVED_AT),
                instant(document, CLOSED_AT),
                document.getString(ASSIGNEE),
                document.getString(TEAM),
                intOf(document.get(ASSIGNMENT_COUNT)),
                intOf(document.get(REOPENS)),
                intOf(document.get(TRANSFERS)),
                Boolean.TRUE.equals(document.get(REPEAT_CONTACT)),
                clocks(document.get(SLA_CLOCKS, Document.class)),
                ratings(document.get(RATINGS, Document.class)),
                callbacks(document.get(CALLBACKS, Document.class)),
                escalations(document.get(ESCALATIONS, Document.class)),
                timeline(document.get(TIMELINE)));
    }

    private static List<TicketFact.SlaClock> clocks(Document clocks) {
        List<TicketFact.SlaClock> result = new ArrayList<>();
        for (Document clock : values(clocks)) {
            result.add(new TicketFact.SlaClock(clock.getString(CLOCK_ID), clock.getString(METRIC),
                    instant(clock, STARTED_AT), instant(clock, DUE_AT), instant(clock, MET_AT), clock.getBoolean(ON_TIME),
                    instant(clock, BREACHED_AT), instant(clock, STOPPED_AT), instant(clock, PAUSED_AT),
                    clock.getString(PRIORITY)));
        }
        return result;
    }

    private static List<TicketFact.Rating> ratings(Document ratings) {
        List<TicketFact.Rating> result = new ArrayList<>();
        for (Document rating : values(ratings)) {
            if (rating.get(RATING) instanceof Number) {
                Object nps = rating.get(NPS_SCORE);
                result.add(new TicketFact.Rating(rating.getString(SURVEY_ID), intOf(rating.get(RATING)),
                        nps instanceof Number ? ((Number) nps).intValue() : null, instant(rating, RATED_AT),
                        Boolean.TRUE.equals(rating.get(RECOVERY))));
            }
        }
        return result;
    }

    private static List<TicketFact.Callback> callbacks(Document callbacks) {
        List<TicketFact.Callback> result = new ArrayList<>();
        for (Document callback : values(callbacks)) {
            result.add(new TicketFact.Callback(callback.getString(CALLBACK_ID), instant(callback, OPENED_AT),
                    instant(callback, COMPLETED_AT), callback.getString(OUTCOME)));
        }
        return result;
    }

    private static List<TicketFact.Escalation> escalations(Document escalations) {
        List<TicketFact.Escalation> result = new ArrayList<>();
        for (Document escalation : values(escalations)) {
            result.add(new TicketFact.Escalation(escalation.getString(ESCALATION_ID), escalation.getString(LEVEL),
                    escalation.getString(DEPARTMENT), instant(escalation, ESCALATED_AT)));
        }
        return result;
    }

    private static List<TicketFact.Moment> timeline(Object timeline) {
        List<TicketFact.Moment> result = new ArrayList<>();
        if (timeline instanceof List) {
            for (Object value : (List<?>) timeline) {
                if (value instanceof Document && instant((Document) value, AT) != null) {
                    Document moment = (Document) value;
                    Object sequence = moment.get(SEQUENCE);
                    result.add(new TicketFact.Moment(moment.getString(EVENT_ID), moment.getString(EVENT),
                            instant(moment, AT), sequence instanceof Number ? ((Number) sequence).longValue() : null,
                            enumOf(moment.getString(STATUS), TicketStatus::valueOf), moment.getString(DETAIL)));
                }
            }
        }
        return result;
    }

    private static List<Document> values(Document parent) {
        List<Document> result = new ArrayList<>();
        if (parent != null) {
            for (Object value : parent.values()) {
                if (value instanceof Document) {
                    result.add((Document) value);
                }
            }
        }
        return result;
    }

    private static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List) {
            for (Object item : (List<?>) value) {
                if (item != null) {
                    result.add(item.toString());
                }
            }
        }
        return result;
    }

    private static int intOf(Object value) {
        return value instanceof Number ? ((Number) value).intValue() : 0;
    }

    private static Instant instant(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Date ? ((Date) value).toInstant() : null;
    }

    private static <E extends Enum<E>> E enumOf(String name, Function<String, E> valueOf) {
        return name == null ? null : valueOf.apply(name);
    }
}
