package io.ticketflow.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InfoSupplementTest {

    private static final List<String> BOTH = List.of("errorCode", "orderId");

    @Test
    void an_order_id_answers_only_the_missing_order_id() {
        InfoSupplement supplement = new InfoSupplement("20261123001", null, List.of(), null);

        assertThat(supplement.provided()).containsExactly("orderId");
        assertThat(supplement.stillMissing(BOTH)).containsExactly("errorCode");
    }

    @Test
    void a_screenshot_answers_a_missing_error_code() {
        InfoSupplement supplement = new InfoSupplement(null, null,
                List.of(new InfoSupplement.Attachment("screen.png", 20480)), null);

        assertThat(supplement.provided()).containsExactly("attachments");
        assertThat(supplement.stillMissing(BOTH)).containsExactly("orderId");
    }

    @Test
    void everything_answered_leaves_nothing_missing() {
        InfoSupplement supplement = new InfoSupplement("20261123001", "E1001", List.of(), "here you go");

        assertThat(supplement.provided()).containsExactly("orderId", "errorCode");
        assertThat(supplement.stillMissing(BOTH)).isEmpty();
    }

    @Test
    void a_note_alone_answers_nothing() {
        InfoSupplement supplement = new InfoSupplement(null, null, null, "I will look for it");

        assertThat(supplement.provided()).isEmpty();
        assertThat(supplement.stillMissing(BOTH)).containsExactlyElementsOf(BOTH);
    }
}
