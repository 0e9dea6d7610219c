package io.ticketflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RawKafkaTest {

    @Test
    void readsProducerPerformancesTotalLine() {
        String out = """
                41051 records sent, 8208.6 records/sec (8.02 MB/sec), 1534.0 ms avg latency, 2100.0 ms max latency.
                200000 records sent, 79936.05 records/sec (78.06 MB/sec), 210.37 ms avg latency, 480.00 ms max latency, 190 ms 50th, 402 ms 95th, 455 ms 99th, 476 ms 99.9th.
                """;
        RawKafka.Producer p = RawKafka.parseProducer(out, 1024);
        assertThat(p.records()).isEqualTo(200_000);
        assertThat(p.recordsPerSec()).isEqualTo(79936.05);
        assertThat(p.mbPerSec()).isEqualTo(78.06);
        assertThat(p.p99Ms()).isEqualTo(455);
        assertThat(p.p999Ms()).isEqualTo(476);
        assertThat(p.recordSize()).isEqualTo(1024);
    }

    @Test
    void readsEndToEndLatency() {
        String out = "0\t3.58\n1000\t1.2\nAvg latency: 1.4375 ms\nPercentiles: 50th = 1, 99th = 4, 99.9th = 9\n";
        RawKafka.EndToEnd e = RawKafka.parseEndToEnd(out, 2000, 900);
        assertThat(e.avgMs()).isEqualTo(1.4375);
        assertThat(e.p50Ms()).isEqualTo(1);
        assertThat(e.p99Ms()).isEqualTo(4);
        assertThat(e.p999Ms()).isEqualTo(9);
    }

    @Test
    void saysWhatTheToolPrintedWhenThereIsNoSummary() {
        assertThatThrownBy(() -> RawKafka.parseProducer("Exception in thread main: boom", 10)).hasMessageContaining("boom");
    }
}
