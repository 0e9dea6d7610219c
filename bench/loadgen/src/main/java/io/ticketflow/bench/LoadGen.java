package io.ticketflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives a running ticketflow by URL and writes a report. Usage (bench/run does this):
 * <pre>
 * java -cp bench/loadgen/target/loadgen.jar:bench/loadgen/target/lib/* io.ticketflow.bench.LoadGen \
 *   --profile smoke [--rate 50] [--duration 30s] [--shape flat|peaks] [--agents 20] [--bootstrap 127.0.0.1:9092] \
 *   [--intake http://localhost:8081 ...] [--pids &lt;TICKETFLOW_HOME&gt;/stack.pids] [--out bench/results] [--commit abc123] [--no-raw]
 * </pre>
 */
public final class LoadGen {

    static final double STEADY_SLOPE_SHARE = 0.02;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        Profile profile = Profile.named(opts.getOrDefault("profile", "smoke"));
        if (opts.containsKey("rate")) {
            profile = profile.withRate(Double.parseDouble(opts.get("rate")));
        }
        if (opts.containsKey("duration")) {
            profile = profile.withDuration(duration(opts.get("duration")));
        }
        if (opts.containsKey("shape")) {
            profile = profile.withShape(RateShape.Kind.valueOf(opts.get("shape").toUpperCase()));
        }
        if (opts.containsKey("agents")) {
            profile = profile.withAgents(Integer.parseInt(opts.get("agents")));
        }
        Report report = new LoadGen(profile, opts).run();
        Path out = Path.of(opts.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);
        String base = "load-" + profile.name() + "-" + report.run().date();
        Path json = out.resolve(base + ".json");
        for (int n = 2; Files.exists(json); n++) {
            json = out.resolve(base + "-" + n + ".json");
        }
        Path md = Path.of(json.toString().replaceAll("\\.json$", ".md"));
        Files.writeString(json, report.json());
        Files.writeString(md, report.markdown());
        System.out.println(report.markdown());
        System.out.println("loadgen: wrote " + json + " and " + md);
        System.exit(report.completeness().allArrived() ? 0 : 2);
    }

    private final Profile profile;
    private final Map<String, String> opts;
    private final String bootstrap;
    private final Traffic.Endpoints urls;
    private final long seed;

    LoadGen(Profile profile, Map<String, String> opts) {
        this.profile = profile;
        this.opts = opts;
        this.bootstrap = opts.getOrDefault("bootstrap", "127.0.0.1:9092");
        this.urls = new Traffic.Endpoints(opts.getOrDefault("intake", "http://localhost:8081"), opts.getOrDefault("routing", "http://localhost:8082"),
                opts.getOrDefault("sla", "http://localhost:8083"), opts.getOrDefault("feedback", "http://localhost:8084"),
                opts.getOrDefault("analytics", "http://localhost:8085"));
        this.seed = Long.parseLong(opts.getOrDefault("seed", "20261124"));
    }

    Report run() throws Exception {
        String loadStart = loadAverage();
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        List<String> notes = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        Traffic traffic = new Traffic(urls, profile, new SeedMix(seed), http, scheduler, seed);

        log("registering %d agents", profile.agents());
        traffic.registerAgents();
        Instant windowFrom = Instant.now().minusSeconds(1);
        long analyticsBefore = analyticsCreated(traffic, windowFrom);

        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        Path pids = opts.containsKey("pids") ? Path.of(opts.get("pids")) : null;
        AnalyticsGauge gauge = new AnalyticsGauge(http, urls.analytics());
        long gaugeBase = Math.max(0, gauge.read());
        try (EventWatch watch = new EventWatch(bootstrap, traffic);
             Sampler sampler = new Sampler(bootstrap, pids, startNanos, Duration.ofSeconds(5));
             AnalyticsGauge counting = gauge) {
            counting.start();
            long recordsBefore = sampler.recordsOnBroker();
            RateShape shape = profile.rateShape();
            log("offering %d tickets over %s (%s, mean %.0f/s)", shape.total(), profile.duration(), shape.kind(), profile.rate());
            traffic.submitAll(shape, startNanos);
            double loadSeconds = (System.nanoTime() - startNanos) / 1e9;
            sampler.samples.add(sampler.sample());
            log("last ticket sent after %.1f s; draining (at most %s)", loadSeconds, profile.drainTimeout());

            // drain: until every accepted ticket is created, assigned, clocked and counted, or the timeout
            long drainDeadline = System.nanoTime() + profile.drainTimeout().toNanos();
            long lastArrivalMillis;
            while (true) {
                Thread.sleep(500);
                boolean responsesIn = traffic.submitted.get() == answered(traffic);
                boolean all = responsesIn && missing(traffic.accepted.keySet(), watch).isEmpty()
                        && gauge.latest() - gaugeBase >= watch.created.size();
                if (all || System.nanoTime() > drainDeadline) {
                    lastArrivalMillis = System.currentTimeMillis();
                    if (!all) {
                        notes.add("drain timed out after " + profile.drainTimeout().toSeconds() + " s");
                    }
                    break;
                }
            }
            double drainSeconds = (System.nanoTime() - startNanos) / 1e9 - loadSeconds;
            quiesce(traffic);
            long analyticsGrew = analyticsCreated(traffic, windowFrom) - analyticsBefore;
            long recordsAfter = sampler.recordsOnBroker();
            sampler.samples.add(sampler.sample());

            // ---- figures ----
            Map<String, Long> created = watch.created;
            Histogram toAssigned = Latency.histogram();
            Histogram toClock = Latency.histogram();
            Histogram toCounted = Latency.histogram();
            for (String no : traffic.accepted.keySet()) {
                Long c = created.get(no);
                if (c == null) {
                    continue;
                }
                Long a = watch.assigned.get(no);
                if (a != null) {
                    Latency.recordMillis(toAssigned, a - c);
                }
                Long s = watch.clockStarted.get(no);
                if (s != null) {
                    Latency.recordMillis(toClock, s - c);
                }
            }
            List<Long> createdSorted = created.values().stream().sorted().toList();
            AnalyticsGauge.countLatencies(createdSorted, List.copyOf(gauge.samples), gaugeBase, toCounted);
            Map<String, Latency> latencies = new LinkedHashMap<>();
            latencies.put(Report.SUBMIT, Latency.of(traffic.submitLatency));
            latencies.put(Report.SUBMIT_SERVICE, Latency.of(traffic.submitServiceTime));
            latencies.put(Report.ASSIGNED, Latency.of(toAssigned));
            latencies.put(Report.CLOCK, Latency.of(toClock));
            latencies.put(Report.COUNTED, Latency.of(toCounted));

            long accepted = traffic.accepted.size();
            List<String> missing = missing(traffic.accepted.keySet(), watch);
            long createdInRun = created.size();
            boolean allArrived = missing.isEmpty() && analyticsGrew == createdInRun && traffic.submitted.get() == answered(traffic);
            if (analyticsGrew != createdInRun) {
                missing.add("analytics counted " + analyticsGrew + " of the " + createdInRun + " tickets created");
            }
            double endToEndSeconds = (lastArrivalMillis - startMillis) / 1000.0;
            long pipelineRecords = recordsAfter - recordsBefore;
            Map<String, Long> outcomes = new TreeMap<>();
            traffic.outcomes.forEach((k, v) -> outcomes.put(k, v.get()));
            Report.Throughput throughput = new Report.Throughput(shape.total(), traffic.notSent.get(), traffic.submitted.get(), accepted, accepted / loadSeconds,
                    allArrived ? accepted / endToEndSeconds : 0, pipelineRecords, accepted == 0 ? 0 : (double) pipelineRecords / accepted,
                    pipelineRecords / endToEndSeconds, outcomes);
            Report.Completeness completeness = new Report.Completeness(accepted, count(traffic.accepted.keySet(), created),
                    count(traffic.accepted.keySet(), watch.assigned), count(traffic.accepted.keySet(), watch.clockStarted), createdInRun,
                    createdInRun - count(traffic.accepted.keySet(), created), analyticsGrew, Latency.round(drainSeconds), allArrived,
                    missing.subList(0, Math.min(10, missing.size())));
            List<Sampler.Sample> samples = List.copyOf(sampler.samples);
            Report.Lag lag = lag(samples, loadSeconds, profile.rate());
            Report.Memory memory = memory(samples);
            List<Report.Window> windows = windows(startMillis, loadSeconds + drainSeconds, windowSeconds(loadSeconds), traffic.accepted,
                    created, watch.assigned, watch.clockStarted, samples);

            // ---- raw ceiling of the same broker ----
            int recordBytes = watch.averageCreatedRecordBytes();
            Report.Raw raw;
            if (opts.containsKey("no-raw") || recordBytes == 0) {
                raw = new Report.Raw(null, null, recordBytes, 0, 0, "not run");
            } else {
                raw = raw(sampler, recordBytes, accepted / loadSeconds, pipelineRecords / endToEndSeconds);
            }

            Report.Run run = new Report.Run(profile.name(), date, opts.getOrDefault("commit", "unknown"), Latency.round(loadSeconds), profile.rate(),
                    profile.shape().name(), profile.agents(), profile.handleTime().toMillis(), profile.rateShare(), seed,
                    opts.getOrDefault("mongo-backend", "unknown"), assumptions());
            Report.Machine machine = machine(loadStart, loadAverage(),
                    samples.stream().mapToInt(Sampler.Sample::otherJavaProcesses).max().orElse(0));
            List<Report.Goal> goals = goals(profile, throughput, latencies.get(Report.ASSIGNED), lag, memory, allArrived);
            notes.add("created -> assigned / clock started use Kafka record timestamps (CreateTime, same machine); "
                    + "created -> counted: the k-th ticket created counts as counted when analytics' gauge " + AnalyticsGauge.GAUGE
                    + " (a snapshot refreshed at most once a second, read every 200 ms) first shows k more tickets; up to ~1.2 s coarse.");
            return new Report(run, machine, throughput, latencies, completeness, lag, memory, raw, windows, goals, notes);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private Report.Raw raw(Sampler sampler, int recordBytes, double ticketsPerSecond, double pipelineRecordsPerSecond) {
        RawKafka tools = new RawKafka(bootstrap, sampler.admin());
        try {
            log("raw ceiling: ProducerPerformance %d records of %d B", profile.rawRecords(), recordBytes);
            RawKafka.Producer producer = tools.producerPerformance(profile.rawRecords(), recordBytes);
            log("raw ceiling: EndToEndLatency %d records", profile.e2eRecords());
            RawKafka.EndToEnd e2e = tools.endToEndLatency(profile.e2eRecords(), recordBytes);
            return new Report.Raw(producer, e2e, recordBytes, ticketsPerSecond / producer.recordsPerSec(),
                    pipelineRecordsPerSecond / producer.recordsPerSec(), null);
        } catch (Exception e) {
            return new Report.Raw(null, null, recordBytes, 0, 0, e.toString());
        }
    }

    /** Waits (bounded) until the agents' and customers' HTTP calls stop, so the raw tools run on a quiet broker. */
    private static void quiesce(Traffic traffic) throws InterruptedException {
        long previous = -1;
        for (int i = 0; i < 30; i++) {
            long now = traffic.outcomes.values().stream().mapToLong(java.util.concurrent.atomic.AtomicLong::get).sum();
            if (now == previous) {
                return;
            }
            previous = now;
            Thread.sleep(2000);
        }
    }

    private static long answered(Traffic traffic) {
        return traffic.outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("submit ")).mapToLong(e -> e.getValue().get()).sum();
    }

    static List<String> missing(Collection<String> accepted, EventWatch watch) {
        List<String> missing = new ArrayList<>();
        for (String no : accepted) {
            if (!watch.created.containsKey(no)) {
                missing.add(no + " no TicketCreated");
            } else if (!watch.assigned.containsKey(no)) {
                missing.add(no + " no TicketAssigned");
            } else if (!watch.clockStarted.containsKey(no)) {
                missing.add(no + " no SlaClockStarted");
            }
        }
        return missing;
    }

    private static long count(Collection<String> keys, Map<String, Long> seen) {
        return keys.stream().filter(seen::containsKey).count();
    }

    /** {@code ticketsCreated} of analytics' KPIs over the tickets created since {@code from}. */
    private long analyticsCreated(Traffic traffic, Instant from) {
        String url = urls.analytics() + "/api/v1/kpis?from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(from.plus(Duration.ofDays(1)).toString(), StandardCharsets.UTF_8);
        try {
            var response = traffic.send("GET", url, null).join();
            if (response.statusCode() != 200) {
                return -1;
            }
            return JsonMapper.builder().build().readTree(response.body()).path("ticketsCreated").asLong(-1);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static double windowSeconds(double loadSeconds) {
        return Math.max(5, Math.round(loadSeconds / 10));
    }

    /** Per-window rates by Kafka timestamp (created, assigned, clock) or by answer time (accepted), over load and drain. */
    static List<Report.Window> windows(long startMillis, double totalSeconds, double windowSeconds, Map<String, Long> accepted,
                                       Map<String, Long> created, Map<String, Long> assigned, Map<String, Long> clock,
                                       List<Sampler.Sample> samples) {
        int n = (int) Math.ceil(totalSeconds / windowSeconds);
        long[][] counts = new long[4][n];
        Histogram[] assignedLatency = new Histogram[n];
        for (int i = 0; i < n; i++) {
            assignedLatency[i] = Latency.histogram();
        }
        List<Map<String, Long>> series = List.of(accepted, created, assigned, clock);
        for (int s = 0; s < series.size(); s++) {
            for (Map.Entry<String, Long> e : series.get(s).entrySet()) {
                if (s > 0 && !accepted.containsKey(e.getKey())) {
                    continue;
                }
                int w = (int) ((e.getValue() - startMillis) / 1000.0 / windowSeconds);
                if (w >= 0 && w < n) {
                    counts[s][w]++;
                }
            }
        }
        for (Map.Entry<String, Long> e : assigned.entrySet()) {
            Long c = created.get(e.getKey());
            if (c != null && accepted.containsKey(e.getKey())) {
                int w = (int) ((c - startMillis) / 1000.0 / windowSeconds);
                if (w >= 0 && w < n) {
                    Latency.recordMillis(assignedLatency[w], e.getValue() - c);
                }
            }
        }
        List<Report.Window> windows = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            double from = w * windowSeconds;
            double to = Math.min(totalSeconds, (w + 1) * windowSeconds);
            double len = Math.max(0.001, to - from);
            long lagAtEnd = 0;
            for (Sampler.Sample sample : samples) {
                if (sample.atSeconds() <= to) {
                    lagAtEnd = sample.totalLag();
                }
            }
            windows.add(new Report.Window(Latency.round(from), Latency.round(to), Latency.round(counts[0][w] / len),
                    Latency.round(counts[1][w] / len), Latency.round(counts[2][w] / len), Latency.round(counts[3][w] / len),
                    Latency.of(assignedLatency[w]).p99Ms(), lagAtEnd));
        }
        return windows;
    }

    /** Max lag, lag at the end of the load, and its growth during the load, per consumer group. */
    static Report.Lag lag(List<Sampler.Sample> samples, double loadSeconds, double rate) {
        Map<String, Long> max = new TreeMap<>();
        Map<String, Long> atEnd = new TreeMap<>();
        Map<String, List<double[]>> points = new HashMap<>();
        for (Sampler.Sample s : samples) {
            s.lag().forEach((group, lag) -> {
                max.merge(group, lag, Math::max);
                if (s.atSeconds() <= loadSeconds + 1) {
                    atEnd.put(group, lag);
                    points.computeIfAbsent(group, g -> new ArrayList<>()).add(new double[]{s.atSeconds(), lag});
                }
            });
        }
        Map<String, Double> slopes = new TreeMap<>();
        points.forEach((group, p) -> slopes.put(group, Latency.round(Sampler.slope(p))));
        boolean steady = slopes.values().stream().allMatch(slope -> slope <= STEADY_SLOPE_SHARE * rate);
        return new Report.Lag(max, atEnd, slopes, steady, samples);
    }

    static Report.Memory memory(List<Sampler.Sample> samples) {
        long peakTotal = 0;
        Map<String, Long> peak = new LinkedHashMap<>();
        for (Sampler.Sample s : samples) {
            peakTotal = Math.max(peakTotal, s.totalRssMiB());
            s.rssMiB().forEach((p, v) -> peak.merge(p, v, Math::max));
        }
        return new Report.Memory(peakTotal, peak);
    }

    /** The issue's goals, judged only when the run offered what the goal asks for. */
    static List<Report.Goal> goals(Profile profile, Report.Throughput throughput, Latency assigned, Report.Lag lag, Report.Memory memory,
                                   boolean allArrived) {
        List<Report.Goal> goals = new ArrayList<>();
        boolean sustainedRun = profile.rate() >= 1000 && profile.duration().toSeconds() >= 300 && profile.shape() == RateShape.Kind.FLAT;
        boolean kept = throughput.accepted() >= 0.99 * throughput.offered() && throughput.acceptedPerSecond() >= 0.99 * profile.rate()
                && allArrived && lag.steady();
        goals.add(new Report.Goal("1,000 tickets/s end to end for 5 min, no growing lag",
                Report.fmt(throughput.acceptedPerSecond()) + " accepted/s of " + Report.fmt(profile.rate()) + " offered; "
                        + (allArrived ? "all arrived" : "not all arrived") + "; lag " + (lag.steady() ? "steady" : "growing"),
                !sustainedRun ? (kept ? "kept up at this rate; goal not tested (needs 1,000/s flat for 5 min)" : "not kept up even at this rate")
                        : kept ? "reached" : "not reached"));
        boolean at500 = profile.rate() >= 500 && profile.shape() == RateShape.Kind.FLAT;
        goals.add(new Report.Goal("at 500 tickets/s, created -> assigned p99 <= 100 ms",
                "p99 " + Report.fmt(assigned.p99Ms()) + " ms at " + Report.fmt(throughput.acceptedPerSecond()) + " accepted/s",
                !at500 ? "not tested at this rate" + (assigned.p99Ms() <= 100 ? " (p99 within 100 ms here)" : "")
                        : assigned.p99Ms() <= 100 ? "reached" : "not reached"));
        goals.add(new Report.Goal("whole local stack <= 3 GiB resident", "peak " + memory.peakTotalMiB() + " MiB over "
                + memory.peakByProcessMiB().size() + " processes",
                memory.peakByProcessMiB().isEmpty() ? "not measured (no pid file)" : memory.peakTotalMiB() <= 3072 ? "reached" : "not reached"));
        return goals;
    }

    private static Map<String, String> assumptions() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("channels", String.valueOf(new TreeMap<>(SeedMix.CHANNELS)));
        a.put("vipShare", String.valueOf(SeedMix.VIP_SHARE));
        a.put("outageShareOfComplaints", String.valueOf(SeedMix.OUTAGE_SHARE_OF_COMPLAINTS));
        a.put("errorCodeShareOfComplaints", String.valueOf(SeedMix.ERROR_CODE_SHARE_OF_COMPLAINTS));
        a.put("peaks", "PEAKS shape: 09-11 and 17-19 of a day compressed into the run carry 40 %");
        return a;
    }

    private static Report.Machine machine(String loadStart, String loadEnd, int otherJava) {
        long memKiB = -1;
        String cpu = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKiB = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            // not Linux
        }
        var runtime = ManagementFactory.getRuntimeMXBean();
        return new Report.Machine(Runtime.getRuntime().availableProcessors(), memKiB / 1024, cpu,
                runtime.getVmName() + " " + runtime.getVmVersion() + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                loadStart, loadEnd, otherJava);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (name.startsWith("no-")) {
                opts.put(name, "true");
            } else if (i + 1 < args.length) {
                opts.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return opts;
    }

    /** "30s", "5m", "90" (seconds). */
    static Duration duration(String text) {
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(text.endsWith("s") ? text.substring(0, text.length() - 1) : text));
    }

    private static void log(String format, Object... args) {
        System.out.printf("loadgen: " + format + "%n", args);
    }
}
