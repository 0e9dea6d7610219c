package io.ticketflow.sla.clock;

import io.ticketflow.sla.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Fires every clock at its instant: a warning threshold or the deadline. No periodic scan: an
 * in-memory queue holds the nearest firing instants, loaded from the indexed {@code nextFireAt}
 * field ({@code lookahead} ahead, at start-up and every {@code refill-interval}) and fed directly
 * whenever this instance changes a clock. One thread sleeps until the head is due (at most
 * {@code max-sleep}, so a clock set forward in tests is noticed) and hands due clocks to a small
 * pool.
 * <p>
 * Exactly one breach per clock and deadline, also with several instances or a redo after a crash:
 * the decision is a conditional replace of the clock document over the version it was computed
 * from, carrying the {@code SlaBreached} (whose id is derived from clock and deadline) in the same
 * write; the loser of a race re-reads, finds the breach recorded and does nothing. Clocks that
 * fell due while the service was down are at the head of the first load and fire at once.
 */
@Component
public class Deadlines implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);
    private static final int ATTEMPTS = 10;

    private final ClockStore store;
    private final BreachCounter breaches;
    private final OutboxRelay outbox;
    private final Clock clock;
    private final DeadlineProperties properties;

    private final Object lock = new Object();
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final Map<String, Instant> scheduled = new HashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private Instant loadedUntil = Instant.MIN;
    private long lastRefillNanos;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService pool;

    private final MeterRegistry meters;

    public Deadlines(ClockStore store, BreachCounter breaches, OutboxRelay outbox, Clock clock, DeadlineProperties properties) {
        this(store, breaches, outbox, clock, properties, new SimpleMeterRegistry());
    }

    @Autowired
    public Deadlines(ClockStore store, BreachCounter breaches, OutboxRelay outbox, Clock clock, DeadlineProperties properties,
            MeterRegistry meters) {
        this.store = store;
        this.breaches = breaches;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        Gauge.builder("ticketflow.sla.deadlines.queued", this, Deadlines::queued)
                .description("firing instants held in memory by the deadline scheduler").register(meters);
    }

    private record Entry(Instant at, String clockId) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : clockId.compareTo(other.clockId);
        }
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            pool = Executors.newFixedThreadPool(properties.fireThreads(), runnable -> {
                Thread thread = new Thread(runnable, "sla-deadline-fire");
                thread.setDaemon(true);
                return thread;
            });
            loop = new Thread(this::run, "sla-deadlines");
            loop.setDaemon(true);
            loop.start();
        }
    }

    @Override
    public void stop() {
        Thread thread;
        synchronized (lock) {
            running = false;
            thread = loop;
            lock.notifyAll();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pool != null) {
            pool.shutdown();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Tells the scheduler a clock changed: it fires at its new instant (if it has one in view). */
    public void offer(SlaClock changed) {
        Instant at = changed.nextFireAt();
        if (at == null) {
            return;
        }
        synchronized (lock) {
            if (!running || at.isAfter(clock.instant().plus(properties.lookahead()))) {
                return; // the next load picks it up
            }
            if (at.equals(scheduled.get(changed.clockId()))) {
                return;
            }
            scheduled.put(changed.clockId(), at);
            queue.add(new Entry(at, changed.clockId()));
            lock.notifyAll();
        }
    }

    private void retryLater(String clockId) {
        Instant at = clock.instant().plus(properties.maxSleep());
        synchronized (lock) {
            if (running && !scheduled.containsKey(clockId)) {
                scheduled.put(clockId, at);
                queue.add(new Entry(at, clockId));
            }
        }
    }

    /** How many firing instants are held in memory. */
    public int queued() {
        synchronized (lock) {
            return scheduled.size();
        }
    }

    private void run() {
        while (running) {
            try {
                Instant now = clock.instant();
                if (refillDue(now)) {
                    refill(now);
                }
                Entry due = null;
                synchronized (lock) {
                    Entry head = queue.peek();
                    if (head != null && !head.at().isAfter(now)) {
                        due = queue.poll();
                        if (!due.at().equals(scheduled.get(due.clockId()))) {
                            continue; // superseded by a later offer
                        }
                        scheduled.remove(due.clockId());
                    } else {
                        long sleep = properties.maxSleep().toMillis();
                        if (head != null) {
                            sleep = Math.min(sleep, Math.max(1, Duration.between(now, head.at()).toMillis()));
                        }
                        lock.wait(sleep);
                        continue;
                    }
                }
                String clockId = due.clockId();
                inFlight.incrementAndGet();
                pool.execute(() -> {
                    try {
                        fire(clockId);
                    } catch (RuntimeException e) {
                        log.warn("firing clock failed, retrying in {} clockId={}: {}", properties.maxSleep(), clockId, e.toString());
                        retryLater(clockId);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("deadline scheduler pass failed, retrying: {}", e.toString());
                synchronized (lock) {
                    try {
                        lock.wait(properties.maxSleep().toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private boolean refillDue(Instant now) {
        synchronized (lock) {
            if (lastRefillNanos == 0 || System.nanoTime() - lastRefillNanos >= properties.refillInterval().toNanos()) {
                return true;
            }
            // a full load was cut short: load the next as soon as the loaded ones are gone
            Entry head = queue.peek();
            return loadedUntil.isBefore(now.plus(properties.lookahead())) && (head == null || head.at().isAfter(loadedUntil))
                    && inFlight.get() == 0;
        }
    }

    /** Loads the nearest firing instants up to the lookahead. */
    void refill(Instant now) {
        Instant until = now.plus(properties.lookahead());
        List<SlaClock> nearest = store.firingUntil(until, properties.batch());
        synchronized (lock) {
            lastRefillNanos = System.nanoTime();
            loadedUntil = nearest.size() == properties.batch() ? nearest.get(nearest.size() - 1).nextFireAt() : until;
        }
        for (SlaClock each : nearest) {
            offer(each);
        }
        if (!nearest.isEmpty()) {
            log.debug("deadline scheduler loaded {} firing instants up to {}", nearest.size(), loadedUntil);
        }
    }

    /**
     * Decides what is due on a clock now (the breach, or the latest warning passed), stores it with
     * its event over the version read, and publishes. Safe to call from several schedulers at once:
     * only one decision is written. Returns the decided clock, if this call decided anything.
     */
    public Optional<SlaClock> fire(String clockId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<SlaClock> stored = store.byId(clockId);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            SlaClock read = stored.get();
            Instant now = clock.instant();
            Optional<SlaClock> next;
            if (read.breachDue(now)) {
                int breachNo = breaches.recordBreach(read.ticketId(), read.ticketNo(), read.clockId(), read.dueAt());
                next = Optional.of(read.breach(breachNo, now));
            } else {
                next = read.warn(now);
            }
            if (next.isEmpty()) {
                if (read.nextFireAt() != null && read.nextFireAt().isAfter(now)) {
                    offer(read); // not due yet (e.g. an early wake-up): keep it in view
                }
                return Optional.empty();
            }
            if (store.replace(read, next.get())) {
                SlaClock decided = next.get();
                if (read.breachDue(now)) {
                    meters.counter("ticketflow.sla.breaches", "metric", decided.metric().name(),
                            "priority", String.valueOf(decided.priority())).increment();
                    meters.timer("ticketflow.sla.breach.lag").record(Duration.between(decided.dueAt(), now));
                    log.info("sla breached ticketNo={} metric={} scope={} dueAt={} lagMs={} clockId={} eventId={}", decided.ticketNo(),
                            decided.metric(), decided.scope(), decided.dueAt(), Duration.between(decided.dueAt(), now).toMillis(),
                            decided.clockId(), SlaClock.breachEventId(decided.clockId(), decided.dueAt()));
                } else {
                    meters.counter("ticketflow.sla.warnings", "metric", decided.metric().name(),
                            "priority", String.valueOf(decided.priority())).increment();
                    log.info("sla warning ticketNo={} metric={} scope={} dueAt={} clockId={} eventId={}", decided.ticketNo(),
                            decided.metric(), decided.scope(), decided.dueAt(), decided.clockId(),
                            decided.pendingEvents().get(decided.pendingEvents().size() - 1).eventId());
                }
                outbox.flush(store, new io.ticketflow.sla.outbox.OutboxDocument(decided.clockId(), decided.ticketNo(),
                        io.ticketflow.sla.outbox.VersionedUpdate.added(read.pendingEvents(), decided.pendingEvents())));
                offer(decided);
                return Optional.of(decided);
            }
            log.debug("clock changed while firing, deciding again clockId={}", clockId);
        }
        return Optional.empty();
    }
}
