package io.ticketflow.feedback.survey;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How negative a comment reads: the share of its words found in a lexicon of negative words, in
 * Chinese and English. Latin-script text is split into words; Chinese has no spaces, so every Han
 * character counts as one word and a lexicon term covers as many words as it has characters (each
 * character counted once, however many terms cover it). {@code 太慢了，态度差} is 6 words of which
 * 太慢 and 态度差 cover 5: 0.833.
 */
final class NegativeLexicon {

    private static final Pattern WORD = Pattern.compile("\\p{IsHan}|[\\p{L}\\p{N}']+");

    private final Set<String> latinWords;
    private final List<String> hanTerms;

    NegativeLexicon(Collection<String> negativeWords) {
        this.latinWords = negativeWords.stream().map(String::strip).filter(w -> !w.isEmpty() && !containsHan(w))
                .map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.hanTerms = negativeWords.stream().map(String::strip).filter(NegativeLexicon::containsHan).distinct().toList();
    }

    /**
     * The share 0–1 of the comment's words that are negative, rounded to three decimals; null
     * without a comment or when it has no words at all.
     */
    @Nullable Double negativeShare(@Nullable String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        int words = 0;
        int negative = 0;
        Matcher matcher = WORD.matcher(comment);
        while (matcher.find()) {
            words++;
            String word = matcher.group();
            if (!containsHan(word) && latinWords.contains(word.toLowerCase(Locale.ROOT))) {
                negative++;
            }
        }
        if (words == 0) {
            return null;
        }
        negative += coveredHanCharacters(comment);
        return Math.round(1000.0 * negative / words) / 1000.0;
    }

    private int coveredHanCharacters(String comment) {
        boolean[] covered = new boolean[comment.length()];
        for (String term : hanTerms) {
            for (int at = comment.indexOf(term); at >= 0; at = comment.indexOf(term, at + 1)) {
                for (int i = at; i < at + term.length(); i++) {
                    covered[i] = true;
                }
            }
        }
        int count = 0;
        for (int i = 0; i < covered.length; i++) {
            if (covered[i] && isHan(comment.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static boolean containsHan(String text) {
        return text.chars().anyMatch(c -> isHan((char) c));
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
