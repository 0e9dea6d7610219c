package io.ticketflow.intake.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/tickets/{ticketNo}/resolution}. */
record ResolutionRequest(
        @Size(max = 64) String agentId,
        @NotBlank @Size(max = 5000) String summary,
        @Size(max = 5000) String rootCause) {

    Resolution toResolution() {
        return new Resolution(blankToNull(agentId), summary.strip(), blankToNull(rootCause));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
