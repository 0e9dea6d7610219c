package io.ticketflow.feedback.callback;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.feedback.outbox.Outbox;
import io.ticketflow.feedback.outbox.PendingEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records the calls made for a callback task: the new state and the call's events are stored by
 * one conditional update (nobody else recorded a call in between), then published; if Kafka does
 * not acknowledge, the call still stands and the outbox relay publishes later.
 */
@Component
class CallbackCalls {

    private static final Logger log = LoggerFactory.getLogger(CallbackCalls.class);

    private final CallbackTasks callbacks;
    private final Outbox outbox;
    private final CallbackProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    CallbackCalls(CallbackTasks callbacks, Outbox outbox, CallbackProperties properties, Clock clock, MeterRegistry meters) {
        this.callbacks = callbacks;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    CallbackTask find(String callbackId) {
        return callbacks.byId(callbackId).orElseThrow(() -> CallbackRefusal.unknown(callbackId));
    }

    /** Records a call, or refuses: unknown 404, ended or raced 409. */
    CallbackTask record(String callbackId, CallbackCall call) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as Mongo keeps it
        CallbackTask before = find(callbackId);
        if (before.status() != CallbackStatus.OPEN) {
            throw CallbackRefusal.ended(before);
        }
        CallbackTask after = before.record(call, properties.callbackAttempts(), now);
        CallbackTask stored = callbacks.recordCall(before, after).orElseThrow(() -> {
            CallbackTask current = find(callbackId);
            return current.status() == CallbackStatus.OPEN ? CallbackRefusal.concurrent(current) : CallbackRefusal.ended(current);
        });
        meters.counter("ticketflow.feedback.callback.calls", "reached", String.valueOf(call.reached())).increment();
        if (stored.status() == CallbackStatus.COMPLETED) {
            meters.counter("ticketflow.feedback.callbacks.completed", "outcome", String.valueOf(stored.outcome()),
                    "onTime", String.valueOf(!now.isAfter(stored.dueAt()))).increment();
        }
        List<PendingEvent> pending = stored.pending();
        boolean published = outbox.flush(CallbackTask.COLLECTION, stored.callbackId(), pending) == pending.size();
        log.info("callback call recorded ticketNo={} callbackId={} attempt={} reached={} status={} outcome={} rootCause={} factor={} events={} published={}",
                stored.ticketNo(), stored.callbackId(), stored.attempts(), call.reached(), stored.status(), stored.outcome(),
                stored.rootCause(), stored.factor(), pending.stream().map(PendingEvent::eventId).toList(), published);
        return stored;
    }
}
