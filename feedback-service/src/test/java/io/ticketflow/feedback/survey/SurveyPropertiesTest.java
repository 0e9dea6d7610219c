package io.ticketflow.feedback.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SurveyPropertiesTest {

    @Test
    void a_link_is_the_public_base_url_and_the_token() {
        assertThat(new SurveyProperties(Duration.ofDays(7), URI.create("https://help.example.com")).linkFor("abc"))
                .isEqualTo("https://help.example.com/surveys/abc");
        assertThat(new SurveyProperties(Duration.ofDays(7), URI.create("https://help.example.com/feedback/")).linkFor("abc"))
                .isEqualTo("https://help.example.com/feedback/surveys/abc");
    }

    @Test
    void nonsense_is_refused_at_start_up() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SurveyProperties(Duration.ZERO, URI.create("http://x")));
        assertThatIllegalArgumentException().isThrownBy(() -> new SurveyProperties(Duration.ofDays(1), URI.create("/relative")));
        assertThatIllegalArgumentException().isThrownBy(() -> new SurveyProperties(Duration.ofDays(1), URI.create("ftp://x")));
    }
}
