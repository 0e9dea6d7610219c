package io.ticketflow.intake.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleScorerTest {

    private static final List<Article> ARTICLES = List.of(
            article("order-en", "Where is my order? How to check order status and delivery tracking",
                    "Open My Orders to see the status and the tracking number.", "logistics"),
            article("refund-en", "How long does a refund take?",
                    "Refunds are paid within 3 to 5 working days.", "refund"),
            article("password-en", "I forgot my password - how do I reset my password?",
                    "Choose Forgot password on the sign-in page.", "account"),
            article("refund-zh", "退款多久到账？", "收到退货后3至5个工作日内原路退款。", "refund"),
            article("password-zh", "忘记密码怎么办？如何重置密码", "在登录页点击“忘记密码”。", "account"),
            article("return-zh", "退货政策：如何申请退货？", "商品签收后7天内可申请退货。", "return"));

    @Test
    void an_english_question_finds_the_english_article_first() {
        List<ArticleScorer.Scored> ranked = ArticleScorer.rank("How many days until I get my refund?", ARTICLES);

        assertThat(ranked).isNotEmpty();
        assertThat(ranked.get(0).article().id()).isEqualTo("refund-en");
    }

    @Test
    void a_chinese_question_finds_the_chinese_article_first() {
        assertThat(ArticleScorer.rank("我的退款什么时候到账", ARTICLES).get(0).article().id()).isEqualTo("refund-zh");
        assertThat(ArticleScorer.rank("密码忘了，怎么重置", ARTICLES).get(0).article().id()).isEqualTo("password-zh");
    }

    @Test
    void the_ranking_is_best_first_and_unrelated_articles_are_left_out() {
        List<ArticleScorer.Scored> ranked = ArticleScorer.rank("reset password", ARTICLES);

        assertThat(ranked).extracting(s -> s.article().id()).containsExactly("password-en");
        assertThat(ranked.get(0).score()).isPositive();
    }

    @Test
    void a_question_sharing_no_word_finds_nothing() {
        assertThat(ArticleScorer.rank("weather tomorrow", ARTICLES)).isEmpty();
        assertThat(ArticleScorer.rank("  ", ARTICLES)).isEmpty();
        assertThat(ArticleScorer.rank("refund", List.of())).isEmpty();
    }

    @Test
    void rarer_words_weigh_more_than_common_ones() {
        List<ArticleScorer.Scored> ranked = ArticleScorer.rank("order refund", List.of(
                article("a", "order order", "order", "x"),
                article("b", "order refund", "order", "x"),
                article("c", "order", "order", "x")));

        assertThat(ranked.get(0).article().id()).isEqualTo("b");
    }

    private static Article article(String id, String title, String answer, String tag) {
        return new Article(id, title, answer, List.of(tag), Article.languageOf(title), null, null, null, Instant.EPOCH);
    }
}
