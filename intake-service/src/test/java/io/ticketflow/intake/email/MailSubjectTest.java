package io.ticketflow.intake.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailSubjectTest {

    @Test
    void a_reply_names_its_ticket() {
        assertThat(MailSubject.ticketNo("Re: [202611-000123] Cannot pay")).contains("202611-000123");
        assertThat(MailSubject.ticketNo("回复：[202612-000001] 订单未到")).contains("202612-000001");
        assertThat(MailSubject.ticketNo("About ticket 202601-004711, still broken")).contains("202601-004711");
    }

    @Test
    void numbers_that_are_not_ticket_numbers_are_ignored() {
        assertThat(MailSubject.ticketNo("Order 20261123001 missing")).isEmpty();
        assertThat(MailSubject.ticketNo("[202613-000123] month 13")).isEmpty();
        assertThat(MailSubject.ticketNo("[1202611-000123] too long")).isEmpty();
        assertThat(MailSubject.ticketNo("[202611-0001234] too long")).isEmpty();
        assertThat(MailSubject.ticketNo(null)).isEmpty();
    }

    @Test
    void reply_and_forward_prefixes_are_dropped() {
        assertThat(MailSubject.withoutPrefixes("Re: RE: Fwd:  Cannot   pay")).isEqualTo("Cannot pay");
        assertThat(MailSubject.withoutPrefixes("回复：转发: 订单未到")).isEqualTo("订单未到");
        assertThat(MailSubject.withoutPrefixes("AW: Rechnung")).isEqualTo("Rechnung");
        assertThat(MailSubject.withoutPrefixes("Recipe for reset")).isEqualTo("Recipe for reset");
    }

    @Test
    void the_answer_carries_the_ticket_number_once_in_brackets() {
        assertThat(MailSubject.answering("202611-000123", "Cannot pay")).isEqualTo("[202611-000123] Cannot pay");
        assertThat(MailSubject.answering("202611-000123", "Re: [202611-000123] Cannot pay"))
                .isEqualTo("[202611-000123] Cannot pay");
        assertThat(MailSubject.answering("202611-000123", "")).isEqualTo("[202611-000123] Your request / 您的工单");
    }

    @Test
    void only_the_new_part_of_a_reply_is_kept() {
        String reply = "Here is the screenshot you asked for.\n\nOn Mon, 23 Nov 2026 at 10:00, Support wrote:\n> Please send a screenshot";
        assertThat(QuotedText.newPart(reply)).isEqualTo("Here is the screenshot you asked for.");
        assertThat(QuotedText.newPart("补充：订单号 20261123001\n\n在 2026年11月23日 客服 写道：\n> 请提供订单号"))
                .isEqualTo("补充：订单号 20261123001");
        assertThat(QuotedText.newPart("Still broken\n> old line\n-----Original Message-----\nFrom: x"))
                .isEqualTo("Still broken");
        assertThat(QuotedText.newPart("> only a quote")).isEqualTo("> only a quote");
    }
}
