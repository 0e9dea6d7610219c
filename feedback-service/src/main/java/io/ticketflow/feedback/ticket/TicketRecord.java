package io.ticketflow.feedback.ticket;

import static java.util.Objects.requireNonNull;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.PersonalData;
import io.ticketflow.events.TicketCreated;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What feedback needs to know about a ticket it will survey: enough to address the customer and
 * to show them which ticket the survey is about. Kept from {@link TicketCreated}.
 *
 * @param subject masked, as shown on the survey
 */
@Document(TicketRecord.COLLECTION)
public record TicketRecord(
        @Id String ticketId,
        String ticketNo,
        @Nullable String subject,
        Channel channel,
        @Nullable String customerId,
        Department department,
        Instant createdAt) {

    static final String COLLECTION = "tickets";

    public TicketRecord {
        requireNonNull(ticketId, "ticketId");
        requireNonNull(ticketNo, "ticketNo");
        requireNonNull(channel, "channel");
        requireNonNull(department, "department");
        requireNonNull(createdAt, "createdAt");
    }

    static TicketRecord of(TicketCreated created) {
        return new TicketRecord(created.ticketId(), created.ticketNo(), PersonalData.maskText(created.subject()),
                created.channel(), created.customerId(), created.department(), created.occurredAt());
    }
}
