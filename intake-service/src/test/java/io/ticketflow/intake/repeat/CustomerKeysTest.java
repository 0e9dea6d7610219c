package io.ticketflow.intake.repeat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CustomerKeysTest {

    @Test
    void a_phone_is_its_digits_without_the_country_code_and_an_email_is_lower_cased() {
        assertThat(CustomerKeys.normalise("+86 138-1234-5678")).isEqualTo("13812345678");
        assertThat(CustomerKeys.normalise("0086 13812345678")).isEqualTo("13812345678");
        assertThat(CustomerKeys.normalise(" Alice@Example.COM ")).isEqualTo("alice@example.com");
    }

    @Test
    void keys_are_fingerprints_of_the_customer_id_and_of_the_normalised_contact() {
        assertThat(CustomerKeys.of("c-1", "+86 13812345678", v -> "fp(" + v + ")"))
                .containsExactly("fp(customer:c-1)", "fp(contact:13812345678)");
        assertThat(CustomerKeys.of(null, null, v -> v)).isEmpty();
    }
}
