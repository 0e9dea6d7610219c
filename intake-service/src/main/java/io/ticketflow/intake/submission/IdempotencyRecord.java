package io.ticketflow.intake.submission;

import io.ticketflow.events.EventJson;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.intake.classification.ClassifiedBy;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What an Idempotency-Key stands for, in {@code idempotency_keys} (the key is the {@code _id},
 * hence unique): a fingerprint of the body and the ticket it created. The TicketCreated is kept
 * (it holds masked data only) so that a retry after a crash republishes exactly the same event
 * under the same id.
 */
@Document(collection = IdempotencyRecord.COLLECTION)
record IdempotencyRecord(
        @Id String key,
        String fingerprint,
        String ticketNo,
        String eventId,
        String createdEvent,
        ClassifiedBy classifiedBy,
        Instant claimedUntil,
        Instant completedAt,
        Instant createdAt,
        Instant expiresAt) {

    static final String COLLECTION = "idempotency_keys";

    static IdempotencyRecord claim(String key, String fingerprint, Draft draft, Instant now, IdempotencyProperties properties) {
        return new IdempotencyRecord(key, fingerprint, draft.event().ticketNo(), draft.eventId().toString(),
                new String(EventJson.write(draft.event()), java.nio.charset.StandardCharsets.UTF_8),
                draft.classifiedBy(), now.plus(properties.claimTimeout()), null, now, now.plus(properties.retention()));
    }

    boolean completed() {
        return completedAt != null;
    }

    Draft draft() {
        TicketCreated event = EventJson.mapper().readValue(createdEvent, TicketCreated.class);
        return new Draft(UUID.fromString(eventId), event, classifiedBy);
    }
}
