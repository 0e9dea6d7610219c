package io.ticketflow.intake.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a text, for comparing subjects and matching questions to articles. Latin
 * letters and digits form words (lower-cased, a few filler words dropped); Chinese, written
 * without spaces, is cut into its characters and its overlapping character pairs (bigrams): the
 * pairs carry the words, the characters keep two short subjects that differ by one inserted
 * character similar. Masking stars and punctuation separate words.
 */
public final class Tokens {

    private static final Set<String> FILLER = Set.of("a", "an", "the", "is", "are", "was", "i", "my", "me", "to", "of",
            "and", "or", "in", "on", "for", "it", "with", "please", "hi", "hello", "的", "了", "吗", "呢", "我");

    private Tokens() {
    }

    /** The distinct tokens of a text; an empty set for null or blank. */
    public static Set<String> distinct(String text) {
        return new LinkedHashSet<>(of(text));
    }

    /** The tokens of a text in order, repeats kept (for term frequencies); empty for null or blank. */
    public static List<String> of(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        StringBuilder han = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (isHan(cp)) {
                flushWord(word, tokens);
                han.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                flushHan(han, tokens);
                word.appendCodePoint(cp);
            } else {
                flushWord(word, tokens);
                flushHan(han, tokens);
            }
        }
        flushWord(word, tokens);
        flushHan(han, tokens);
        return tokens;
    }

    /** Jaccard similarity of two token sets: shared tokens over all tokens, 0 when both are empty. */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return (double) shared.size() / (a.size() + b.size() - shared.size());
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static void flushWord(StringBuilder word, List<String> tokens) {
        if (!word.isEmpty()) {
            String w = word.toString();
            if (!FILLER.contains(w)) {
                tokens.add(w);
            }
            word.setLength(0);
        }
    }

    private static void flushHan(StringBuilder han, List<String> tokens) {
        if (han.isEmpty()) {
            return;
        }
        int[] cps = han.codePoints().filter(cp -> !FILLER.contains(new String(Character.toChars(cp)))).toArray();
        for (int i = 0; i < cps.length; i++) {
            tokens.add(new String(cps, i, 1));
            if (i + 1 < cps.length) {
                tokens.add(new String(cps, i, 2));
            }
        }
        han.setLength(0);
    }
}
