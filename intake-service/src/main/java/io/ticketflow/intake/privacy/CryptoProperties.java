package io.ticketflow.intake.privacy;

import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.intake.crypto.*}: the key that encrypts contacts at rest.
 *
 * @param key   a 256-bit AES key, base64; set it from a secret ({@code TICKETFLOW_INTAKE_CRYPTO_KEY})
 *              everywhere except on a developer's machine
 * @param keyId a name for the key, stored with every ciphertext so a later rotation knows which key wrote it
 */
@Validated
@ConfigurationProperties("ticketflow.intake.crypto")
public record CryptoProperties(String key, @DefaultValue("local-dev") String keyId) {

    public CryptoProperties {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("ticketflow.intake.crypto.key is required (base64 of 32 random bytes)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ticketflow.intake.crypto.key is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("ticketflow.intake.crypto.key must be 32 bytes (AES-256), got " + bytes.length);
        }
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("ticketflow.intake.crypto.key-id must not be blank");
        }
    }

    byte[] keyBytes() {
        return Base64.getDecoder().decode(key.strip());
    }
}
