package io.ticketflow.feedback.survey;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.feedback.sentiment.*}: the lexicon a comment's negative-word share is measured against.
 *
 * @param negativeWords negative words and phrases, Chinese and English, case-insensitive
 */
@Validated
@ConfigurationProperties("ticketflow.feedback.sentiment")
record SentimentProperties(
        @DefaultValue({"差", "很差", "太差", "慢", "太慢", "糟糕", "失望", "不满", "不满意", "投诉", "垃圾", "没用", "敷衍",
                "生气", "愤怒", "拖延", "推诿", "态度差", "不专业", "无语", "烂", "坑", "骗",
                "bad", "slow", "terrible", "awful", "poor", "useless", "rude", "angry", "disappointed", "disappointing",
                "unhappy", "worst", "horrible", "broken", "waste", "annoying", "unacceptable", "unprofessional", "ignored",
                "never", "late", "wrong", "failed"}) List<String> negativeWords) {

    SentimentProperties {
        if (negativeWords.stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("ticketflow.feedback.sentiment.negative-words must not be empty");
        }
    }

    NegativeLexicon lexicon() {
        return new NegativeLexicon(negativeWords);
    }
}
