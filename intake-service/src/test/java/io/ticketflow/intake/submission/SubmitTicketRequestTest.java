package io.ticketflow.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.Channel;
import io.ticketflow.intake.web.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmitTicketRequestTest {

    private static SubmitTicketRequest request(String customerId, String contact, String subject, String description,
            List<String> tags) {
        return new SubmitTicketRequest(Channel.WEB, customerId, contact, subject, description, tags, null, null);
    }

    @Test
    void a_customer_id_or_a_contact_is_required() {
        assertThat(request(null, " ", null, "d", null).crossFieldProblems()).extracting(FieldProblem::field)
                .containsExactly("customerId", "contact");
        assertThat(request("c-1", null, null, "d", null).crossFieldProblems()).isEmpty();
        assertThat(request(null, "13812345678", null, "d", null).crossFieldProblems()).isEmpty();
        assertThat(request(null, "alice@example.com", null, "d", null).crossFieldProblems()).isEmpty();
        assertThat(request(null, "+86 138-1234-5678", null, "d", null).crossFieldProblems()).isEmpty();
    }

    @Test
    void a_contact_must_be_a_phone_or_an_email() {
        assertThat(request("c-1", "call me maybe", null, "d", null).crossFieldProblems())
                .containsExactly(new FieldProblem("contact", "must be a phone number or an email address"));
        assertThat(request("c-1", "123", null, "d", null).crossFieldProblems()).hasSize(1);
    }

    @Test
    void the_submission_is_normalised() {
        Submission submission = request(" c-1 ", " 13812345678 ", null, "  Payment fails\n\nwith error E1001  ",
                List.of("Billing", "billing", "VIP-Care")).toSubmission();

        assertThat(submission.customerId()).isEqualTo("c-1");
        assertThat(submission.contact()).isEqualTo("13812345678");
        assertThat(submission.description()).isEqualTo("Payment fails\n\nwith error E1001");
        assertThat(submission.subject()).isEqualTo("Payment fails with error E1001");
        assertThat(submission.tags()).containsExactly("billing", "vip-care");
        assertThat(submission.vip()).isFalse();
    }

    @Test
    void a_missing_subject_is_the_first_sixty_characters_of_the_description() {
        String description = "x".repeat(59) + "支付失败" + "y".repeat(100);

        Submission submission = request("c-1", null, null, description, null).toSubmission();

        assertThat(submission.subject()).isEqualTo("x".repeat(59) + "支");
        assertThat(request("c-1", null, " Given ", description, null).toSubmission().subject()).isEqualTo("Given");
    }

    @Test
    void the_canonical_form_ignores_what_normalisation_removes() {
        Submission a = request("c-1", null, null, "Payment fails", List.of("Billing")).toSubmission();
        Submission b = request(" c-1", null, "", " Payment fails ", List.of("billing")).toSubmission();
        Submission c = request("c-1", null, null, "Payment failed", List.of("billing")).toSubmission();

        assertThat(a.canonical()).isEqualTo(b.canonical()).isNotEqualTo(c.canonical());
    }

    @Test
    void nothing_personal_shows_in_its_string_form() {
        SubmitTicketRequest request = request("c-1", "13812345678", null, "call 13812345678", null);

        assertThat(request.toString()).doesNotContain("13812345678");
        assertThat(request.toSubmission().toString()).doesNotContain("13812345678");
    }
}
