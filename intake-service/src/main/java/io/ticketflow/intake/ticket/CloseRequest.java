package io.ticketflow.intake.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/tickets/{ticketNo}/close}. */
record CloseRequest(
        @Size(max = 2000) String reason,
        @NotBlank @Size(max = 64) String closedBy) {

    Closure toClosure() {
        return new Closure(reason == null || reason.isBlank() ? null : reason.strip(), closedBy.strip());
    }
}
