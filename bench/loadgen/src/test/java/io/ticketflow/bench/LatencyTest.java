package io.ticketflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void percentilesOfKnownValues() {
        Histogram h = Latency.histogram();
        for (int ms = 1; ms <= 1000; ms++) {
            Latency.recordMillis(h, ms);
        }
        Latency l = Latency.of(h);
        assertThat(l.count()).isEqualTo(1000);
        assertThat(l.p50Ms()).isCloseTo(500, within(1.0));
        assertThat(l.p90Ms()).isCloseTo(900, within(1.0));
        assertThat(l.p99Ms()).isCloseTo(990, within(1.0));
        assertThat(l.maxMs()).isCloseTo(1000, within(1.0));
        assertThat(l.meanMs()).isCloseTo(500.5, within(0.5));
    }

    @Test
    void negativeLatenciesCountAsZeroAndEmptyIsNone() {
        Histogram h = Latency.histogram();
        Latency.recordMillis(h, -3);
        assertThat(Latency.of(h).maxMs()).isZero();
        assertThat(Latency.of(Latency.histogram())).isEqualTo(Latency.NONE);
    }

    @Test
    void slopeOfTheLagSeries() {
        assertThat(Sampler.slope(List.of(new double[]{0, 10}, new double[]{5, 10}, new double[]{10, 10}))).isZero();
        assertThat(Sampler.slope(List.of(new double[]{0, 0}, new double[]{5, 500}, new double[]{10, 1000}))).isCloseTo(100, within(1e-9));
        assertThat(Sampler.slope(List.of(new double[]{0, 0}))).isZero();
    }
}
