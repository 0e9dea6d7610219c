package io.ticketflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class AnalyticsGaugeTest {

    @Test
    void readsTheGaugeFromPrometheusText() {
        String text = """
                # HELP ticketflow_kpi_created_tickets tickets created, all time
                ticketflow_kpi_created_tickets 99.0
                # TYPE ticketflow_kpi_created_today_tickets gauge
                ticketflow_kpi_created_today_tickets{application="analytics-service"} 1234.0
                """;
        assertThat(AnalyticsGauge.parse(text)).isEqualTo(1234);
        assertThat(AnalyticsGauge.parse("ticketflow_kpi_created_today_tickets 7.0\n")).isEqualTo(7);
        assertThat(AnalyticsGauge.parse("nothing here")).isEqualTo(-1);
    }

    @Test
    void theKthTicketIsCountedWhenTheGaugeFirstShowsK() {
        List<Long> created = List.of(1_000L, 1_100L, 1_200L, 5_000L);
        List<long[]> samples = List.of(new long[]{1_050, 10}, new long[]{1_500, 12}, new long[]{2_000, 13}, new long[]{9_000, 13});
        Histogram h = Latency.histogram();
        long counted = AnalyticsGauge.countLatencies(created, samples, 10, h);
        assertThat(counted).isEqualTo(3); // the fourth never shows up
        Latency l = Latency.of(h);
        assertThat(l.count()).isEqualTo(3);
        assertThat(l.maxMs()).isCloseTo(800, within(1.0));   // third: created 1200, gauge 13 at 2000
        assertThat(l.p50Ms()).isCloseTo(500, within(1.0));   // first: created 1000, gauge 11 first seen at 1500
        assertThat(l.meanMs()).isCloseTo((500 + 400 + 800) / 3.0, within(1.0)); // second: created 1100, gauge 12 at 1500
    }
}
