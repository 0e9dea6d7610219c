package io.ticketflow.analytics.kpi;

import io.ticketflow.analytics.facts.TicketFact;
import io.ticketflow.events.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Computes the {@link Kpis} of a cohort: the tickets <em>created</em> in the window
 * {@code [from, to)} (every ticket whose creation is known when the window is open on both
 * sides). Every figure is about that cohort, whenever its later events happened, so a window's
 * figures only ever grow more complete. Facts of tickets whose {@code TicketCreated} has not
 * arrived yet are left out.
 * <dl>
 * <dt>ticketsCreated</dt><dd>tickets in the cohort.</dd>
 * <dt>ticketsResolved</dt><dd>tickets of the cohort resolved at least once.</dd>
 * <dt>meanFirstResponseSeconds</dt><dd>mean of (first agent reply − creation), in seconds, over
 *     the tickets that have an agent reply; null when none has. The first agent reply is the
 *     earliest reply by an agent, whatever order the replies were delivered in. A reply stamped
 *     before the creation (clock skew) counts as 0 s.</dd>
 * <dt>meanResolutionSeconds</dt><dd>mean of (first resolution − creation), in seconds, over the
 *     resolved tickets; null when none is resolved. A later re-resolution after a reopen does
 *     not move it.</dd>
 * <dt>firstResponseSlaAttainment</dt><dd>share (0..1) of the cohort's {@code FIRST_RESPONSE} SLA
 *     clocks met on time, among those met; null when none is met yet. A clock that is still
 *     running is not counted.</dd>
 * <dt>csatMean</dt><dd>mean star rating (1–5) over every answered survey of the cohort (a
 *     ticket surveyed again after a reopen contributes each answer); null without ratings.</dd>
 * <dt>ratings</dt><dd>answered surveys of the cohort.</dd>
 * <dt>lowRatingShare</dt><dd>share (0..1) of those ratings that are 1–3 stars (the ones that open
 *     a callback); null without ratings.</dd>
 * <dt>callbacksOpened</dt><dd>callbacks opened for the cohort's tickets.</dd>
 * <dt>backlog</dt><dd>tickets of the cohort not resolved yet.</dd>
 * </dl>
 * Plain Java: feed it facts with {@link #add(TicketFact)} and read {@link #result(Instant, Instant)}.
 * It keeps only running sums, so it can consume a stream of any length. Not thread-safe.
 */
public final class KpiCalculator {

    private long created;
    private long resolved;
    private long firstResponses;
    private double firstResponseSeconds;
    private double resolutionSeconds;
    private long firstResponseClocksMet;
    private long firstResponseClocksOnTime;
    private long ratings;
    private long ratingStars;
    private long lowRatings;
    private long callbacksOpened;

    /** The figures of every fact in the stream, for the window that selected them. */
    public static Kpis calculate(Stream<TicketFact> facts, @Nullable Instant from, @Nullable Instant to) {
        KpiCalculator calculator = new KpiCalculator();
        facts.forEach(calculator::add);
        return calculator.result(from, to);
    }

    /** Adds one ticket of the cohort; a ticket whose creation is unknown is skipped. */
    public KpiCalculator add(TicketFact fact) {
        if (!fact.created()) {
            return this;
        }
        created++;
        if (fact.firstResponseAt() != null) {
            firstResponses++;
            firstResponseSeconds += secondsBetween(fact.createdAt(), fact.firstResponseAt());
        }
        if (fact.resolved()) {
            resolved++;
            resolutionSeconds += secondsBetween(fact.createdAt(), fact.resolvedAt());
        }
        for (TicketFact.SlaClock clock : fact.slaClocks()) {
            if (SlaMetric.FIRST_RESPONSE.name().equals(clock.metric()) && clock.met()) {
                firstResponseClocksMet++;
                if (Boolean.TRUE.equals(clock.onTime())) {
                    firstResponseClocksOnTime++;
                }
            }
        }
        for (TicketFact.Rating rating : fact.ratings()) {
            ratings++;
            ratingStars += rating.rating();
            if (rating.rating() <= 3) {
                lowRatings++;
            }
        }
        callbacksOpened += fact.callbacksOpened();
        return this;
    }

    /** The figures of everything added so far. */
    public Kpis result(@Nullable Instant from, @Nullable Instant to) {
        return new Kpis(from, to, created, resolved,
                ratio(firstResponseSeconds, firstResponses),
                ratio(resolutionSeconds, resolved),
                ratio(firstResponseClocksOnTime, firstResponseClocksMet),
                ratio(ratingStars, ratings),
                ratings,
                ratio(lowRatings, ratings),
                callbacksOpened,
                created - resolved);
    }

    private static double secondsBetween(Instant start, Instant end) {
        return Math.max(0, Duration.between(start, end).toMillis()) / 1000.0;
    }

    private static Double ratio(double sum, long count) {
        return count == 0 ? null : sum / count;
    }
}
