package io.ticketflow.feedback.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Republishes events that were stored in an outbox document but never acknowledged, at start-up
 * and then every {@code relay-interval}. An event qualifies once it is older than
 * {@code relay-grace}, or when it was stored before this process started (nothing of this
 * process can still be publishing it). A republished event keeps its {@code ce_id}, so a
 * consumer that already saw it treats it as a duplicate.
 */
@Component
class OutboxRelay implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final List<OutboxCollection> collections;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Instant startedAt;
    private final Map<String, Counter> relayed;

    OutboxRelay(MongoTemplate mongo, Outbox outbox, List<OutboxCollection> collections, OutboxProperties properties,
            Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.collections = List.copyOf(collections);
        this.properties = properties;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.relayed = this.collections.stream().collect(Collectors.toUnmodifiableMap(OutboxCollection::name,
                c -> Counter.builder("ticketflow.feedback.outbox.relayed")
                        .description("Events the relay published because their own publisher did not")
                        .tag("collection", c.name())
                        .register(meters)));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::relayPass, properties.relayInterval(), Duration.ZERO));
    }

    /** One pass over every outbox collection. */
    void relayPass() {
        Instant cutoff = cutoff(clock.instant(), properties.relayGrace(), startedAt);
        for (OutboxCollection collection : collections) {
            try {
                if (!relay(collection.name(), cutoff)) {
                    return; // Kafka is not answering: no point trying the other collections now
                }
            } catch (RuntimeException e) {
                log.warn("outbox relay pass failed collection={} cause={}", collection.name(), e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Events stored before this instant are the relay's to publish: those older than the grace
     * period, and right after start-up everything a previous run left behind.
     */
    static Instant cutoff(Instant now, Duration grace, Instant startedAt) {
        Instant graceful = now.minus(grace);
        return graceful.isAfter(startedAt) ? graceful : startedAt;
    }

    private boolean relay(String collection, Instant cutoff) {
        String after = null;
        while (true) {
            List<OutboxDocument> documents = mongo.find(page(cutoff, after), OutboxDocument.class, collection);
            for (OutboxDocument document : documents) {
                List<PendingEvent> stale = document.pending().stream().filter(e -> e.since().isBefore(cutoff)).toList();
                stale.forEach(e -> log.info("outbox relaying collection={} document={} eventId={} type={} since={}",
                        collection, document.id(), e.eventId(), e.type(), e.since()));
                int published = outbox.flush(collection, document.id(), stale);
                relayed.get(collection).increment(published);
                if (published < stale.size()) {
                    return false;
                }
                after = document.id();
            }
            if (documents.size() < properties.relayBatchSize()) {
                return true;
            }
        }
    }

    /** The next batch of documents with stale events, in id order after the last one handled. */
    private Query page(Instant cutoff, String after) {
        Criteria stale = where(OutboxCollection.PENDING + ".since").lt(cutoff);
        Query page = query(after == null ? stale : stale.and("_id").gt(after))
                .with(Sort.by("_id"))
                .limit(properties.relayBatchSize());
        page.fields().include(OutboxCollection.PENDING);
        return page;
    }

    /** Any outbox document, reduced to what the relay needs. */
    record OutboxDocument(@Id String id, List<PendingEvent> pending) {

        OutboxDocument {
            pending = pending == null ? List.of() : List.copyOf(pending);
        }
    }
}
