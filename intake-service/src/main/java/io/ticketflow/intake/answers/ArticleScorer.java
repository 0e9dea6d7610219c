package io.ticketflow.intake.answers;

import io.ticketflow.intake.text.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks articles for a question with BM25 (k1 = 1.2, b = 0.75) over {@link Tokens}: English
 * words and Chinese character bigrams, so "退款多久到账" finds an article on 退款 and "how long
 * does a refund take" one on refunds. Plain Java; the knowledge base is small enough to score whole.
 */
final class ArticleScorer {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private ArticleScorer() {
    }

    /** The articles that share words with the question, best first, with their scores (rounded to 3 places). */
    static List<Scored> rank(String question, List<Article> articles) {
        Set<String> terms = Tokens.distinct(question);
        if (terms.isEmpty() || articles.isEmpty()) {
            return List.of();
        }
        List<Map<String, Integer>> frequencies = new ArrayList<>(articles.size());
        List<Integer> lengths = new ArrayList<>(articles.size());
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (Article article : articles) {
            List<String> tokens = Tokens.of(article.searchable());
            Map<String, Integer> tf = new HashMap<>();
            tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
            tf.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
            frequencies.add(tf);
            lengths.add(tokens.size());
        }
        double averageLength = lengths.stream().mapToInt(Integer::intValue).average().orElse(1);
        int n = articles.size();
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double score = 0;
            for (String term : terms) {
                int tf = frequencies.get(i).getOrDefault(term, 0);
                if (tf == 0) {
                    continue;
                }
                int df = documentFrequency.get(term);
                double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
                score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths.get(i) / averageLength));
            }
            if (score > 0) {
                scored.add(new Scored(articles.get(i), Math.round(score * 1000) / 1000.0));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.article().id()));
        return scored;
    }

    /** An article and how well it matches. */
    record Scored(Article article, double score) {
    }
}
