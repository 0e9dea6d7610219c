package io.ticketflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Every few seconds: the lag of every consumer group on the broker (end offset minus committed
 * offset, summed per group) and the resident memory of every process of the stack (VmRSS from
 * /proc, pids from the stack's pid file).
 */
final class Sampler implements AutoCloseable {

    /** One sample: seconds since the run started, lag per consumer group, RSS in MiB per process. */
    record Sample(double atSeconds, Map<String, Long> lag, Map<String, Long> rssMiB, int otherJavaProcesses) {
        long totalLag() {
            return lag.values().stream().mapToLong(Long::longValue).sum();
        }

        long totalRssMiB() {
            return rssMiB.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    final List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Admin admin;
    private final Path pidFile;
    private final long startNanos;
    private final Thread thread;
    private volatile boolean running = true;

    Sampler(String bootstrap, Path pidFile, long startNanos, Duration every) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "ticketflow-loadgen-lag");
        this.admin = Admin.create(props);
        this.pidFile = pidFile;
        this.startNanos = startNanos;
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    samples.add(sample());
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.err.println("loadgen: sample failed: " + e);
                }
            }
        }, "sampler");
        thread.setDaemon(true);
        thread.start();
    }

    Sample sample() throws Exception {
        double at = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Long> rss = rss(pidFile);
        return new Sample(Latency.round(at), lag(), rss, otherJavaProcesses(pidFile));
    }

    private Map<String, Long> lag() throws Exception {
        Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        for (ConsumerGroupListing group : groups) {
            committed.put(group.groupId(), admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS));
        }
        Map<TopicPartition, OffsetSpec> wanted = committed.values().stream().flatMap(m -> m.keySet().stream())
                .distinct().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = wanted.isEmpty() ? Map.of()
                : admin.listOffsets(wanted).all().get(10, TimeUnit.SECONDS);
        Map<String, Long> lag = new java.util.TreeMap<>();
        committed.forEach((group, offsets) -> lag.put(group, offsets.entrySet().stream()
                .filter(e -> e.getValue() != null && ends.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset())).sum()));
        return lag;
    }

    /** Every topic's end offsets summed: records written to the broker so far. */
    long recordsOnBroker() throws Exception {
        var topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        var descriptions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        descriptions.forEach((name, d) -> {
            if (!name.startsWith("__") && !name.startsWith(RawKafka.TOPIC_PREFIX)) {
                d.partitions().forEach(p -> wanted.put(new TopicPartition(name, p.partition()), OffsetSpec.latest()));
            }
        });
        return admin.listOffsets(wanted).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    Admin admin() {
        return admin;
    }

    /** "name pid start-millis" per line (the orchestrator first); a missing or dead pid is left out. */
    static Map<String, Long> rss(Path pidFile) {
        Map<String, Long> rss = new LinkedHashMap<>();
        if (pidFile == null || !Files.isReadable(pidFile)) {
            return rss;
        }
        try {
            for (String line : Files.readAllLines(pidFile)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 2) {
                    long kib = vmRssKiB(Path.of("/proc", parts[1], "status"));
                    if (kib >= 0) {
                        rss.put(parts[0], kib / 1024);
                    }
                }
            }
        } catch (IOException e) {
            // the stack is going away
        }
        return rss;
    }

    /**
     * Java processes on the machine that are neither the stack's nor this generator: other builds
     * and test runs competing for the same cores, worth knowing when reading the figures.
     */
    static int otherJavaProcesses(Path pidFile) {
        java.util.Set<String> ours = new java.util.HashSet<>();
        ours.add(String.valueOf(ProcessHandle.current().pid()));
        try {
            if (pidFile != null && Files.isReadable(pidFile)) {
                for (String line : Files.readAllLines(pidFile)) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length >= 2) {
                        ours.add(parts[1]);
                    }
                }
            }
        } catch (IOException e) {
            // counted without them
        }
        return (int) ProcessHandle.allProcesses()
                .filter(p -> !ours.contains(String.valueOf(p.pid())))
                .filter(p -> p.parent().map(parent -> parent.pid() != ProcessHandle.current().pid()).orElse(true)) // the raw Kafka tools
                .filter(p -> p.info().command().map(c -> c.endsWith("/java") || c.equals("java")).orElse(false))
                .count();
    }

    static long vmRssKiB(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * The least-squares slope of a series, in units per second: how fast the lag grows. A pipeline
     * that keeps up has a slope near zero; one that takes k % less than it is offered grows at
     * k % of the rate.
     */
    static double slope(List<double[]> points) {
        int n = points.size();
        if (n < 2) {
            return 0;
        }
        double mx = 0, my = 0;
        for (double[] p : points) {
            mx += p[0];
            my += p[1];
        }
        mx /= n;
        my /= n;
        double num = 0, den = 0;
        for (double[] p : points) {
            num += (p[0] - mx) * (p[1] - my);
            den += (p[0] - mx) * (p[0] - mx);
        }
        return den == 0 ? 0 : num / den;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(15_000);
        admin.close(Duration.ofSeconds(5));
    }
}
