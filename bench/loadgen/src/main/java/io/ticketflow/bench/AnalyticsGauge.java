package io.ticketflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * When analytics counts the tickets: its gauge {@code ticketflow_kpi_created_today_tickets} on
 * {@code /actuator/prometheus}, read every 200 ms. The gauge comes from a snapshot analytics
 * recomputes by itself (at most once a second while events arrive), so reading it costs analytics
 * almost nothing — unlike per-ticket reads, which on the Mongo-wire server scan every fact and
 * slowed analytics down in the first runs.
 *
 * <p>Per-ticket latency from a count: when the gauge first shows k more tickets than before the
 * run, the k-th ticket created (by Kafka timestamp) counts as counted. Analytics reads partitions
 * in parallel, so this is the delay of the count, not of each single ticket, and it is as coarse
 * as the snapshot's refresh (≤ 1 s) plus the polling (200 ms).
 */
final class AnalyticsGauge implements AutoCloseable {

    static final String GAUGE = "ticketflow_kpi_created_today_tickets";
    private static final Pattern LINE = Pattern.compile("(?m)^" + GAUGE + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");

    /** {wall-clock millis, gauge value}. */
    final List<long[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http;
    private final URI uri;
    private final Thread thread;
    private volatile boolean running = true;

    AnalyticsGauge(HttpClient http, String analyticsUrl) {
        this.http = http;
        this.uri = URI.create(analyticsUrl + "/actuator/prometheus");
        this.thread = new Thread(() -> {
            while (running) {
                long value = read();
                if (value >= 0) {
                    samples.add(new long[]{System.currentTimeMillis(), value});
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "analytics-gauge");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The gauge now, or -1 if analytics does not answer. */
    long read() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : -1;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }
    }

    static long parse(String prometheusText) {
        Matcher m = LINE.matcher(prometheusText);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    /** The latest value read, or -1. */
    long latest() {
        synchronized (samples) {
            return samples.isEmpty() ? -1 : samples.get(samples.size() - 1)[1];
        }
    }

    /**
     * Records, for the k-th of {@code createdSorted} (Kafka timestamps, ascending), the time from its
     * creation to the first sample showing {@code base + k}. Returns how many were counted.
     */
    static long countLatencies(List<Long> createdSorted, List<long[]> samples, long base, Histogram into) {
        int s = 0;
        long counted = 0;
        for (int k = 1; k <= createdSorted.size(); k++) {
            while (s < samples.size() && samples.get(s)[1] - base < k) {
                s++;
            }
            if (s == samples.size()) {
                break;
            }
            Latency.recordMillis(into, samples.get(s)[0] - createdSorted.get(k - 1));
            counted++;
        }
        return counted;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }
}
