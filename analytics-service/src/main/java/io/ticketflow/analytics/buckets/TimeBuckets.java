package io.ticketflow.analytics.buckets;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.TicketflowEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code time_buckets} collection: counters per hour and per day, per dimension value
 * ({@code all}, channel, type, nature, priority, department, team, agent, tag).
 * <p>
 * Idempotent by a guard inside each bucket: the bucket document lists the {@code ce_id}s it
 * counted, and an event's increment is one conditional upsert {@code {_id: bucket,
 * appliedEventIds: {$ne: ce_id}}} with {@code $inc} and {@code $addToSet appliedEventIds} —
 * counter and guard change atomically in one document, so a redelivery (or a redo after a crash
 * between two buckets) adds nothing twice. A bucket document holds the ids of the events it
 * counted (about 40 bytes each); to keep a busy day far below MongoDB's 16 MB document limit,
 * a day bucket is split into {@value #DAY_SHARDS} shard documents by a hash of the event id
 * ({@code ...|s<n>}), which reading sums up again (400,000 events a day: about 1 MB per shard).
 * <p>
 * Reading: one indexed range query per (period, dimension); a day report reads at most a few
 * dozen documents instead of scanning every ticket.
 */
@Component
public class TimeBuckets {

    private static final Logger log = LoggerFactory.getLogger(TimeBuckets.class);
    static final String COLLECTION = "time_buckets";
    static final int DAY_SHARDS = 16;

    private final MongoTemplate mongo;
    private final CalendarProperties calendar;

    public TimeBuckets(MongoTemplate mongo, CalendarProperties calendar) {
        this.mongo = mongo;
        this.calendar = calendar;
    }

    @EventListener(ApplicationReadyEvent.class)
    void index() {
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index("period", Sort.Direction.ASC).on("dimension", Sort.Direction.ASC)
                    .on("start", Sort.Direction.ASC));
        } catch (RuntimeException e) {
            log.warn("index not created collection={} cause={}", COLLECTION, e.getClass().getSimpleName());
        }
    }

    /** Counts the event in its buckets, each at most once. */
    public void record(Envelope<? extends TicketflowEvent> envelope) {
        BucketChange change = BucketChange.of(envelope, calendar.zone());
        Map<String, List<BucketChange.Increment>> byBucket = new LinkedHashMap<>();
        int shard = Math.floorMod(change.id().hashCode(), DAY_SHARDS);
        change.increments().forEach(i -> byBucket.computeIfAbsent(
                i.period() == Period.DAY ? i.bucketId() + "|s" + shard : i.bucketId(), id -> new ArrayList<>()).add(i));
        byBucket.forEach((bucketId, increments) -> apply(change.id(), bucketId, increments));
    }

    private void apply(String eventId, String bucketId, List<BucketChange.Increment> increments) {
        BucketChange.Increment first = increments.get(0);
        Update update = new Update()
                .set("period", first.period().key())
                .set("start", Date.from(first.start()))
                .set("dimension", first.dimension())
                .set("value", first.value())
                .addToSet("appliedEventIds", eventId);
        increments.forEach(i -> update.inc("counts." + i.counter(), i.amount()));
        Query notYetCounted = Query.query(where("_id").is(bucketId).and("appliedEventIds").ne(eventId));
        try {
            mongo.upsert(notYetCounted, update, COLLECTION);
        } catch (DuplicateKeyException alreadyThere) {
            // counted before (the guard excluded the bucket) or another thread inserted it first
            mongo.updateFirst(notYetCounted, update, COLLECTION);
        }
    }

    /** The buckets of one period length and dimension that start in {@code [from, to)}, by start and value. */
    public List<Bucket> find(Period period, String dimension, Instant from, Instant to, @Nullable String value) {
        Criteria criteria = where("period").is(period.key()).and("dimension").is(dimension)
                .and("start").gte(Date.from(from)).lt(Date.from(to));
        if (value != null) {
            criteria = criteria.and("value").is(value);
        }
        Query query = Query.query(criteria).with(Sort.by("start", "value"));
        query.fields().exclude("appliedEventIds");
        // shards of one bucket arrive next to each other (sorted by start, then value) and are summed up
        List<Bucket> result = new ArrayList<>();
        for (Document document : mongo.find(query, Document.class, COLLECTION)) {
            Instant start = ((Date) document.get("start")).toInstant();
            String bucketValue = document.getString("value");
            Bucket last = result.isEmpty() ? null : result.get(result.size() - 1);
            Map<String, Long> counts;
            if (last != null && last.start().equals(start) && last.value().equals(bucketValue)) {
                counts = last.counts();
            } else {
                counts = new TreeMap<>();
                result.add(new Bucket(period.key(), start, dimension, bucketValue, counts));
            }
            Document stored = document.get("counts", Document.class);
            if (stored != null) {
                stored.forEach((counter, amount) -> counts.merge(counter, ((Number) amount).longValue(), Long::sum));
            }
        }
        return result.stream()
                .map(b -> new Bucket(b.period(), b.start(), b.dimension(), b.value(), Collections.unmodifiableMap(b.counts())))
                .toList();
    }

    /** The sum of one counter over the buckets, per value. */
    public static Map<String, Long> totals(List<Bucket> buckets, String counter) {
        Map<String, Long> totals = new TreeMap<>();
        buckets.forEach(b -> totals.merge(b.value(), b.counts().getOrDefault(counter, 0L), Long::sum));
        return totals;
    }

    /**
     * One bucket's counters.
     *
     * @param counts e.g. {@code created}, {@code resolved}, {@code assigned}, {@code breached}, ...
     */
    public record Bucket(String period, Instant start, String dimension, String value, Map<String, Long> counts) {
    }
}
