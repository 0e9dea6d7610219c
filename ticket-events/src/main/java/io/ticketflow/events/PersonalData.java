package io.ticketflow.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masking of personal data ("脱敏"): phone numbers, email addresses, national id numbers and
 * bank card numbers. Used for every log line, every event that leaves intake, every dead-letter
 * record and every view for people who do not need the clear value.
 */
public final class PersonalData {

    private static final Pattern EMAIL = Pattern.compile("([\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]*@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)");
    /** Mainland resident id: 17 digits and a digit or X. */
    private static final Pattern NATIONAL_ID = Pattern.compile("(?<![\\p{Alnum}])(\\d{3})\\d{11}(\\d{3}[\\dXx])(?![\\p{Alnum}])");
    /** Bank cards: 16–19 digits, optionally grouped by spaces or dashes. */
    private static final Pattern BANK_CARD = Pattern.compile("(?<![\\d])(\\d{4})(?:[ -]?\\d){8,11}([ -]?\\d{4})(?![\\d])");
    /** Mainland mobile numbers, with or without +86. */
    private static final Pattern MOBILE = Pattern.compile("(?<![\\d+])((?:\\+?86[ -]?)?1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");
    /** Other international numbers written with a leading +. */
    private static final Pattern INTERNATIONAL = Pattern.compile("(?<![\\d+])(\\+\\d{1,3})[ -]?[\\d -]{4,12}(\\d{4})(?!\\d)");

    private PersonalData() {
    }

    /** Masks every piece of personal data found in free text; null stays null. */
    public static String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(EMAIL, text, m -> m.group(1) + "***@" + m.group(2));
        masked = replace(NATIONAL_ID, masked, m -> m.group(1) + "*".repeat(11) + m.group(2));
        masked = replace(BANK_CARD, masked, m -> m.group(1) + " **** **** " + m.group(2).replaceAll("[ -]", ""));
        masked = replace(MOBILE, masked, m -> m.group(1) + "****" + m.group(2));
        masked = replace(INTERNATIONAL, masked, m -> m.group(1) + " ****" + m.group(2));
        return masked;
    }

    /** Masks a single contact value, e.g. {@code 13812345678 → 138****5678}, {@code alice@example.com → a***@example.com}. */
    public static String maskContact(String contact) {
        if (contact == null || contact.isBlank()) {
            return contact;
        }
        String masked = maskText(contact.strip());
        if (masked.equals(contact.strip()) && contact.strip().length() > 4) {
            // something we do not recognise: keep only the last four characters
            String c = contact.strip();
            return "*".repeat(Math.min(c.length() - 4, 8)) + c.substring(c.length() - 4);
        }
        return masked;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
