package io.ticketflow.intake.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/tickets/{ticketNo}/reopen}: who asks (default {@code customer}) and why. */
record ReopenRequest(
        @NotBlank @Size(max = 2000) String reason,
        @Size(max = 64) String requestedBy,
        @Size(max = 64) String preferredAgentId) {

    Reopen toReopen() {
        return new Reopen(reason.strip(), requestedBy == null || requestedBy.isBlank() ? "customer" : requestedBy.strip(),
                preferredAgentId == null || preferredAgentId.isBlank() ? null : preferredAgentId.strip());
    }
}
