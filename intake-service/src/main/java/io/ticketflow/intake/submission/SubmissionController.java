package io.ticketflow.intake.submission;

import io.ticketflow.intake.web.FieldProblem;
import io.ticketflow.intake.web.InvalidRequestException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The REST channel adapter: web form, app, chat and phone transcripts all submit here. */
@RestController
@RequestMapping("/api/v1/tickets")
class SubmissionController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final TicketIntake intake;

    SubmissionController(TicketIntake intake) {
        this.intake = intake;
    }

    @PostMapping
    ResponseEntity<SubmissionReceipt> submit(
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody SubmitTicketRequest request) {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException(List.of(new FieldProblem(IDEMPOTENCY_KEY,
                    "must be 1 to 255 visible ASCII characters")));
        }
        Submission submission = request.toSubmission();
        TicketIntake.Accepted accepted = idempotencyKey == null
                ? intake.submit(submission)
                : intake.submit(submission, idempotencyKey);
        SubmissionReceipt receipt = accepted.receipt();
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create("/api/v1/tickets/" + receipt.ticketNo()));
        if (accepted.replayed()) {
            created.header(REPLAYED, "true");
        }
        return created.body(receipt);
    }
}
