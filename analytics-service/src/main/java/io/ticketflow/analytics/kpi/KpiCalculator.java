package io.ticketflow.analytics.kpi;

import io.ticketflow.analytics.facts.TicketFact;
import io.ticketflow.events.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Computes the KPIs of a cohort of tickets in one pass, in plain Java. Figures are defined in
 * docs/kpis.md. Tickets whose creation has not arrived are skipped. Memory: the first-response
 * and resolution durations of the cohort (for the percentiles), everything else is counters.
 */
public final class KpiCalculator {

    /** Backlog age bands, by the age of an open ticket (now − creation). */
    static final List<AgeBand> AGE_BANDS = List.of(
            new AgeBand("<1h", Duration.ofHours(1)),
            new AgeBand("1-4h", Duration.ofHours(4)),
            new AgeBand("4-24h", Duration.ofHours(24)),
            new AgeBand("1-3d", Duration.ofDays(3)),
            new AgeBand(">3d", null));

    private final Instant now;
    private long created;
    private long resolved;
    private long closed;
    private final List<Double> firstResponses = new ArrayList<>();
    private final List<Double> resolutions = new ArrayList<>();
    private final Map<String, long[]> clocks = new TreeMap<>();
    private long overdue;
    private long firstContactResolved;
    private long transferred;
    private long reopened;
    private long repeatContacts;
    private long ratings;
    private long ratingStars;
    private long lowRatings;
    private long npsAnswers;
    private long promoters;
    private long detractors;
    private long callbacksOpened;
    private long callbacksCompleted;
    private long ticketsCalledBack;
    private long ticketsRecovered;
    private long escalations;
    private long backlog;
    private final Map<String, Long> backlogByStatus = new TreeMap<>();
    private final Map<String, Long> backlogByAge = new LinkedHashMap<>();

    /** @param now the moment backlog ages are measured at */
    public KpiCalculator(Instant now) {
        this.now = now;
        AGE_BANDS.forEach(band -> backlogByAge.put(band.label(), 0L));
    }

    /** The KPIs of the given tickets. */
    public static Kpis calculate(Stream<TicketFact> facts, @Nullable Instant from, @Nullable Instant to, Instant now) {
        KpiCalculator calculator = new KpiCalculator(now);
        facts.forEach(calculator::add);
        return calculator.result(from, to);
    }

    /** Adds one ticket; one whose creation has not arrived is skipped. */
    public KpiCalculator add(TicketFact fact) {
        if (!fact.created()) {
            return this;
        }
        created++;
        if (fact.firstResponseAt() != null) {
            firstResponses.add(secondsBetween(fact.createdAt(), fact.firstResponseAt()));
        }
        if (fact.resolved()) {
            resolved++;
            resolutions.add(secondsBetween(fact.createdAt(), fact.resolvedAt()));
            if (fact.reopens() == 0 && fact.transfers() == 0) {
                firstContactResolved++;
            }
            if (fact.reopens() > 0) {
                reopened++;
            }
        }
        if (fact.closedAt() != null) {
            closed++;
        }
        if (fact.transfers() > 0) {
            transferred++;
        }
        if (fact.repeatContact()) {
            repeatContacts++;
        }
        boolean breached = false;
        for (TicketFact.SlaClock clock : fact.slaClocks()) {
            if (clock.decided() && clock.metric() != null) {
                long[] counts = clocks.computeIfAbsent(clock.metric(), m -> new long[2]);
                counts[1]++;
                if (clock.attained()) {
                    counts[0]++;
                }
            }
            breached |= clock.breachedAt() != null || Boolean.FALSE.equals(clock.onTime());
        }
        if (breached) {
            overdue++;
        }
        boolean recovered = false;
        for (TicketFact.Rating rating : fact.ratings()) {
            ratings++;
            ratingStars += rating.rating();
            if (rating.rating() <= 3) {
                lowRatings++;
            }
            if (rating.npsScore() != null) {
                npsAnswers++;
                if (rating.npsScore() >= 9) {
                    promoters++;
                } else if (rating.npsScore() <= 6) {
                    detractors++;
                }
            }
            recovered |= rating.recovery();
        }
        callbacksOpened += fact.callbacksOpened();
        long completed = fact.callbacks().stream().filter(TicketFact.Callback::completed).count();
        callbacksCompleted += completed;
        if (completed > 0) {
            ticketsCalledBack++;
            if (recovered) {
                ticketsRecovered++;
            }
        }
        escalations += fact.escalations().size();
        if (fact.open()) {
            backlog++;
            TicketStatus status = fact.status();
            backlogByStatus.merge(status == null ? "UNKNOWN" : status.name(), 1L, Long::sum);
            backlogByAge.merge(band(Duration.between(fact.createdAt(), now)), 1L, Long::sum);
        }
        return this;
    }

    /** The figures of everything added so far. */
    public Kpis result(@Nullable Instant from, @Nullable Instant to) {
        Kpis.Durations firstResponse = durations(firstResponses);
        Kpis.Durations resolution = durations(resolutions);
        Map<String, Kpis.Share> attainment = new TreeMap<>();
        clocks.forEach((metric, counts) -> attainment.put(metric, Kpis.Share.of(counts[0], counts[1])));
        Kpis.Share firstResponseClocks = attainment.get("FIRST_RESPONSE");
        return new Kpis(from, to, created, resolved, closed,
                firstResponse.mean(), resolution.mean(), firstResponse, resolution,
                firstResponseClocks == null ? null : firstResponseClocks.ratio(),
                attainment,
                Kpis.Share.of(overdue, created),
                Kpis.Share.of(firstContactResolved, resolved),
                Kpis.Share.of(transferred, created),
                Kpis.Share.of(reopened, resolved),
                Kpis.Share.of(repeatContacts, created),
                null,
                ratio(ratingStars, ratings), ratings, ratio(lowRatings, ratings),
                new Kpis.Nps(npsAnswers, promoters, detractors,
                        npsAnswers == 0 ? null : (promoters - detractors) * 100.0 / npsAnswers),
                callbacksOpened,
                Kpis.Share.of(callbacksCompleted, callbacksOpened),
                Kpis.Share.of(ticketsRecovered, ticketsCalledBack),
                escalations,
                backlog, Collections.unmodifiableMap(new TreeMap<>(backlogByStatus)),
                Collections.unmodifiableMap(new LinkedHashMap<>(backlogByAge)),
                null, null);
    }

    /** Nearest-rank percentile of sorted values: the value at rank ceil(p × n). */
    static @Nullable Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Kpis.Durations durations(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return new Kpis.Durations(sorted.size(), ratio(sum, sorted.size()), percentile(sorted, 0.5), percentile(sorted, 0.9));
    }

    private static String band(Duration age) {
        for (AgeBand band : AGE_BANDS) {
            if (band.upTo() == null || age.compareTo(band.upTo()) < 0) {
                return band.label();
            }
        }
        throw new IllegalStateException("the last band is open");
    }

    private static double secondsBetween(Instant start, Instant end) {
        return Math.max(0, Duration.between(start, end).toMillis()) / 1000.0;
    }

    private static @Nullable Double ratio(double sum, long count) {
        return count == 0 ? null : sum / count;
    }

    /** @param upTo exclusive upper bound of the age, null for the open last band */
    record AgeBand(String label, @Nullable Duration upTo) {
    }
}
