package io.ticketflow.analytics.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static final Instant HOUR = Instant.parse("2031-08-01T10:00:00Z");
    private static final AlertRules RULES = new AlertRules(
            new AlertProperties(3.0, 5, Duration.ofHours(24), 2, 0.2, 5, Duration.ofSeconds(30)));

    @Test
    void a_tag_three_times_above_its_trailing_hourly_mean_and_at_least_five_tickets_is_hot() {
        // given 'payment' at 2/h over the last 24 h (48) and 6 this hour; 'refund' at 3/h (72) and 8 this hour
        Map<String, Long> thisHour = Map.of("payment", 6L, "refund", 8L, "login", 4L);
        Map<String, Long> trailing = Map.of("payment", 48L, "refund", 72L);

        var alerts = RULES.hotIssues(thisHour, trailing, HOUR, HOUR.plusSeconds(60));

        // then payment (6 >= 3 × 2) is hot; refund (8 < 3 × 3) is not; login is new but below the minimum
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(Alert.Kind.HOT_ISSUE);
            assertThat(alert.subject()).isEqualTo("payment");
            assertThat(alert.current()).isEqualTo(6.0);
            assertThat(alert.baseline()).isEqualTo(2.0);
            assertThat(alert.id()).isEqualTo("hot_issue:payment:2031-08-01T10:00:00Z");
        });
    }

    @Test
    void a_tag_never_seen_before_is_hot_once_it_reaches_the_minimum_and_the_list_is_capped() {
        var alerts = RULES.hotIssues(Map.of("a", 5L, "b", 9L, "c", 7L), Map.of(), HOUR, HOUR);

        assertThat(alerts).extracting(Alert::subject).containsExactly("b", "c");
    }

    @Test
    void a_team_twenty_percent_slower_week_over_week_is_an_anomaly() {
        Map<String, AlertRules.Mean> thisWeek = Map.of(
                "A", new AlertRules.Mean(7200, 6), "B", new AlertRules.Mean(7100, 6), "C", new AlertRules.Mean(9000, 4));
        Map<String, AlertRules.Mean> lastWeek = Map.of(
                "A", new AlertRules.Mean(6000, 5), "B", new AlertRules.Mean(6000, 5), "C", new AlertRules.Mean(3000, 9));

        var alerts = RULES.resolutionAnomalies(thisWeek, lastWeek, LocalDate.parse("2031-08-01"), HOUR);

        // A: +20 % exactly; B: +18 %; C: too few resolved this week
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.subject()).isEqualTo("A");
            assertThat(alert.kind()).isEqualTo(Alert.Kind.RESOLUTION_ANOMALY);
            assertThat(alert.currentCount()).isEqualTo(6);
            assertThat(alert.baselineCount()).isEqualTo(5);
            assertThat(alert.message()).contains("120 min", "20 % slower", "100 min");
        });
    }
}
