package io.ticketflow.intake.submission;

import io.ticketflow.events.TicketCreated;
import io.ticketflow.intake.classification.ClassifiedBy;
import java.util.UUID;

/** A numbered, classified ticket ready to publish, with the event id it will be published under. */
record Draft(UUID eventId, TicketCreated event, ClassifiedBy classifiedBy) {
}
