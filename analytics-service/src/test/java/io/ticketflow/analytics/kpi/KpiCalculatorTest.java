package io.ticketflow.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ticketflow.analytics.facts.TicketFact;
import io.ticketflow.analytics.facts.TicketFact.Rating;
import io.ticketflow.analytics.facts.TicketFact.SlaClock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KpiCalculatorTest {

    private static final Instant T0 = Instant.parse("2031-03-01T08:00:00Z");

    @Test
    void no_tickets_gives_zero_counts_and_no_means() {
        Kpis kpis = KpiCalculator.calculate(Stream.empty(), null, null);

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
        Kpis kpis = KpiCalculator.calculate(Stream.of(ticket("a").build(), ticket("b").build()), null, null);

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

        Kpis kpis = KpiCalculator.calculate(Stream.of(fast, slow, untouched), null, null);

        assertThat(kpis.ticketsCreated()).isEqualTo(3);
        assertThat(kpis.ticketsResolved()).isEqualTo(1);
        assertThat(kpis.backlog()).isEqualTo(2);
        assertThat(kpis.meanFirstResponseSeconds()).isEqualTo(1200.0);
        assertThat(kpis.meanResolutionSeconds()).isEqualTo(3600.0);
    }

    @Test
    void a_reply_stamped_before_creation_counts_as_an_immediate_response() {
        TicketFact skewed = ticket("skewed").respondedAfter(-5).build();

        assertThat(KpiCalculator.calculate(Stream.of(skewed), null, null).meanFirstResponseSeconds()).isEqualTo(0.0);
    }

    @Test
    void sla_attainment_is_the_share_of_met_first_response_clocks_met_on_time() {
        TicketFact onTime = ticket("on-time").clock("FIRST_RESPONSE", true, true).clock("RESOLUTION", true, false).build();
        TicketFact late = ticket("late").clock("FIRST_RESPONSE", true, false).build();
        TicketFact alsoOnTime = ticket("also-on-time").clock("FIRST_RESPONSE", true, true).build();
        TicketFact running = ticket("running").clock("FIRST_RESPONSE", false, null).build();

        Kpis kpis = KpiCalculator.calculate(Stream.of(onTime, late, alsoOnTime, running), null, null);

        assertThat(kpis.firstResponseSlaAttainment()).isCloseTo(2.0 / 3.0, within(1e-12));
    }

    @Test
    void a_running_clock_alone_gives_no_attainment() {
        TicketFact running = ticket("running").clock("FIRST_RESPONSE", false, null).build();

        assertThat(KpiCalculator.calculate(Stream.of(running), null, null).firstResponseSlaAttainment()).isNull();
    }

    @Test
    void csat_counts_every_answered_survey_and_ratings_of_one_to_three_are_low() {
        // given one ticket rated 2 then, after a reopen, 5; another rated 3; another rated 4
        TicketFact twice = ticket("twice").rated("s1", 2).rated("s2", 5).callbacks(1).build();
        TicketFact three = ticket("three").rated("s3", 3).callbacks(1).build();
        TicketFact four = ticket("four").rated("s4", 4).build();

        Kpis kpis = KpiCalculator.calculate(Stream.of(twice, three, four), null, null);

        assertThat(kpis.ratings()).isEqualTo(4);
        assertThat(kpis.csatMean()).isEqualTo(3.5);
        assertThat(kpis.lowRatingShare()).isEqualTo(0.5);
        assertThat(kpis.callbacksOpened()).isEqualTo(2);
    }

    @Test
    void facts_of_a_ticket_whose_creation_has_not_arrived_are_left_out() {
        TicketFact orphan = new TicketFact("orphan", "203103-000009", null, null, null, null, null, null,
                T0.plusSeconds(60), T0.plusSeconds(120), null, 0, List.of(), List.of(new Rating("s", 1, null)), 1);

        Kpis kpis = KpiCalculator.calculate(Stream.of(orphan, ticket("created").build()), null, null);

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

        Kpis kpis = KpiCalculator.calculate(Stream.empty(), from, to);

        assertThat(kpis.from()).isEqualTo(from);
        assertThat(kpis.to()).isEqualTo(to);
    }

    private static FactBuilder ticket(String id) {
        return new FactBuilder(id);
    }

    /** Hand-made facts: a ticket created at T0 and what happened after. */
    private static final class FactBuilder {
        private final String id;
        private Instant firstResponseAt;
        private Instant resolvedAt;
        private final java.util.ArrayList<SlaClock> clocks = new java.util.ArrayList<>();
        private final java.util.ArrayList<Rating> ratings = new java.util.ArrayList<>();
        private int callbacks;

        FactBuilder(String id) {
            this.id = id;
        }

        FactBuilder respondedAfter(long seconds) {
            firstResponseAt = T0.plusSeconds(seconds);
            return this;
        }

        FactBuilder resolvedAfter(long seconds) {
            resolvedAt = T0.plusSeconds(seconds);
            return this;
        }

        FactBuilder clock(String metric, boolean met, Boolean onTime) {
            clocks.add(new SlaClock(id + "-" + metric, metric, T0.plusSeconds(3600), met ? T0.plusSeconds(60) : null, onTime));
            return this;
        }

        FactBuilder rated(String surveyId, int stars) {
            ratings.add(new Rating(surveyId, stars, null));
            return this;
        }

        FactBuilder callbacks(int count) {
            callbacks = count;
            return this;
        }

        TicketFact build() {
            return new TicketFact(id, "203103-" + id, null, null, null, null, "tech", T0, firstResponseAt, resolvedAt,
                    null, 0, clocks, ratings, callbacks);
        }
    }
}
