package io.ticketflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void a_mainland_mobile_number_keeps_its_first_three_and_last_four_digits() {
        assertThat(PersonalData.maskContact("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalData.maskText("call me on +86 13812345678 please")).doesNotContain("13812345678").contains("5678");
    }

    @Test
    void an_email_keeps_its_first_letter_and_domain() {
        assertThat(PersonalData.maskContact("alice@example.com")).isEqualTo("a***@example.com");
        assertThat(PersonalData.maskText("邮箱 zhang.san@mail.cn 联系")).isEqualTo("邮箱 z***@mail.cn 联系");
    }

    @Test
    void national_id_and_bank_card_numbers_are_masked_in_free_text() {
        String text = "身份证 110101199003071234 银行卡 6222 0212 3456 7890 123";
        String masked = PersonalData.maskText(text);
        assertThat(masked).doesNotContain("199003071234").doesNotContain("3456 7890").contains("110", "1234");
    }

    @Test
    void ticket_numbers_error_codes_and_order_ids_are_left_alone() {
        String text = "Ticket 202611-000001, error E1001, order 98765432";
        assertThat(PersonalData.maskText(text)).isEqualTo(text);
    }

    @Test
    void an_unrecognised_contact_keeps_only_its_last_four_characters() {
        assertThat(PersonalData.maskContact("wechat:abcdef1234")).isEqualTo("********1234");
        assertThat(PersonalData.maskContact(null)).isNull();
    }
}
