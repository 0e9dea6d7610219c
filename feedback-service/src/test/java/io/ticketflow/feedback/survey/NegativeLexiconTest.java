package io.ticketflow.feedback.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NegativeLexiconTest {

    private final NegativeLexicon lexicon = new NegativeLexicon(List.of("slow", "Rude", "太慢", "态度差", "差", " "));

    @Test
    void english_words_are_counted_case_insensitively() {
        assertThat(lexicon.negativeShare("The agent was RUDE and slow")).isEqualTo(0.333);
        assertThat(lexicon.negativeShare("Quick and friendly")).isEqualTo(0.0);
    }

    @Test
    void chinese_counts_each_character_once_however_many_terms_cover_it() {
        // 6 Han characters; 太慢 covers 2, 态度差 covers 3 (差 again adds nothing)
        assertThat(lexicon.negativeShare("太慢了，态度差")).isEqualTo(0.833);
        assertThat(lexicon.negativeShare("很好")).isEqualTo(0.0);
    }

    @Test
    void mixed_comments_count_words_and_characters_together() {
        // words: app, 太, 慢, 了 -> 2 of 4
        assertThat(lexicon.negativeShare("app 太慢了")).isEqualTo(0.5);
    }

    @Test
    void no_comment_or_no_words_has_no_share() {
        assertThat(lexicon.negativeShare(null)).isNull();
        assertThat(lexicon.negativeShare("   ")).isNull();
        assertThat(lexicon.negativeShare("!!! ...")).isNull();
    }

    @Test
    void the_default_lexicon_knows_chinese_and_english() {
        NegativeLexicon defaults = new SentimentProperties(List.of("差", "bad")).lexicon();
        assertThat(defaults.negativeShare("bad")).isEqualTo(1.0);
        assertThat(defaults.negativeShare("差")).isEqualTo(1.0);
    }
}
