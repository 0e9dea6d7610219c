package io.ticketflow.intake.ticket;

import io.ticketflow.intake.web.CrossFieldChecked;
import io.ticketflow.intake.web.CrossFieldRules;
import io.ticketflow.intake.web.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /api/v1/tickets/{ticketNo}/info}: the evidence a NEEDS_INFO ticket waits for.
 * At least one of order id, error code, attachments or note.
 */
@CrossFieldRules
record InfoRequest(
        @Size(max = 64) String orderId,
        @Size(max = 64) String errorCode,
        @Size(max = 20) List<@Valid @NotNull AttachmentRequest> attachments,
        @Size(max = 2000) String note) implements CrossFieldChecked {

    @Override
    public List<FieldProblem> crossFieldProblems() {
        if (blank(orderId) && blank(errorCode) && (attachments == null || attachments.isEmpty()) && blank(note)) {
            return List.of(new FieldProblem("orderId", "one of orderId, errorCode, attachments or note is required"));
        }
        return List.of();
    }

    InfoSupplement toSupplement() {
        return new InfoSupplement(strip(orderId), strip(errorCode),
                attachments == null ? List.of()
                        : attachments.stream().map(a -> new InfoSupplement.Attachment(a.name().strip(), a.size())).toList(),
                strip(note));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return blank(value) ? null : value.strip();
    }

    /** A file's name and size in bytes (the file itself goes to the attachment store, not here). */
    record AttachmentRequest(
            @NotBlank @Size(max = 255) String name,
            @NotNull @PositiveOrZero @Max(1_073_741_824L) Long size) {
    }
}
