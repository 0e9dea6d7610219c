package io.ticketflow.intake.answers;

import io.ticketflow.events.Channel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The self-service API's bodies. */
final class AnswerRequests {

    private AnswerRequests() {
    }

    /** {@code POST /api/v1/answers}. */
    record Ask(@NotBlank @Size(max = 1000) String question, @NotNull Channel channel, @Size(max = 64) String customerId) {

        @Override
        public String toString() {
            return "Ask[channel=" + channel + ", customerId=" + customerId + "]";
        }
    }

    /** The answer to a question: the best articles, best first. */
    record Answers(String questionId, List<Offered> answers) {
    }

    /** One offered article. */
    record Offered(String articleId, String title, String answer, double score) {
    }

    /** {@code POST /api/v1/answers/{questionId}/acceptance}. */
    record Acceptance(@NotBlank @Size(max = 100) String articleId) {
    }
}
