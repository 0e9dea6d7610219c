package io.ticketflow.feedback.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SurveyFormTest {

    @Test
    void a_rating_with_optional_nps_and_comment_is_an_answer() {
        SurveyForm form = new SurveyForm("4", "", "fine, call 13812345678");
        assertThat(form.errors()).isEmpty();
        assertThat(form.toAnswer()).isEqualTo(new SurveyAnswer(4, null, "fine, call 138****5678"));
        assertThat(new SurveyForm("1", "10", null).toAnswer()).isEqualTo(new SurveyAnswer(1, 10, null));
    }

    @Test
    void each_bad_field_is_named_with_its_message() {
        assertThat(new SurveyForm(null, null, null).errors()).containsOnlyKeys("rating");
        assertThat(new SurveyForm("6", "11", "x".repeat(2001)).errors())
                .containsEntry("rating", "error.rating")
                .containsEntry("npsScore", "error.npsScore")
                .containsEntry("comment", "error.comment");
        assertThat(new SurveyForm("four", "-1", null).errors()).containsOnlyKeys("rating", "npsScore");
        assertThat(new SurveyForm("2.5", null, null).errors()).containsOnlyKeys("rating");
    }
}
