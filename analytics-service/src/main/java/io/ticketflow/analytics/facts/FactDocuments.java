package io.ticketflow.analytics.facts;

import static io.ticketflow.analytics.facts.FactFields.*;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
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
                instant(document, CREATED_AT),
                instant(document, FIRST_RESPONSE_AT),
                instant(document, RESOLVED_AT),
                document.getString(ASSIGNEE),
                intOf(document.get(ASSIGNMENT_COUNT)),
                clocks(document.get(SLA_CLOCKS, Document.class)),
                ratings(document.get(RATINGS, Document.class)),
                size(document.get(CALLBACKS, Document.class)));
    }

    private static List<TicketFact.SlaClock> clocks(Document clocks) {
        List<TicketFact.SlaClock> result = new ArrayList<>();
        if (clocks != null) {
            for (Object value : clocks.values()) {
                if (value instanceof Document) {
                    Document clock = (Document) value;
                    result.add(new TicketFact.SlaClock(clock.getString(CLOCK_ID), clock.getString(METRIC),
                            instant(clock, DUE_AT), instant(clock, MET_AT), clock.getBoolean(ON_TIME)));
                }
            }
        }
        return result;
    }

    private static List<TicketFact.Rating> ratings(Document ratings) {
        List<TicketFact.Rating> result = new ArrayList<>();
        if (ratings != null) {
            for (Object value : ratings.values()) {
                if (value instanceof Document && ((Document) value).get(RATING) instanceof Number) {
                    Document rating = (Document) value;
                    Object nps = rating.get(NPS_SCORE);
                    result.add(new TicketFact.Rating(rating.getString(SURVEY_ID), intOf(rating.get(RATING)),
                            nps instanceof Number ? ((Number) nps).intValue() : null));
                }
            }
        }
        return result;
    }

    private static int size(Document document) {
        return document == null ? 0 : document.size();
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
