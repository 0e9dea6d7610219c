package io.ticketflow.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What a run measured, as JSON and as a Markdown page. Only measured numbers go in. */
record Report(Run run, Machine machine, Throughput throughput, Map<String, Latency> latencies, Completeness completeness,
              Lag lag, Memory memory, Raw raw, List<Window> windows, List<Goal> goals, List<String> notes) {

    static final String SUBMIT = "HTTP submit -> 201 (from the moment it was due)";
    static final String SUBMIT_SERVICE = "HTTP submit -> 201 (from the moment it was sent)";
    static final String ASSIGNED = "created -> assigned";
    static final String CLOCK = "created -> SLA clock started";
    static final String COUNTED = "created -> counted in analytics (from its gauge)";

    record Run(String profile, String date, String commit, double durationSeconds, double targetRate, String shape, int agents,
               long handleTimeMs, double rateShare, long seed, String mongoBackend, Map<String, String> mixAssumptions) {
    }

    record Machine(int cores, long memoryMiB, String cpu, String jvm, String os, String loadAverageStart, String loadAverageEnd,
                   int otherJavaProcessesMax) {
    }

    record Throughput(long offered, long notSent, long submitted, long accepted, double acceptedPerSecond, double endToEndTicketsPerSecond,
                      long pipelineRecords, double recordsPerTicket, double pipelineRecordsPerSecond, Map<String, Long> outcomes) {
    }

    record Completeness(long accepted, long createdOnKafka, long assigned, long clockStarted, long createdInRun,
                        long createdWithout201, long analyticsCreated, double drainSeconds, boolean allArrived,
                        List<String> missingExamples) {
    }

    record Lag(Map<String, Long> maxByGroup, Map<String, Long> atEndOfLoadByGroup, Map<String, Double> slopePerSecondByGroup,
               boolean steady, List<Sampler.Sample> samples) {
    }

    record Memory(long peakTotalMiB, Map<String, Long> peakByProcessMiB) {
    }

    record Raw(RawKafka.Producer producer, RawKafka.EndToEnd endToEnd, int ticketCreatedRecordBytes,
               double ticketsShareOfRawRecords, double pipelineRecordsShareOfRaw, String error) {
    }

    /** One slice of the run: what happened per second in it, by Kafka timestamp (created, assigned, clock) or answer time. */
    record Window(double fromSeconds, double toSeconds, double acceptedPerSecond, double createdPerSecond, double assignedPerSecond,
                  double clockStartedPerSecond, double assignedP99Ms, long totalLagAtEnd) {
    }

    record Goal(String goal, String measured, String verdict) {
    }

    String json() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(this);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Load run `").append(run.profile()).append("` — ").append(run.date()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "commit", "`" + run.commit() + "`");
        row(md, "machine", machine.cores() + " cores, " + machine.memoryMiB() + " MiB, " + machine.cpu());
        row(md, "JVM / OS", machine.jvm() + " / " + machine.os());
        row(md, "load average (1/5/15 min) before / after", machine.loadAverageStart() + " / " + machine.loadAverageEnd());
        row(md, "other Java processes on the machine during the run (max)", machine.otherJavaProcessesMax()
                + (machine.otherJavaProcessesMax() > 0 ? " — other builds or tests competed for the cores" : ""));
        row(md, "Mongo backend", run.mongoBackend());
        row(md, "offered", fmt(run.targetRate()) + " tickets/s mean, " + run.shape() + ", " + fmt(run.durationSeconds()) + " s; "
                + run.agents() + " agents (capacity 100), handling " + run.handleTimeMs() + " ms, " + Math.round(run.rateShare() * 100)
                + " % of surveys answered, seed " + run.seed());
        row(md, "mix", "natures 40/35/25 % complaint/consultation/suggestion (`002`); assumptions: " + run.mixAssumptions());
        md.append("\n## Goals\n\n| goal | measured | verdict |\n|---|---|---|\n");
        goals.forEach(g -> md.append("| ").append(g.goal()).append(" | ").append(g.measured()).append(" | ").append(g.verdict()).append(" |\n"));

        md.append("\n## Throughput\n\n| | |\n|---|---|\n");
        row(md, "offered / submitted / accepted (201)", throughput.offered() + " / " + throughput.submitted() + " / " + throughput.accepted()
                + (throughput.notSent() > 0 ? " — " + throughput.notSent() + " not sent: 256 submissions were still unanswered when the run had lasted 1.5× its duration" : ""));
        row(md, "accepted per second", fmt(throughput.acceptedPerSecond()));
        row(md, "end to end (accepted ÷ first submit to last ticket arrived everywhere)", fmt(throughput.endToEndTicketsPerSecond()) + " tickets/s");
        row(md, "Kafka records the pipeline wrote", throughput.pipelineRecords() + " (" + fmt(throughput.recordsPerTicket()) + " per ticket, "
                + fmt(throughput.pipelineRecordsPerSecond()) + " /s)");
        row(md, "HTTP outcomes", throughput.outcomes().toString());

        md.append("\n## Latency (ms)\n\n| path | n | mean | p50 | p90 | p99 | p99.9 | max |\n|---|---|---|---|---|---|---|---|\n");
        latencies.forEach((name, l) -> md.append("| ").append(name).append(" | ").append(l.count()).append(" | ").append(fmt(l.meanMs()))
                .append(" | ").append(fmt(l.p50Ms())).append(" | ").append(fmt(l.p90Ms())).append(" | ").append(fmt(l.p99Ms()))
                .append(" | ").append(fmt(l.p999Ms())).append(" | ").append(fmt(l.maxMs())).append(" |\n"));

        md.append("\n## Did every accepted ticket arrive everywhere?\n\n| | |\n|---|---|\n");
        row(md, "accepted (201)", String.valueOf(completeness.accepted()));
        row(md, "… with TicketCreated on ticket.lifecycle", String.valueOf(completeness.createdOnKafka()));
        row(md, "… with TicketAssigned on ticket.routing", String.valueOf(completeness.assigned()));
        row(md, "… with SlaClockStarted on ticket.sla", String.valueOf(completeness.clockStarted()));
        row(md, "tickets created in the run (TicketCreated records)", completeness.createdInRun() + " (" + completeness.createdWithout201()
                + " of them without a 201 seen by the generator: its 30 s HTTP timeout ran out first)");
        row(md, "analytics `ticketsCreated` over the run's window grew by", completeness.analyticsCreated()
                + " (must equal the tickets created in the run)");
        row(md, "drain after the last submission", fmt(completeness.drainSeconds()) + " s");
        row(md, "verdict", completeness.allArrived() ? "**all arrived**" : "**MISSING** e.g. " + completeness.missingExamples());

        md.append("\n## Consumer lag (records)\n\n| group | max | at end of load | slope during load (/s) |\n|---|---|---|---|\n");
        lag.maxByGroup().forEach((group, max) -> md.append("| ").append(group).append(" | ").append(max).append(" | ")
                .append(lag.atEndOfLoadByGroup().getOrDefault(group, 0L)).append(" | ")
                .append(fmt(lag.slopePerSecondByGroup().getOrDefault(group, 0.0))).append(" |\n"));
        md.append("\nLag ").append(lag.steady() ? "steady (no group's lag grew by more than 2 % of the offered rate per second)"
                : "**growing**").append(".\n");

        md.append("\n## Resident memory (peak, MiB)\n\n| process | peak |\n|---|---|\n");
        memory.peakByProcessMiB().forEach((p, v) -> md.append("| ").append(p).append(" | ").append(v).append(" |\n"));
        md.append("| **sum (peak of the sum)** | **").append(memory.peakTotalMiB()).append("** |\n");

        md.append("\n## Raw ceiling of the same broker (Kafka's own tools, own JVM, same run)\n\n");
        if (raw.producer() != null) {
            RawKafka.Producer p = raw.producer();
            md.append("| tool | records | size (B) | records/s | MB/s | avg | p50 | p95 | p99 | p99.9 | max |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
            md.append("| ProducerPerformance acks=all idempotent | ").append(p.records()).append(" | ").append(p.recordSize()).append(" | ")
                    .append(fmt(p.recordsPerSec())).append(" | ").append(fmt(p.mbPerSec())).append(" | ").append(fmt(p.avgMs())).append(" | ")
                    .append(fmt(p.p50Ms())).append(" | ").append(fmt(p.p95Ms())).append(" | ").append(fmt(p.p99Ms())).append(" | ")
                    .append(fmt(p.p999Ms())).append(" | ").append(fmt(p.maxMs())).append(" |\n");
        }
        if (raw.endToEnd() != null) {
            RawKafka.EndToEnd e = raw.endToEnd();
            md.append("| EndToEndLatency acks=all | ").append(e.records()).append(" | ").append(e.recordSize()).append(" | | | ")
                    .append(fmt(e.avgMs())).append(" | ").append(fmt(e.p50Ms())).append(" | | ").append(fmt(e.p99Ms())).append(" | ")
                    .append(fmt(e.p999Ms())).append(" | |\n");
        }
        if (raw.error() != null) {
            md.append("\nRaw tools failed: ").append(raw.error()).append("\n");
        }
        md.append("\nPipeline as a share of the raw ceiling: accepted tickets/s = ").append(pct(raw.ticketsShareOfRawRecords()))
                .append(" of the raw producer's records/s; Kafka records the pipeline wrote per second = ")
                .append(pct(raw.pipelineRecordsShareOfRaw())).append(". TicketCreated records average ")
                .append(raw.ticketCreatedRecordBytes()).append(" bytes.\n");

        md.append("\n## Over time\n\n| from s | to s | accepted/s | created/s | assigned/s | clock started/s | assigned p99 ms | lag at end |\n|---|---|---|---|---|---|---|---|\n");
        windows.forEach(w -> md.append("| ").append(fmt(w.fromSeconds())).append(" | ").append(fmt(w.toSeconds())).append(" | ")
                .append(fmt(w.acceptedPerSecond())).append(" | ").append(fmt(w.createdPerSecond())).append(" | ")
                .append(fmt(w.assignedPerSecond())).append(" | ").append(fmt(w.clockStartedPerSecond())).append(" | ")
                .append(fmt(w.assignedP99Ms())).append(" | ").append(w.totalLagAtEnd()).append(" |\n"));
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append("\n"));
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    /** A share in percent, one decimal; below 0.1 % two significant digits, so 0.04 % does not print as 0.0 %. */
    static String pct(double share) {
        double percent = share * 100;
        if (percent == 0 || Math.abs(percent) >= 0.1) {
            return String.format(Locale.ROOT, "%.1f %%", percent);
        }
        return new java.math.BigDecimal(percent).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString() + " %";
    }
}
