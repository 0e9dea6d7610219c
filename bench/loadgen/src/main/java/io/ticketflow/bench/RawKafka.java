package io.ticketflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The raw ceiling of the same broker, measured with Kafka's own tools in a JVM of their own:
 * {@code org.apache.kafka.tools.ProducerPerformance} (acks=all, idempotent, unthrottled) and
 * {@code org.apache.kafka.tools.EndToEndLatency} (acks=all), both with the record size of the
 * pipeline's TicketCreated records. The broker does not create topics by itself, so their topics
 * are created here first.
 */
final class RawKafka {

    static final String TOPIC_PREFIX = "bench.raw.";
    static final String PERF_TOPIC = TOPIC_PREFIX + "producer-performance";
    static final String E2E_TOPIC = TOPIC_PREFIX + "end-to-end-latency";

    /** ProducerPerformance's summary: records/s, MB/s and its latencies (ms). */
    record Producer(long records, int recordSize, double recordsPerSec, double mbPerSec, double avgMs, double maxMs,
                    double p50Ms, double p95Ms, double p99Ms, double p999Ms) {
    }

    /** EndToEndLatency's summary (ms). */
    record EndToEnd(long records, int recordSize, double avgMs, double p50Ms, double p99Ms, double p999Ms) {
    }

    private static final Pattern PRODUCER = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, "
                    + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");
    private static final Pattern E2E_AVG = Pattern.compile("Avg latency: ([\\d.]+) ms");
    private static final Pattern E2E_PCT = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");

    static Producer parseProducer(String output, int recordSize) {
        Matcher m = PRODUCER.matcher(output);
        Producer last = null;
        while (m.find()) { // the last summary line is the total
            last = new Producer(Long.parseLong(m.group(1)), recordSize, Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)),
                    Double.parseDouble(m.group(7)), Double.parseDouble(m.group(8)), Double.parseDouble(m.group(9)));
        }
        if (last == null) {
            throw new IllegalStateException("no ProducerPerformance summary in: " + tail(output));
        }
        return last;
    }

    static EndToEnd parseEndToEnd(String output, long records, int recordSize) {
        Matcher avg = E2E_AVG.matcher(output);
        Matcher pct = E2E_PCT.matcher(output);
        if (!avg.find() || !pct.find()) {
            throw new IllegalStateException("no EndToEndLatency summary in: " + tail(output));
        }
        return new EndToEnd(records, recordSize, Double.parseDouble(avg.group(1)), Double.parseDouble(pct.group(1)),
                Double.parseDouble(pct.group(2)), Double.parseDouble(pct.group(3)));
    }

    private final String bootstrap;
    private final Admin admin;

    RawKafka(String bootstrap, Admin admin) {
        this.bootstrap = bootstrap;
        this.admin = admin;
    }

    Producer producerPerformance(long records, int recordSize) throws Exception {
        createTopic(PERF_TOPIC, 6);
        String out = tool("org.apache.kafka.tools.ProducerPerformance", "--topic", PERF_TOPIC, "--num-records", String.valueOf(records),
                "--record-size", String.valueOf(recordSize), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true");
        return parseProducer(out, recordSize);
    }

    EndToEnd endToEndLatency(long records, int recordSize) throws Exception {
        createTopic(E2E_TOPIC, 1);
        String out = tool("org.apache.kafka.tools.EndToEndLatency", "--bootstrap-server", bootstrap, "--topic", E2E_TOPIC,
                "--num-records", String.valueOf(records), "--producer-acks", "all", "--record-size", String.valueOf(recordSize));
        return parseEndToEnd(out, records, recordSize);
    }

    private void createTopic(String name, int partitions) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Runs a Kafka tool in a JVM of its own, on this JVM's class path (target/lib holds kafka-tools). */
    private static String tool(String mainClass, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(mainClass + " failed: " + tail(new String(output, StandardCharsets.UTF_8)));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    private static String tail(String s) {
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }
}
