package io.ticketflow.intake.ticket;

import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketType;
import io.ticketflow.intake.web.CrossFieldChecked;
import io.ticketflow.intake.web.CrossFieldRules;
import io.ticketflow.intake.web.FieldProblem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /api/v1/tickets/{ticketNo}/classification}: at least one of type, nature, priority, and why. */
@CrossFieldRules
record ClassificationRequest(
        TicketType type,
        Nature nature,
        Priority priority,
        @NotBlank @Size(max = 2000) String reason,
        @NotBlank @Size(max = 64) String changedBy) implements CrossFieldChecked {

    @Override
    public List<FieldProblem> crossFieldProblems() {
        if (type == null && nature == null && priority == null) {
            return List.of(new FieldProblem("type", "one of type, nature or priority is required"));
        }
        return List.of();
    }

    Reclassification toReclassification() {
        return new Reclassification(type, nature, priority, reason.strip(), changedBy.strip());
    }
}
