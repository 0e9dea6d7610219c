package io.ticketflow.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.ticketflow.analytics.facts.TicketFact;
import io.ticketflow.analytics.facts.TicketFact.Rating;
import io.ticketflow.analytics.facts.TicketFact.SlaClock;
import io.ticketflow.events.Channel;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KpiCalculatorTest {

    private static final Instant T0 = Instant.parse("2031-03-01T08:00:00Z");
    private static final Instant NOW = T0.plusSeconds(2 * 3600);

    @Test
    void no_tickets_gives_zero_counts_and_no_means() {
        Kpis kpis = KpiCalculator.calculate(Stream.empty(), null, null, NOW);

        assertThat(kpis.ticketsCreated()).isZero();
        assertThat(kpis.ticketsResolved()).isZero();
        assertThat(kpis.backlog()).isZero();
        assertThat(kpis.ratings()).isZero();
        assertThat(kpis.callbacksOpened()).isZero();
        assertThat(kpis.meanFirstResponseSeconds()).isNull();
        assertThat(kpis.meanResolutionSeconds()).isNull();
        assertThat(kpis.firstResponseSlaAttainment()).isNull();
        assertThat(kpis.csatMean()).isNull();
        assertThat(kpis.lowRatingShare()).isNull();
    }

    @Test
    void open_tickets_without_replies_count_as_backlog_and_leave_the_means_null() {
        Kpis kpis = KpiCalculator.calculate(Stream.of(ticket("a").build(), ticket("b").build()), null, null, NOW);

        assertThat(kpis.ticketsCreated()).isEqualTo(2);
        assertThat(kpis.ticketsResolved()).isZero();
        assertThat(kpis.backlog()).isEqualTo(2);
        assertThat(kpis.meanFirstResponseSeconds()).isNull();
        assertThat(kpis.meanResolutionSeconds()).isNull();
    }

    @Test
    void means_average_over_the_tickets_that_have_the_moment() {
        // given three tickets: answered after 10 min and resolved after 1 h, answered after 30 min, untouched
        TicketFact fast = ticket("fast").respondedAfter(600).resolvedAfter(3600).build();
        TicketFact slow = ticket("slow").respondedAfter(1800).build();
        TicketFact untouched = ticket("untouched").build();

        Kpis kpis = KpiCalculator.calculate(Stream.of(fast, slow, untouched), null, null, NOW);

        assertThat(kpis.ticketsCreated()).isEqualTo(3);
        assertThat(kpis.ticketsResolved()).isEqualTo(1);
        assertThat(kpis.backlog()).isEqualTo(2);
        assertThat(kpis.meanFirstResponseSeconds()).isEqualTo(1200.0);
        assertThat(kpis.meanResolutionSeconds()).isEqualTo(3600.0);
    }

    @Test
    void a_reply_stamped_before_creation_counts_as_an_immediate_response() {
        TicketFact skewed = ticket("skewed").respondedAfter(-5).build();

        assertThat(KpiCalculator.calculate(Stream.of(skewed), null, null, NOW).meanFirstResponseSeconds()).isEqualTo(0.0);
    }

    @Test
    void sla_attainment_is_the_share_of_decided_first_response_clocks_met_on_time() {
        TicketFact onTime = ticket("on-time").clock("FIRST_RESPONSE", true, true).clock("RESOLUTION", true, false).build();
        TicketFact late = ticket("late").clock("FIRST_RESPONSE", true, false).build();
        TicketFact alsoOnTime = ticket("also-on-time").clock("FIRST_RESPONSE", true, true).build();
        TicketFact running = ticket("running").clock("FIRST_RESPONSE", false, null).build();

        Kpis kpis = KpiCalculator.calculate(Stream.of(onTime, late, alsoOnTime, running), null, null, NOW);

        assertThat(kpis.firstResponseSlaAttainment()).isCloseTo(2.0 / 3.0, within(1e-12));
    }

    @Test
    void a_running_clock_alone_gives_no_attainment() {
        TicketFact running = ticket("running").clock("FIRST_RESPONSE", false, null).build();

        assertThat(KpiCalculator.calculate(Stream.of(running), null, null, NOW).firstResponseSlaAttainment()).isNull();
    }

    @Test
    void csat_counts_every_answered_survey_and_ratings_of_one_to_three_are_low() {
        // given one ticket rated 2 then, after a reopen, 5; another rated 3; another rated 4
        TicketFact twice = ticket("twice").rated("s1", 2).rated("s2", 5).callbacks(1).build();
        TicketFact three = ticket("three").rated("s3", 3).callbacks(1).build();
        TicketFact four = ticket("four").rated("s4", 4).build();

        Kpis kpis = KpiCalculator.calculate(Stream.of(twice, three, four), null, null, NOW);

        assertThat(kpis.ratings()).isEqualTo(4);
        assertThat(kpis.csatMean()).isEqualTo(3.5);
        assertThat(kpis.lowRatingShare()).isEqualTo(0.5);
        assertThat(kpis.callbacksOpened()).isEqualTo(2);
    }

    @Test
    void facts_of_a_ticket_whose_creation_has_not_arrived_are_left_out() {
        TicketFact orphan = new TicketFact("orphan", "203103-000009", null, null, null, null, null, List.of(), null,
                T0.plusSeconds(60), T0.plusSeconds(120), null, null, null, 0, 0, 0, false, List.of(),
                List.of(new Rating("s", 1, null, null, false)), List.of(new TicketFact.Callback("cb", T0, null, null)),
                List.of(), List.of());

        Kpis kpis = KpiCalculator.calculate(Stream.of(orphan, ticket("created").build()), null, null, NOW);

        assertThat(kpis.ticketsCreated()).isEqualTo(1);
        assertThat(kpis.ticketsResolved()).isZero();
        assertThat(kpis.ratings()).isZero();
        assertThat(kpis.callbacksOpened()).isZero();
        assertThat(kpis.meanFirstResponseSeconds()).isNull();
    }

    @Test
    void the_window_is_echoed_in_the_result() {
        Instant from = Instant.parse("2031-01-01T00:00:00Z");
        Instant to = Instant.parse("2032-01-01T00:00:00Z");

        Kpis kpis = KpiCalculator.calculate(Stream.empty(), from, to, NOW);

        assertThat(kpis.from()).isEqualTo(from);
        assertThat(kpis.to()).isEqualTo(to);
    }

    @Test
    void percentiles_are_nearest_rank_over_the_tickets_that_have_the_moment() {
        // given resolution times of 100, 200, ..., 1000 s
        List<TicketFact> tickets = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            tickets.add(ticket("p" + i).respondedAfter(i * 10).resolvedAfter(i * 100).build());
        }

        Kpis kpis = KpiCalculator.calculate(tickets.stream(), null, null, NOW);

        // then rank ceil(0.5 × 10) = 5 and ceil(0.9 × 10) = 9
        assertThat(kpis.resolution()).isEqualTo(new Kpis.Durations(10, 550.0, 500.0, 900.0));
        assertThat(kpis.firstResponse()).isEqualTo(new Kpis.Durations(10, 55.0, 50.0, 90.0));
        assertThat(KpiCalculator.percentile(List.of(7.0), 0.9)).isEqualTo(7.0);
    }

    @Test
    void resolution_quality_rates_count_reopens_and_transfers() {
        // given four resolved tickets: clean, reopened, transferred, a repeat contact; and one open, transferred
        TicketFact clean = ticket("clean").resolvedAfter(600).build();
        TicketFact reopened = ticket("reopened").resolvedAfter(600).reopened().resolvedAfter(5000).build();
        TicketFact transferred = ticket("transferred").transferred().resolvedAfter(900).build();
        TicketFact repeat = ticket("repeat").repeat().resolvedAfter(300).build();
        TicketFact open = ticket("open").transferred().build();

        Kpis kpis = KpiCalculator.calculate(Stream.of(clean, reopened, transferred, repeat, open), null, null, NOW);

        assertThat(kpis.firstContactResolution()).isEqualTo(new Kpis.Share(2, 4, 0.5));
        assertThat(kpis.reopens()).isEqualTo(new Kpis.Share(1, 4, 0.25));
        assertThat(kpis.transfers()).isEqualTo(new Kpis.Share(2, 5, 0.4));
        assertThat(kpis.repeatContacts()).isEqualTo(new Kpis.Share(1, 5, 0.2));
    }

    @Test
    void attainment_per_metric_counts_breached_clocks_as_missed_and_overdue_tickets_once() {
        TicketFact onTime = ticket("ok").clock("FIRST_RESPONSE", true, true).clock("RESOLUTION", true, true).build();
        TicketFact breached = ticket("breached").breached("FIRST_RESPONSE").breached("RESOLUTION").build();
        TicketFact running = ticket("running").clock("RESOLUTION", false, null).build();

        Kpis kpis = KpiCalculator.calculate(Stream.of(onTime, breached, running), null, null, NOW);

        assertThat(kpis.slaAttainment()).containsEntry("FIRST_RESPONSE", new Kpis.Share(1, 2, 0.5))
                .containsEntry("RESOLUTION", new Kpis.Share(1, 2, 0.5));
        assertThat(kpis.firstResponseSlaAttainment()).isEqualTo(0.5);
        assertThat(kpis.overdue()).isEqualTo(new Kpis.Share(1, 3, 1.0 / 3));
    }

    @Test
    void nps_is_promoters_minus_detractors_in_percent_of_the_scored_answers() {
        // given scores 10, 9, 8, 6, 0 and one rating without a score
        TicketFact a = ticket("a").rated("s1", 5, 10, false).rated("s2", 5, 9, false).build();
        TicketFact b = ticket("b").rated("s3", 4, 8, false).rated("s4", 2, 6, false).build();
        TicketFact c = ticket("c").rated("s5", 1, 0, false).rated("s6", 3, null, false).build();

        Kpis kpis = KpiCalculator.calculate(Stream.of(a, b, c), null, null, NOW);

        assertThat(kpis.nps()).isEqualTo(new Kpis.Nps(5, 2, 2, 0.0));
        assertThat(kpis.ratings()).isEqualTo(6);
        assertThat(kpis.csatMean()).isEqualTo(20.0 / 6);
    }

    @Test
    void callbacks_complete_and_recover() {
        // given two tickets called back, one of them re-rated satisfied, and one callback still open
        TicketFact recovered = ticket("recovered").rated("s1", 2).calledBack("SATISFIED").rated("s2", 5, null, true).build();
        TicketFact unreachable = ticket("unreachable").rated("s3", 1).calledBack("UNREACHABLE").build();
        TicketFact waiting = ticket("waiting").rated("s4", 3).callbacks(1).build();

        Kpis kpis = KpiCalculator.calculate(Stream.of(recovered, unreachable, waiting), null, null, NOW);

        assertThat(kpis.callbacksOpened()).isEqualTo(3);
        assertThat(kpis.callbackCompletion()).isEqualTo(new Kpis.Share(2, 3, 2.0 / 3));
        assertThat(kpis.recovery()).isEqualTo(new Kpis.Share(1, 2, 0.5));
    }

    @Test
    void the_backlog_is_split_by_current_status_and_age() {
        // given, two hours after T0: a new ticket 30 min old, an answered one 2 h old, a resolved one, a reopened one
        TicketFact fresh = ticket("fresh").createdAfter(5400).build();
        TicketFact answered = ticket("answered").respondedAfter(60).build();
        TicketFact resolved = ticket("resolved").resolvedAfter(60).build();
        TicketFact reopened = ticket("again").resolvedAfter(60).reopened().build();

        Kpis kpis = KpiCalculator.calculate(Stream.of(fresh, answered, resolved, reopened), null, null, NOW);

        assertThat(kpis.backlog()).isEqualTo(3);
        assertThat(kpis.backlogByStatus()).containsOnly(entry("NEW", 1L), entry("IN_PROGRESS", 1L), entry("REOPENED", 1L));
        assertThat(kpis.backlogByAge()).containsExactly(entry("<1h", 1L), entry("1-4h", 2L), entry("4-24h", 0L),
                entry("1-3d", 0L), entry(">3d", 0L));
    }

    private static FactBuilder ticket(String id) {
        return new FactBuilder(id);
    }

    /** Hand-made facts: a ticket created at T0 and what happened after. */
    private static final class FactBuilder {
        private final String id;
        private Instant firstResponseAt;
        private Instant resolvedAt;
        private Instant closedAt;
        private int reopens;
        private int transfers;
        private boolean repeat;
        private Priority priority = Priority.P2;
        private final List<SlaClock> clocks = new ArrayList<>();
        private final List<Rating> ratings = new ArrayList<>();
        private final List<TicketFact.Callback> callbacks = new ArrayList<>();
        private final List<TicketFact.Moment> timeline = new ArrayList<>();
        private long createdAfter;
        private long sequence = 1;

        FactBuilder(String id) {
            this.id = id;
            timeline.add(new TicketFact.Moment("e-" + id, "TicketCreated", T0, 1L, TicketStatus.NEW, null));
        }

        FactBuilder createdAfter(long seconds) {
            createdAfter = seconds;
            return this;
        }

        FactBuilder respondedAfter(long seconds) {
            firstResponseAt = T0.plusSeconds(seconds);
            timeline.add(new TicketFact.Moment("r-" + id, "TicketReplied", firstResponseAt, ++sequence, TicketStatus.IN_PROGRESS, null));
            return this;
        }

        FactBuilder resolvedAfter(long seconds) {
            Instant at = T0.plusSeconds(seconds);
            resolvedAt = resolvedAt == null ? at : resolvedAt;
            timeline.add(new TicketFact.Moment("s-" + sequence + id, "TicketResolved", at, ++sequence, TicketStatus.RESOLVED, null));
            return this;
        }

        FactBuilder reopened() {
            reopens++;
            timeline.add(new TicketFact.Moment("o-" + id, "TicketReopened", T0.plusSeconds(4000), ++sequence, TicketStatus.REOPENED, null));
            return this;
        }

        FactBuilder transferred() {
            transfers++;
            return this;
        }

        FactBuilder repeat() {
            repeat = true;
            return this;
        }

        FactBuilder priority(Priority value) {
            priority = value;
            return this;
        }

        FactBuilder clock(String metric, boolean met, Boolean onTime) {
            clocks.add(new SlaClock(id + "-" + metric, metric, T0, T0.plusSeconds(3600), met ? T0.plusSeconds(60) : null,
                    onTime, null, null, null, null));
            return this;
        }

        FactBuilder breached(String metric) {
            clocks.add(new SlaClock(id + "-b-" + metric, metric, T0, T0.plusSeconds(3600), null, null,
                    T0.plusSeconds(3600), null, null, null));
            return this;
        }

        FactBuilder rated(String surveyId, int stars) {
            return rated(surveyId, stars, null, false);
        }

        FactBuilder rated(String surveyId, int stars, Integer nps, boolean recovery) {
            ratings.add(new Rating(surveyId, stars, nps, T0.plusSeconds(5000), recovery));
            return this;
        }

        FactBuilder callbacks(int count) {
            for (int i = 0; i < count; i++) {
                callbacks.add(new TicketFact.Callback(id + "-cb" + i, T0, null, null));
            }
            return this;
        }

        FactBuilder calledBack(String outcome) {
            callbacks.add(new TicketFact.Callback(id + "-done", T0, T0.plusSeconds(6000), outcome));
            return this;
        }

        TicketFact build() {
            return new TicketFact(id, "203103-" + id, Channel.WEB, TicketType.FUNCTION, Nature.COMPLAINT, priority, "tech",
                    List.of(), T0.plusSeconds(createdAfter), firstResponseAt, resolvedAt, closedAt, null, null, 0, reopens,
                    transfers, repeat, clocks, ratings, callbacks, List.of(), timeline);
        }
    }
}
