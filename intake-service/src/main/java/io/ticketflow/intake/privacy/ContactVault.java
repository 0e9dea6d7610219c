package io.ticketflow.intake.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The only place a clear contact is kept: encrypted, in {@code contacts}, one document per ticket
 * id. Tickets and events carry the masked contact only. Stored before the ticket's event is
 * published, so a contact never goes missing for an accepted ticket; a submission Kafka refused
 * leaves an encrypted contact without a ticket behind, which nothing shows.
 */
@Component
public class ContactVault {

    static final String COLLECTION = "contacts";

    private final MongoTemplate mongo;
    private final ContactCipher cipher;
    private final CryptoProperties properties;
    private final Clock clock;

    ContactVault(MongoTemplate mongo, ContactCipher cipher, CryptoProperties properties, Clock clock) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores the ticket's contact, encrypted; storing it again (a retried submission) replaces it. */
    public void store(String ticketId, String clearContact) {
        mongo.upsert(query(where("_id").is(ticketId)),
                new Update()
                        .set("ciphertext", new Binary(cipher.encrypt(clearContact, ticketId)))
                        .set("keyId", properties.keyId())
                        .setOnInsert("storedAt", clock.instant()),
                COLLECTION);
    }

    /** The clear contact of a ticket, for the channel that must answer the customer. */
    public Optional<String> reveal(String ticketId) {
        Document stored = mongo.findById(ticketId, Document.class, COLLECTION);
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(cipher.decrypt(stored.get("ciphertext", Binary.class).getData(), ticketId));
    }
}
