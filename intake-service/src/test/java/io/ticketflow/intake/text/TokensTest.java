package io.ticketflow.intake.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void english_is_cut_into_lower_case_words_without_fillers() {
        assertThat(Tokens.of("The App crashes on my Login page!")).containsExactly("app", "crashes", "login", "page");
    }

    @Test
    void chinese_is_cut_into_characters_and_character_pairs() {
        assertThat(Tokens.of("退款到账")).containsExactly("退", "退款", "款", "款到", "到", "到账", "账");
        assertThat(Tokens.of("慢")).containsExactly("慢");
    }

    @Test
    void mixed_text_and_masking_stars_separate_words() {
        assertThat(Tokens.distinct("订单20261123001无法支付 138****5678"))
                .containsExactly("订", "订单", "单", "20261123001", "无", "无法", "法", "法支", "支", "支付", "付", "138",
                        "5678");
    }

    @Test
    void nothing_gives_no_tokens() {
        assertThat(Tokens.of(null)).isEmpty();
        assertThat(Tokens.of("  ,.!  ")).isEmpty();
    }

    @Test
    void jaccard_is_shared_over_all() {
        assertThat(Tokens.jaccard(Set.of("a", "b", "c"), Set.of("b", "c", "d"))).isEqualTo(0.5);
        assertThat(Tokens.jaccard(Set.of(), Set.of())).isZero();
        assertThat(Tokens.jaccard(Set.of("x"), Set.of("x"))).isEqualTo(1.0);
    }

    @Test
    void similar_subjects_in_either_language_reach_one_half_and_different_ones_do_not() {
        assertThat(Tokens.jaccard(Tokens.distinct("App crashes on login"), Tokens.distinct("app crashes at login again")))
                .isGreaterThanOrEqualTo(0.5);
        assertThat(Tokens.jaccard(Tokens.distinct("登录时闪退"), Tokens.distinct("登录闪退")))
                .isGreaterThanOrEqualTo(0.5);
        assertThat(Tokens.jaccard(Tokens.distinct("订单一直没有发货"), Tokens.distinct("订单还没有发货")))
                .isGreaterThanOrEqualTo(0.5);
        assertThat(Tokens.jaccard(Tokens.distinct("订单一直没有发货"), Tokens.distinct("退款一直没有到账")))
                .isLessThan(0.5);
        assertThat(Tokens.jaccard(Tokens.distinct("App crashes on login"), Tokens.distinct("Refund not received")))
                .isZero();
    }
}
