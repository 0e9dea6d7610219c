package io.ticketflow.analytics.buckets;

import io.ticketflow.events.AnswerAccepted;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketEscalated;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketTransferred;
import io.ticketflow.events.TicketflowEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Which bucket counters one event increments. Each event contributes only what it carries itself
 * (a creation counts under its own channel, type, ..., a resolution under its resolving agent),
 * so the increments do not depend on what else arrived before: any delivery order, and any
 * replay, gives the same buckets. Every event counts in an hour and a day bucket of dimension
 * {@code all} (value {@code all}) and of each dimension it names.
 *
 * @param id the event's {@code ce_id}, recorded in each bucket it incremented
 */
record BucketChange(String id, List<Increment> increments) {

    static final String ALL = "all";

    /**
     * @param counter e.g. {@code created}
     * @param amount  added to the counter, e.g. 1, or the stars of a rating
     */
    record Increment(Period period, Instant start, String dimension, String value, String counter, long amount) {

        /** The bucket document id, e.g. {@code day|2031-01-10T00:00:00Z|channel|WEB}. */
        String bucketId() {
            return period.key() + '|' + start + '|' + dimension + '|' + value;
        }
    }

    static BucketChange of(Envelope<? extends TicketflowEvent> envelope, ZoneId zone) {
        List<Increment> increments = new ArrayList<>();
        TicketflowEvent event = envelope.event();
        Counts counts = new Counts(increments, zone);
        if (event instanceof TicketCreated) {
            TicketCreated e = (TicketCreated) event;
            counts.at(e.occurredAt(), "created", 1).all().by("channel", e.channel().name()).by("type", e.type().name())
                    .by("nature", e.nature().name()).by("priority", e.priority().name())
                    .by("department", e.department().id());
            e.tags().stream().distinct().forEach(tag -> counts.by("tag", tag));
        } else if (event instanceof TicketResolved) {
            TicketResolved e = (TicketResolved) event;
            counts.at(e.occurredAt(), "resolved", 1).all().by("agent", e.agentId());
        } else if (event instanceof TicketAssigned) {
            TicketAssigned e = (TicketAssigned) event;
            counts.at(e.assignedAt(), "assigned", 1).all().by("agent", e.agentId()).by("team", e.team())
                    .by("department", e.department().id());
        } else if (event instanceof TicketReopened) {
            counts.at(((TicketReopened) event).occurredAt(), "reopened", 1).all();
        } else if (event instanceof TicketTransferred) {
            TicketTransferred e = (TicketTransferred) event;
            counts.at(e.transferredAt(), "transferred", 1).all().by("department", e.toDepartment().id()).by("team", e.toTeam());
        } else if (event instanceof SlaBreached) {
            SlaBreached e = (SlaBreached) event;
            counts.at(e.breachedAt(), "breached", 1).all()
                    .by("department", e.department() == null ? null : e.department().id())
                    .by("priority", e.priority() == null ? null : e.priority().name());
        } else if (event instanceof TicketEscalated) {
            TicketEscalated e = (TicketEscalated) event;
            counts.at(e.escalatedAt(), "escalated", 1).all().by("department", e.department().id());
        } else if (event instanceof RatingReceived) {
            RatingReceived e = (RatingReceived) event;
            counts.at(e.ratedAt(), "rated", 1).all();
            counts.at(e.ratedAt(), "ratingStars", e.rating()).all();
            if (e.rating() <= 3) {
                counts.at(e.ratedAt(), "lowRated", 1).all();
            }
        } else if (event instanceof AnswerAccepted) {
            AnswerAccepted e = (AnswerAccepted) event;
            counts.at(e.occurredAt(), "answersAccepted", 1).all().by("channel", e.channel().name());
        }
        return new BucketChange(envelope.id().toString(), List.copyOf(increments));
    }

    /** Collects the increments of one counter at one moment, in an hour and a day bucket each. */
    private static final class Counts {
        private final List<Increment> increments;
        private final ZoneId zone;
        private Instant at;
        private String counter;
        private long amount;

        Counts(List<Increment> increments, ZoneId zone) {
            this.increments = increments;
            this.zone = zone;
        }

        Counts at(Instant at, String counter, long amount) {
            this.at = at;
            this.counter = counter;
            this.amount = amount;
            return this;
        }

        Counts all() {
            return by(ALL, ALL);
        }

        Counts by(String dimension, String value) {
            if (value != null && !value.isBlank()) {
                for (Period period : Period.values()) {
                    increments.add(new Increment(period, period.startOf(at, zone), dimension, value, counter, amount));
                }
            }
            return this;
        }
    }
}
