package io.ticketflow.intake.privacy;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for contact values. Every encryption draws a fresh 96-bit nonce; the ticket id is
 * bound in as associated data, so a ciphertext copied onto another ticket fails to decrypt.
 * Output layout: nonce (12 bytes) followed by ciphertext and the 128-bit tag.
 */
public final class ContactCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecretKeySpec fingerprintKey;
    private final SecureRandom random = new SecureRandom();

    public ContactCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        // a separate key for fingerprints, derived so that neither use can stand in for the other
        this.fingerprintKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"),
                "ticketflow-intake-fingerprint".getBytes(UTF_8)), "HmacSHA256");
    }

    /** Encrypts a clear value for one ticket. */
    public byte[] encrypt(String clear, String ticketId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ticketId.getBytes(UTF_8));
            byte[] sealed = cipher.doFinal(clear.getBytes(UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Decrypts what {@link #encrypt} wrote for the same ticket; fails if anything was altered. */
    public String decrypt(byte[] sealed, String ticketId) {
        if (sealed.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("ciphertext too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(ticketId.getBytes(UTF_8));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), UTF_8);
        } catch (GeneralSecurityException e) {
            // no ciphertext or key material in the message
            throw new IllegalStateException("contact cannot be decrypted: " + e.getClass().getSimpleName());
        }
    }

    /**
     * A keyed fingerprint (HMAC-SHA-256) of some text, hex: equal texts give equal fingerprints,
     * yet nobody without the key can test guesses against one, so it may be stored beside data
     * that holds personal details.
     */
    public String fingerprint(String text) {
        byte[] mac = hmac(fingerprintKey, text.getBytes(UTF_8));
        StringBuilder hex = new StringBuilder(mac.length * 2);
        for (byte b : mac) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
