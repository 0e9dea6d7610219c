package io.ticketflow.feedback.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SurveyAnswerTest {

    @Test
    void ratings_are_one_to_five_and_nps_zero_to_ten() {
        assertThat(new SurveyAnswer(1, 0, null).rating()).isEqualTo(1);
        assertThat(new SurveyAnswer(5, 10, null).npsScore()).isEqualTo(10);
        assertThatIllegalArgumentException().isThrownBy(() -> new SurveyAnswer(0, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new SurveyAnswer(6, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new SurveyAnswer(3, -1, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new SurveyAnswer(3, 11, null));
    }

    @Test
    void a_comment_is_masked_and_a_blank_one_is_none() {
        assertThat(new SurveyAnswer(2, null, "  ring 13812345678 please ").comment()).isEqualTo("ring 138****5678 please");
        assertThat(new SurveyAnswer(2, null, "   ").comment()).isNull();
    }

    @Test
    void a_comment_is_at_most_2000_characters() {
        assertThat(new SurveyAnswer(2, null, "x".repeat(2000)).comment()).hasSize(2000);
        assertThatIllegalArgumentException().isThrownBy(() -> new SurveyAnswer(2, null, "x".repeat(2001)));
    }
}
