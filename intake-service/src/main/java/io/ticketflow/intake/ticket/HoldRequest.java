package io.ticketflow.intake.ticket;

import io.ticketflow.events.HoldReason;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/tickets/{ticketNo}/hold}. */
record HoldRequest(
        @NotNull HoldReason reason,
        @NotBlank @Size(max = 64) String agentId,
        @Size(max = 2000) String note) {

    Hold toHold() {
        return new Hold(reason, agentId.strip(), note == null || note.isBlank() ? null : note.strip());
    }
}
