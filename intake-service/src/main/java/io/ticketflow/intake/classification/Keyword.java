package io.ticketflow.intake.classification;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One configured keyword. Latin keywords match at the start of a word, so {@code fail} finds
 * "fails" and "failed" while {@code bug} does not find "debug"; words of a phrase may be
 * separated by any whitespace. Chinese keywords match anywhere, as Chinese has no spaces.
 */
final class Keyword {

    private final String text;
    private final Pattern pattern;

    Keyword(String text) {
        this.text = text.strip().toLowerCase(Locale.ROOT);
        this.pattern = isLatin(this.text) ? wordStart(this.text) : Pattern.compile(Pattern.quote(this.text));
    }

    String text() {
        return text;
    }

    /** Whether the keyword occurs in text that is already lower case. */
    boolean occursIn(String lowerCaseText) {
        return pattern.matcher(lowerCaseText).find();
    }

    private static boolean isLatin(String keyword) {
        return keyword.chars().allMatch(c -> c < 0x250);
    }

    private static Pattern wordStart(String keyword) {
        String[] words = keyword.split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
