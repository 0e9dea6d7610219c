package io.ticketflow.intake.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/tickets/{ticketNo}/resume}. */
record ResumeRequest(@NotBlank @Size(max = 64) String agentId) {
}
