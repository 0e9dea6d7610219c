package io.ticketflow.intake.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ContactCipherTest {

    private static final byte[] KEY = Base64.getDecoder().decode("D0dInMeXJ6Mkq2s/MRwKG8A7xm0aZjV+tqloRIQ+HQI=");
    private final ContactCipher cipher = new ContactCipher(KEY);

    @Test
    void a_contact_survives_the_round_trip() {
        byte[] sealed = cipher.encrypt("13812345678", "ticket-1");

        assertThat(cipher.decrypt(sealed, "ticket-1")).isEqualTo("13812345678");
        assertThat(cipher.decrypt(cipher.encrypt("张三 alice@example.com", "t"), "t")).isEqualTo("张三 alice@example.com");
    }

    @Test
    void the_ciphertext_does_not_contain_the_clear_value_and_differs_every_time() {
        byte[] first = cipher.encrypt("13812345678", "ticket-1");
        byte[] second = cipher.encrypt("13812345678", "ticket-1");

        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("13812345678");
        assertThat(first).isNotEqualTo(second);
        assertThat(first.length).isEqualTo(12 + "13812345678".length() + 16); // nonce + text + tag
    }

    @Test
    void an_altered_ciphertext_is_refused() {
        byte[] sealed = cipher.encrypt("13812345678", "ticket-1");
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(sealed, "ticket-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("13812345678");
    }

    @Test
    void a_ciphertext_moved_to_another_ticket_is_refused() {
        byte[] sealed = cipher.encrypt("13812345678", "ticket-1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "ticket-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void another_key_cannot_read_it() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        byte[] sealed = cipher.encrypt("13812345678", "ticket-1");

        assertThatThrownBy(() -> new ContactCipher(otherKey).decrypt(sealed, "ticket-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fingerprints_are_stable_keyed_and_do_not_reveal_the_text() {
        String fingerprint = cipher.fingerprint("13812345678");
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;

        assertThat(cipher.fingerprint("13812345678")).isEqualTo(fingerprint).hasSize(64).doesNotContain("13812345678");
        assertThat(cipher.fingerprint("13812345679")).isNotEqualTo(fingerprint);
        assertThat(new ContactCipher(otherKey).fingerprint("13812345678")).isNotEqualTo(fingerprint);
    }

    @Test
    void only_a_256_bit_key_is_accepted() {
        assertThatThrownBy(() -> new CryptoProperties(Base64.getEncoder().encodeToString(new byte[16]), "k"))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new CryptoProperties("not base64!", "k")).hasMessageContaining("base64");
        assertThatThrownBy(() -> new CryptoProperties(null, "k")).hasMessageContaining("required");
        assertThat(new CryptoProperties("D0dInMeXJ6Mkq2s/MRwKG8A7xm0aZjV+tqloRIQ+HQI=", "k").keyBytes()).hasSize(32);
    }
}
