package io.ticketflow.intake.ticket;

import io.ticketflow.events.TicketFlag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/tickets/{ticketNo}/flags}: raise a flag (the default) or clear it
 * ({@code "raised": false}). A public-opinion risk escalates the ticket to CRITICAL.
 */
record FlagRequest(
        @NotNull TicketFlag flag,
        Boolean raised,
        @NotBlank @Size(max = 2000) String reason,
        @NotBlank @Size(max = 64) String by) {

    Flag toFlag() {
        return new Flag(flag, raised == null || raised, reason.strip(), by.strip());
    }
}
