package io.ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.Department;
import io.ticketflow.events.EventJson;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.Topics;
import io.ticketflow.sla.calendar.BusinessCalendars;
import io.ticketflow.sla.calendar.TimeMode;
import io.ticketflow.sla.clock.ClockStore;
import io.ticketflow.sla.clock.DeadlineProperties;
import io.ticketflow.sla.clock.Deadlines;
import io.ticketflow.sla.clock.SlaClock;
import io.ticketflow.testkit.TestInfrastructure;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The 10,000-clocks benchmark (bench/sla-deadlines/README.md): 10,000 running clocks whose
 * deadlines fall within the same minute, handed to the running service's scheduler; measures the
 * lag from each deadline to the Kafka timestamp of its published {@code SlaBreached}. Not part of
 * {@code verify} (neither *Test nor *IT); run it by name. Writes bench/results/sla-deadlines-DATE.md.
 */
@TicketflowServiceTest
@Import(SlaTestConfiguration.class)
class SlaDeadlinesBenchmark {

    private static final int CLOCKS = Integer.getInteger("bench.clocks", 10_000);
    private static final Duration LEAD = Duration.ofSeconds(Long.getLong("bench.leadSeconds", 40));

    @Autowired
    ClockStore store;

    @Autowired
    Deadlines deadlines;

    @Autowired
    DeadlineProperties properties;

    @Autowired
    BusinessCalendars calendars;

    @Autowired
    TestClock clock;

    @Test
    void ten_thousand_deadlines_within_one_minute() throws IOException {
        Map<String, Long> lagMillis = new ConcurrentHashMap<>();
        Instant firstDue = clock.instant().plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
        List<SlaClock> planted = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < CLOCKS; i++) {
            Instant due = firstDue.plusMillis(60_000L * i / CLOCKS);
            String ticketId = "bench-" + run + "-" + i;
            SlaClock c = SlaClock.start(new SlaClock.Start(ticketId, "209912-" + String.format("%06d", i), SlaMetric.FIRST_RESPONSE,
                    null, 1, Priority.P1, Department.TECH, due.minus(Duration.ofHours(2))), Duration.ofHours(2), TimeMode.CALENDAR,
                    calendars.get("default"), List.of(), clock.instant());
            store.insertIfAbsent(c);
            planted.add(c);
        }
        Instant planted_at = clock.instant();
        assertThat(planted_at).as("planting must finish before the first deadline; raise -Dbench.leadSeconds").isBefore(firstDue);
        // as the listeners do when they start a clock
        planted.forEach(deadlines::offer);

        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + run);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.Names.SLA));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100));
                return !consumer.assignment().isEmpty();
            });
            await().atMost(LEAD.plus(Duration.ofMinutes(5))).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String type = SlaDeadlinesIT.header(record, CloudEventHeaders.TYPE);
                    if ("ticketflow.sla.breached.v1".equals(type) && record.key().startsWith("bench-" + run)) {
                        SlaBreached breach = (SlaBreached) EventJson.read(type, record.value());
                        lagMillis.putIfAbsent(breach.clockId(), record.timestamp() - breach.dueAt().toEpochMilli());
                    }
                }
                return lagMillis.size() == CLOCKS;
            });
        }

        List<Long> lags = new ArrayList<>(lagMillis.values());
        Collections.sort(lags);
        long p50 = percentile(lags, 50);
        long p99 = percentile(lags, 99);
        long max = lags.get(lags.size() - 1);
        long min = lags.get(0);
        String report = """
                # SLA deadlines benchmark — %s

                - clocks: %d, deadlines spread evenly over one minute starting %s
                - measured: Kafka timestamp of the published `SlaBreached` minus the clock's `dueAt`
                - commit: %s
                - machine: %s, %d cores, %s; JVM %s %s, max heap %d MiB
                - setup: the service's own scheduler (`fire-threads` %d, `max-sleep` %s) in one JVM with the embedded
                  KRaft broker and mongo-java-server (memory backend), as `./mvnw ... -Dit.test=SlaDeadlinesBenchmark` runs it;
                  each breach is also escalated (TicketEscalated on ticket.sla and the department topic) by the same JVM

                | p50 | p99 | max | min |
                |---|---|---|---|
                | %d ms | %d ms | %d ms | %d ms |

                Goal: p99 < 1 s — %s.
                """.formatted(LocalDate.now(ZoneOffset.UTC), CLOCKS, firstDue, commit(), System.getProperty("os.name") + " "
                + System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), osDetail(),
                System.getProperty("java.vendor"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                properties.fireThreads(), properties.maxSleep(), p50, p99, max, min, p99 < 1000 ? "met" : "NOT met");
        Path results = Path.of("..", "bench", "results", "sla-deadlines-" + LocalDate.now(ZoneOffset.UTC) + ".md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(lags).hasSize(CLOCKS);
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String osDetail() {
        return "load average " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
