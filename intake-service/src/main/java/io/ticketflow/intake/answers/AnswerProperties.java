package io.ticketflow.intake.answers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.intake.answers.*}: the self-service knowledge base.
 *
 * @param maxAnswers      most articles offered for one question
 * @param minScore        least BM25 score an article needs to be offered
 * @param satisfiedRating least rating (of 5) whose ticket's resolution is archived as an article
 * @param questionRetention how long a question (and whether it was accepted) is kept
 * @param seed            standard articles written into the knowledge base at start-up (once each, by id)
 */
@Validated
@ConfigurationProperties("ticketflow.intake.answers")
record AnswerProperties(
        @DefaultValue("3") @Min(1) @Max(10) int maxAnswers,
        @DefaultValue("0.2") @PositiveOrZero double minScore,
        @DefaultValue("4") @Min(1) @Max(5) int satisfiedRating,
        @DefaultValue("30d") @NotNull Duration questionRetention,
        List<@Valid SeedArticle> seed) {

    AnswerProperties {
        seed = seed == null ? List.of() : List.copyOf(seed);
    }

    /** A standard article. */
    record SeedArticle(@NotBlank String id, @NotBlank String title, @NotBlank String answer, List<String> tags,
            @NotBlank String language) {
    }
}
