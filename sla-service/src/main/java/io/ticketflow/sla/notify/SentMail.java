package io.ticketflow.sla.notify;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A mail sent for an event and a recipient ({@code _id} = event id / person id), so a redelivery does not mail twice. */
@Document("notifications")
record SentMail(@Id String id, String personId, String subject) {
}
