package io.ticketflow.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.TicketType;
import io.ticketflow.intake.submission.ChannelSubmission.Attachment;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a non-HTTP channel's submission becomes before the shared submission path sees it. */
class ChannelSubmissionsTest {

    private final RequiredEvidence evidence = new RequiredEvidence(new EvidenceProperties(Set.of(TicketType.FUNCTION),
            "(?<![A-Za-z0-9])[A-Z]{1,4}-?\\d{3,}(?![0-9])", List.of("billing", "logistics"), "(?i)(?:order|订单)[^\\d\\n]{0,16}\\d{4,}"));

    @Test
    void a_screenshot_stands_in_for_an_error_code_but_not_for_an_order_id() {
        assertThat(evidence.missing(TicketType.FUNCTION, "The app crashes", List.of(), true)).isEmpty();
        assertThat(evidence.missing(TicketType.FUNCTION, "The app crashes", List.of(), false)).containsExactly("errorCode");
        assertThat(evidence.missing(TicketType.FUNCTION, "Cannot pay", List.of("billing"), true)).containsExactly("orderId");
    }

    @Test
    void only_images_count_as_screenshots() {
        assertThat(new Attachment("screen.png", "image/png", 10).image()).isTrue();
        assertThat(new Attachment("log.txt", "text/plain", 10).image()).isFalse();
        assertThat(new Attachment("x", null, 10).image()).isFalse();
    }

    @Test
    void attachments_are_listed_after_the_text_with_readable_sizes() {
        String description = ChannelSubmissions.describe("It crashes.", List.of(
                new Attachment("screen.png", "image/png", 2048), new Attachment("log.txt", "text/plain", 512),
                new Attachment("video.mp4", "video/mp4", 3 * 1024 * 1024)));

        assertThat(description).isEqualTo("""
                It crashes.

                Attachments / 附件:
                - screen.png (image/png, 2.0 KB)
                - log.txt (text/plain, 512 B)
                - video.mp4 (video/mp4, 3.0 MB)""");
    }

    @Test
    void a_mail_with_only_attachments_still_describes_itself() {
        assertThat(ChannelSubmissions.describe("  ", List.of(new Attachment("a.png", "image/png", 1))))
                .startsWith("(see attachments / 见附件)").contains("a.png");
    }

    @Test
    void the_description_keeps_within_the_api_limit_and_keeps_the_listing() {
        String description = ChannelSubmissions.describe("x".repeat(20_000), List.of(new Attachment("a.png", "image/png", 1)));

        assertThat(description).hasSizeLessThanOrEqualTo(ChannelSubmissions.MAX_DESCRIPTION).endsWith("- a.png (image/png, 1 B)");
    }
}
