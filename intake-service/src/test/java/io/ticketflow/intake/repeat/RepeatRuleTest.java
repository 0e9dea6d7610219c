package io.ticketflow.intake.repeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.TicketType;
import io.ticketflow.intake.text.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final RepeatRule rule = new RepeatRule(0.5, Duration.ofHours(24), Duration.ofDays(30));

    @Test
    void the_same_order_within_a_day_is_a_24h_repeat_whatever_the_subject() {
        PastIssue earlier = issue("t1", TicketType.SERVICE, "Where is my parcel", List.of("o-1"), NOW.minusSeconds(3600));
        PastIssue now = issue("t2", TicketType.FUNCTION, "Payment error", List.of("o-1"), NOW);

        RepeatRule.Repeat repeat = rule.judge(now, List.of(earlier)).orElseThrow();

        assertThat(repeat.earlier().ticketId()).isEqualTo("t1");
        assertThat(repeat.within24h()).isTrue();
        assertThat(repeat.contactsInWindow()).isEqualTo(2);
        assertThat(repeat.matchedOn()).isEqualTo(RepeatRule.ORDER_ID);
    }

    @Test
    void same_type_and_similar_subject_in_chinese_is_a_repeat() {
        PastIssue earlier = issue("t1", TicketType.FUNCTION, "登录时闪退", List.of(), NOW.minus(Duration.ofHours(2)));
        PastIssue now = issue("t2", TicketType.FUNCTION, "登录闪退", List.of(), NOW);

        assertThat(rule.judge(now, List.of(earlier))).hasValueSatisfying(r ->
                assertThat(r.matchedOn()).isEqualTo(RepeatRule.TYPE_AND_SUBJECT));
    }

    @Test
    void a_similar_subject_of_another_type_or_a_different_subject_is_no_repeat() {
        PastIssue otherType = issue("t1", TicketType.SERVICE, "App crashes on login", List.of(), NOW.minusSeconds(60));
        PastIssue otherSubject = issue("t2", TicketType.FUNCTION, "Refund not received", List.of(), NOW.minusSeconds(60));
        PastIssue now = issue("t3", TicketType.FUNCTION, "App crashes at login", List.of(), NOW);

        assertThat(rule.judge(now, List.of(otherType, otherSubject))).isEmpty();
    }

    @Test
    void an_older_match_within_30_days_counts_but_is_not_a_24h_repeat_and_the_newest_is_the_one_repeated() {
        PastIssue fiveDays = issue("t1", TicketType.FUNCTION, "App crashes on login", List.of(), NOW.minus(Duration.ofDays(5)));
        PastIssue twoDays = issue("t2", TicketType.FUNCTION, "App crashes on login", List.of(), NOW.minus(Duration.ofDays(2)));
        PastIssue fortyDays = issue("t0", TicketType.FUNCTION, "App crashes on login", List.of(), NOW.minus(Duration.ofDays(40)));
        PastIssue now = issue("t3", TicketType.FUNCTION, "App crashes on login", List.of(), NOW);

        RepeatRule.Repeat repeat = rule.judge(now, List.of(fiveDays, fortyDays, twoDays)).orElseThrow();

        assertThat(repeat.earlier().ticketId()).isEqualTo("t2");
        assertThat(repeat.within24h()).isFalse();
        assertThat(repeat.contactsInWindow()).isEqualTo(3);
    }

    @Test
    void the_ticket_itself_and_later_tickets_are_never_the_earlier_one() {
        PastIssue now = issue("t1", TicketType.FUNCTION, "App crashes on login", List.of("o"), NOW);
        PastIssue later = issue("t2", TicketType.FUNCTION, "App crashes on login", List.of("o"), NOW.plusSeconds(1));

        assertThat(rule.judge(now, List.of(now, later))).isEmpty();
    }

    @Test
    void exactly_24_hours_is_no_longer_within_24h() {
        PastIssue earlier = issue("t1", TicketType.FUNCTION, "x", List.of("o"), NOW.minus(Duration.ofHours(24)));
        PastIssue now = issue("t2", TicketType.FUNCTION, "y", List.of("o"), NOW);

        assertThat(rule.judge(now, List.of(earlier)).orElseThrow().within24h()).isFalse();
    }

    private static PastIssue issue(String id, TicketType type, String subject, List<String> orders, Instant at) {
        return new PastIssue(id, "202611-" + id, type, List.copyOf(Tokens.distinct(subject)), orders, at);
    }
}
