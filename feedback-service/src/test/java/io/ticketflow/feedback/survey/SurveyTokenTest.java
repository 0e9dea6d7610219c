package io.ticketflow.feedback.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurveyTokenTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void a_token_is_32_random_bytes_in_unpadded_base64url() {
        String token = SurveyToken.generate(random);

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(SurveyToken.isWellFormed(token)).isTrue();
    }

    @Test
    void tokens_do_not_repeat() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            tokens.add(SurveyToken.generate(random));
        }
        assertThat(tokens).hasSize(10_000);
    }

    @Test
    void anything_else_is_not_a_token() {
        assertThat(SurveyToken.isWellFormed(null)).isFalse();
        assertThat(SurveyToken.isWellFormed("")).isFalse();
        assertThat(SurveyToken.isWellFormed("A".repeat(42))).isFalse();
        assertThat(SurveyToken.isWellFormed("A".repeat(44))).isFalse();
        assertThat(SurveyToken.isWellFormed("A".repeat(42) + "=")).isFalse();
        assertThat(SurveyToken.isWellFormed("A".repeat(42) + "+")).isFalse();
        assertThat(SurveyToken.isWellFormed("A".repeat(42) + "/")).isFalse();
    }
}
