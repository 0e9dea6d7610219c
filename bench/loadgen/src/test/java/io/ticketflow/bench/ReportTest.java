package io.ticketflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportTest {

    private static final Latency ASSIGNED = new Latency(1000, 20, 15, 40, 85.5, 120, 140);

    @Test
    void rendersEveryMeasuredFigureAsJsonAndMarkdown() {
        Report report = sample(new Profile("standard", Duration.ofMinutes(5), 500, RateShape.Kind.FLAT, 60, Duration.ofSeconds(1),
                0.3, Duration.ofMinutes(3), 1_000_000, 5_000));
        String md = report.markdown();
        assertThat(md).contains("# Load run `standard` — 2026-11-24")
                .contains("| commit | `abc123` |")
                .contains("| other Java processes on the machine during the run (max) | 3 — other builds or tests competed for the cores |")
                .contains("| created -> assigned | 1000 | 20 | 15 | 40 | 85.5 | 120 | 140 |")
                .contains("| at 500 tickets/s, created -> assigned p99 <= 100 ms | p99 85.5 ms at 498 accepted/s | reached |")
                .contains("| ProducerPerformance acks=all idempotent | 200000 | 900 | 80000 |")
                .contains("| routing-service | 300 | 12 | 0.50 |")
                .contains("| **sum (peak of the sum)** | **2100** |")
                .contains("**all arrived**")
                .contains("| tickets created in the run (TicketCreated records) | 150010 (10 of them without a 201")
                .contains("0.6 % of the raw producer's records/s");
        JsonNode json = JsonMapper.builder().build().readTree(report.json());
        assertThat(json.path("run").path("profile").asString()).isEqualTo("standard");
        assertThat(json.path("latencies").path(Report.ASSIGNED).path("p99Ms").asDouble()).isEqualTo(85.5);
        assertThat(json.path("raw").path("producer").path("recordsPerSec").asDouble()).isEqualTo(80000.0);
        assertThat(json.path("memory").path("peakTotalMiB").asLong()).isEqualTo(2100);
        assertThat(json.path("completeness").path("allArrived").asBoolean()).isTrue();
    }

    @Test
    void goalsAreJudgedOnlyWhenTheRunOfferedWhatTheyAskFor() {
        Profile smoke = Profile.named("smoke");
        Report.Throughput t = new Report.Throughput(1500, 0, 1500, 1500, 50, 45, 15000, 10, 450, Map.of());
        Report.Lag steady = new Report.Lag(Map.of(), Map.of(), Map.of("g", 0.0), true, List.of());
        Report.Memory memory = new Report.Memory(2000, Map.of("kafka", 400L));
        List<Report.Goal> goals = LoadGen.goals(smoke, t, ASSIGNED, steady, memory, true);
        assertThat(goals.get(0).verdict()).startsWith("kept up at this rate; goal not tested");
        assertThat(goals.get(1).verdict()).isEqualTo("not tested at this rate (p99 within 100 ms here)");
        assertThat(goals.get(2).verdict()).isEqualTo("reached");

        Profile sustained = Profile.named("sustained");
        Report.Throughput behind = new Report.Throughput(300_000, 0, 300_000, 300_000, 1000, 600, 0, 0, 0, Map.of());
        Report.Lag growing = new Report.Lag(Map.of(), Map.of(), Map.of("g", 400.0), false, List.of());
        List<Report.Goal> failed = LoadGen.goals(sustained, behind, new Latency(1, 1, 1, 1, 900, 900, 900), growing,
                new Report.Memory(3500, Map.of("kafka", 3500L)), false);
        assertThat(failed).extracting(Report.Goal::verdict).containsExactly("not reached", "not reached", "not reached");
    }

    @Test
    void lagGrowingFasterThanTwoPercentOfTheRateIsNotSteady() {
        List<Sampler.Sample> samples = List.of(
                new Sampler.Sample(0, Map.of("a", 0L, "b", 0L), Map.of(), 0),
                new Sampler.Sample(10, Map.of("a", 5L, "b", 100L), Map.of(), 0),
                new Sampler.Sample(20, Map.of("a", 0L, "b", 200L), Map.of(), 0),
                new Sampler.Sample(40, Map.of("a", 0L, "b", 0L), Map.of(), 0)); // after the load: drained
        Report.Lag lag = LoadGen.lag(samples, 20, 100);
        assertThat(lag.slopePerSecondByGroup().get("a")).isZero();
        assertThat(lag.slopePerSecondByGroup().get("b")).isEqualTo(10.0);
        assertThat(lag.maxByGroup()).containsEntry("b", 200L);
        assertThat(lag.atEndOfLoadByGroup()).containsEntry("b", 200L);
        assertThat(lag.steady()).isFalse();
        assertThat(LoadGen.lag(samples, 20, 1000).steady()).isTrue();
    }

    @Test
    void windowsCountPerSecondByTimestamp() {
        long start = 1_000_000;
        Map<String, Long> accepted = Map.of("t1", start + 100, "t2", start + 1500, "t3", start + 6000);
        Map<String, Long> created = Map.of("t1", start + 50, "t2", start + 1400, "t3", start + 5900, "other", start + 10);
        Map<String, Long> assigned = Map.of("t1", start + 80, "t2", start + 1500, "t3", start + 6100);
        List<Report.Window> windows = LoadGen.windows(start, 10, 5, accepted, created, assigned, Map.of(),
                List.of(new Sampler.Sample(4, Map.of("g", 7L), Map.of(), 0)));
        assertThat(windows).hasSize(2);
        assertThat(windows.get(0).acceptedPerSecond()).isEqualTo(0.4);
        assertThat(windows.get(0).createdPerSecond()).isEqualTo(0.4); // "other" is not ours
        assertThat(windows.get(0).assignedP99Ms()).isCloseTo(100, org.assertj.core.api.Assertions.within(0.1));
        assertThat(windows.get(0).totalLagAtEnd()).isEqualTo(7);
        assertThat(windows.get(1).assignedPerSecond()).isEqualTo(0.2);
    }

    @Test
    void memoryIsThePeakOfTheSum() {
        Report.Memory m = LoadGen.memory(List.of(
                new Sampler.Sample(0, Map.of(), Map.of("kafka", 300L, "intake", 250L), 0),
                new Sampler.Sample(5, Map.of(), Map.of("kafka", 350L, "intake", 240L), 0)));
        assertThat(m.peakTotalMiB()).isEqualTo(590);
        assertThat(m.peakByProcessMiB()).containsEntry("kafka", 350L).containsEntry("intake", 250L);
    }

    private static Report sample(Profile profile) {
        Map<String, Latency> latencies = new LinkedHashMap<>();
        latencies.put(Report.SUBMIT, new Latency(1000, 5, 4, 8, 20, 30, 31));
        latencies.put(Report.ASSIGNED, ASSIGNED);
        Report.Throughput t = new Report.Throughput(150_000, 0, 150_000, 150_000, 498, 480, 1_500_000, 10, 4800, Map.of("submit 201", 150_000L));
        Report.Lag lag = new Report.Lag(Map.of("routing-service", 300L), Map.of("routing-service", 12L), Map.of("routing-service", 0.5), true, List.of());
        Report.Memory memory = new Report.Memory(2100, Map.of("kafka", 400L));
        Report.Raw raw = new Report.Raw(new RawKafka.Producer(200_000, 900, 80_000, 68.7, 200, 480, 190, 400, 455, 476),
                new RawKafka.EndToEnd(5000, 900, 1.4, 1, 4, 9), 900, 498 / 80_000.0, 0.06, null);
        Report.Completeness c = new Report.Completeness(150_000, 150_000, 150_000, 150_000, 150_010, 10, 150_010, 3.2, true, List.of());
        return new Report(new Report.Run(profile.name(), "2026-11-24", "abc123", 300, profile.rate(), "FLAT", 60, 1000, 0.3, 1,
                "h2", Map.of()), new Report.Machine(2, 23000, "cpu", "jvm", "linux", "1.0 1.0 1.0", "2.0 2.0 2.0", 3),
                t, latencies, c, lag, memory, raw, List.of(), LoadGen.goals(profile, t, ASSIGNED, lag, memory, true), List.of());
    }

    @Test
    void a_tiny_share_of_the_raw_ceiling_keeps_its_digits() {
        assertThat(Report.pct(26.3 / 66613)).isEqualTo("0.039 %");
        assertThat(Report.pct(0.5)).isEqualTo("50.0 %");
        assertThat(Report.pct(0.0)).isEqualTo("0.0 %");
    }
}
