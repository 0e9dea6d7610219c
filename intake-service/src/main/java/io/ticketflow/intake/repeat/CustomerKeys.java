package io.ticketflow.intake.repeat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The keys a customer's issues are kept under: a keyed fingerprint of the customer id and one of
 * the normalised contact, so a customer who once signs in and once writes from the same phone or
 * address is still recognised. The clear contact never leaves this method.
 */
final class CustomerKeys {

    private CustomerKeys() {
    }

    static List<String> of(String customerId, String contact, UnaryOperator<String> fingerprint) {
        List<String> keys = new ArrayList<>(2);
        if (customerId != null && !customerId.isBlank()) {
            keys.add(fingerprint.apply("customer:" + customerId.strip()));
        }
        if (contact != null && !contact.isBlank()) {
            keys.add(fingerprint.apply("contact:" + normalise(contact)));
        }
        return keys;
    }

    /** An email lower-cased; a phone number as its digits, without a leading 86/0086 country code. */
    static String normalise(String contact) {
        String c = contact.strip();
        if (c.indexOf('@') >= 0) {
            return c.toLowerCase(Locale.ROOT);
        }
        String digits = c.replaceAll("\\D", "");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits;
    }
}
