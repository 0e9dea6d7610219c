package io.ticketflow.intake.ticket;

import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.intake.web.CrossFieldChecked;
import io.ticketflow.intake.web.CrossFieldRules;
import io.ticketflow.intake.web.FieldProblem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /api/v1/tickets/{ticketNo}/replies}: an agent's reply needs the agent's id. */
@CrossFieldRules
record ReplyRequest(
        @NotNull ReplyAuthor author,
        @Size(max = 64) String agentId,
        @NotBlank @Size(max = 5000) String message) implements CrossFieldChecked {

    @Override
    public List<FieldProblem> crossFieldProblems() {
        if (author == ReplyAuthor.AGENT && (agentId == null || agentId.isBlank())) {
            return List.of(new FieldProblem("agentId", "is required for an agent's reply"));
        }
        return List.of();
    }

    Reply toReply() {
        return new Reply(author, author == ReplyAuthor.AGENT ? agentId.strip() : blankToNull(agentId), message.strip());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
