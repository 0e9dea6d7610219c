package io.ticketflow.intake.repeat;

import io.ticketflow.intake.text.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a new ticket repeats earlier ones of the same customer. Two tickets are on the same
 * issue when they quote the same order id, or have the same type and similar subjects (token
 * Jaccard at least the threshold). The newest such earlier ticket within the counting window is
 * the one repeated; it is a 24-hour repeat when it is younger than the link window.
 */
final class RepeatRule {

    static final String ORDER_ID = "orderId";
    static final String TYPE_AND_SUBJECT = "type+subject";

    private final double similarity;
    private final Duration linkWindow;
    private final Duration countWindow;

    RepeatRule(double similarity, Duration linkWindow, Duration countWindow) {
        this.similarity = similarity;
        this.linkWindow = linkWindow;
        this.countWindow = countWindow;
    }

    /** The repeat the new issue makes, if any; issues not older than it (and itself) are ignored. */
    Optional<Repeat> judge(PastIssue issue, Collection<PastIssue> history) {
        Instant since = issue.createdAt().minus(countWindow);
        List<Matched> same = history.stream()
                .filter(p -> !p.ticketId().equals(issue.ticketId()))
                .filter(p -> p.createdAt().isBefore(issue.createdAt()) && !p.createdAt().isBefore(since))
                .map(p -> new Matched(p, matchedOn(issue, p)))
                .filter(m -> m.on() != null)
                .sorted(Comparator.comparing((Matched m) -> m.issue().createdAt()).reversed())
                .toList();
        if (same.isEmpty()) {
            return Optional.empty();
        }
        Matched latest = same.get(0);
        boolean within24h = latest.issue().createdAt().isAfter(issue.createdAt().minus(linkWindow));
        return Optional.of(new Repeat(latest.issue(), within24h, same.size() + 1, latest.on()));
    }

    private String matchedOn(PastIssue a, PastIssue b) {
        Set<String> orders = new HashSet<>(a.orderKeys());
        orders.retainAll(b.orderKeys());
        if (!orders.isEmpty()) {
            return ORDER_ID;
        }
        if (a.type() == b.type()
                && Tokens.jaccard(Set.copyOf(a.subjectTokens()), Set.copyOf(b.subjectTokens())) >= similarity) {
            return TYPE_AND_SUBJECT;
        }
        return null;
    }

    /** The earlier issue repeated, whether within the link window, how many in the counting window (this one included), and why. */
    record Repeat(PastIssue earlier, boolean within24h, int contactsInWindow, String matchedOn) {
    }

    private record Matched(PastIssue issue, String on) {
    }
}
