package io.ticketflow.intake.submission;

import io.ticketflow.events.Channel;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.intake.web.CrossFieldRules;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * The door for the customer web form: the form's fields become the very request the REST API
 * takes ({@link SubmitTicketRequest}, channel {@code WEB}), checked by the same Bean Validation
 * rules and accepted by the same {@link TicketIntake} path with an Idempotency-Key. Instead of a
 * 400 problem the form hears which field broke which rule, as codes it can put into words in the
 * customer's language.
 */
@Service
public class FormSubmissions {

    private final TicketIntake intake;
    private final Validator validator;

    FormSubmissions(TicketIntake intake, Validator validator) {
        this.intake = intake;
        this.validator = validator;
    }

    /**
     * Checks and, if sound, accepts a form at most once per key; returns once Kafka holds the
     * TicketCreated. An {@code EventPublishException} (Kafka did not confirm) passes through.
     */
    public Outcome submit(Form form, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        SubmitTicketRequest request = requestOf(form);
        List<Problem> problems = problemsOf(request);
        if (!problems.isEmpty()) {
            return Outcome.invalid(problems);
        }
        try {
            TicketIntake.Accepted accepted = intake.submit(request.toSubmission(), idempotencyKey);
            SubmissionReceipt receipt = accepted.receipt();
            return Outcome.accepted(new Receipt(receipt.ticketNo(), receipt.status(), receipt.missingInfo(),
                    accepted.replayed()));
        } catch (IdempotencyKeyReusedException e) {
            return new Outcome(Outcome.Kind.KEY_REUSED, null, List.of());
        } catch (SubmissionInProgressException e) {
            return new Outcome(Outcome.Kind.IN_PROGRESS, null, List.of());
        }
    }

    /** The rules the form breaks, as the API would judge it; empty if it would be accepted. */
    public List<Problem> check(Form form) {
        return problemsOf(requestOf(form));
    }

    private static SubmitTicketRequest requestOf(Form form) {
        return new SubmitTicketRequest(Channel.WEB, form.customerId(), form.contact(), form.subject(),
                form.description() == null ? "" : form.description(), form.tags(), false, false);
    }

    private List<Problem> problemsOf(SubmitTicketRequest request) {
        List<Problem> problems = new ArrayList<>();
        for (ConstraintViolation<SubmitTicketRequest> violation : validator.validate(request)) {
            problems.add(new Problem(fieldOf(violation), codeOf(violation)));
        }
        problems.sort(Comparator.comparing(Problem::field).thenComparing(Problem::code));
        return problems.stream().distinct().toList();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int bracket = path.indexOf('[');
        return bracket < 0 ? path : path.substring(0, bracket); // tags[0].<list element> → tags
    }

    /**
     * The rule a field broke: the constraint's name ({@code NotBlank}, {@code Size}, …); the
     * cross-field rules tell "one of customer id and contact is needed" ({@code Required}) from
     * "not a phone number or email address" ({@code Format}).
     */
    private static String codeOf(ConstraintViolation<?> violation) {
        Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        if (constraint == CrossFieldRules.class) {
            return violation.getMessage().contains("required") ? "Required" : "Format";
        }
        return constraint.getSimpleName();
    }

    /** What the customer typed; clear personal data, never log it. */
    public record Form(String customerId, String contact, String subject, String description, List<String> tags) {

        public Form {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        @Override
        public String toString() {
            return "Form[tags=" + tags + "]";
        }
    }

    /** One broken rule: the request field ({@code contact}, {@code description}, …) and the rule's code. */
    public record Problem(String field, String code) {
    }

    /** The accepted ticket as the customer may see it. */
    public record Receipt(String ticketNo, TicketStatus status, List<String> missingInfo, boolean replayed) {
    }

    /** Accepted, invalid, the key already used for another form, or the same form still being accepted. */
    public record Outcome(Kind kind, Receipt receipt, List<Problem> problems) {

        public enum Kind { ACCEPTED, INVALID, KEY_REUSED, IN_PROGRESS }

        static Outcome accepted(Receipt receipt) {
            return new Outcome(Kind.ACCEPTED, receipt, List.of());
        }

        static Outcome invalid(List<Problem> problems) {
            return new Outcome(Kind.INVALID, null, problems);
        }
    }
}
