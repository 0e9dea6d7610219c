package io.ticketflow.intake.repeat;

import io.ticketflow.intake.text.Tokens;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.intake.privacy.ContactCipher;
import io.ticketflow.intake.ticket.TicketLinks;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a ticket is accepted: remember it among its customer's issues and, when it repeats an
 * earlier one, link the two with RepeatContactDetected (published through the ticket's command
 * lease, so it takes the next free sequence). Only keyed fingerprints of the customer and of
 * order ids are kept, never the clear contact.
 */
public class RepeatDetection {

    private static final Logger log = LoggerFactory.getLogger(RepeatDetection.class);

    private final CustomerIssues issues;
    private final TicketLinks links;
    private final ContactCipher cipher;
    private final RepeatRule rule;
    private final RepeatProperties properties;
    private final Pattern orderId;

    RepeatDetection(CustomerIssues issues, TicketLinks links, ContactCipher cipher, RepeatProperties properties) {
        this.issues = issues;
        this.links = links;
        this.cipher = cipher;
        this.properties = properties;
        this.rule = new RepeatRule(properties.similarity(), properties.linkWindow(), properties.countWindow());
        this.orderId = properties.orderIdPattern();
    }

    /**
     * Checks a just-accepted ticket.
     *
     * @param created      the published TicketCreated (masked)
     * @param clearContact the contact as the customer gave it, or null; only its fingerprint is used
     * @param clearText    the subject and description as given, searched for order ids
     * @return the repeat found, if any
     */
    public Optional<TicketLinks.Repeat> check(TicketCreated created, String clearContact, String clearText) {
        List<String> keys = CustomerKeys.of(created.customerId(), clearContact, cipher::fingerprint);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        PastIssue issue = new PastIssue(created.ticketId(), created.ticketNo(), created.type(),
                List.copyOf(Tokens.distinct(created.subject())), orderKeys(clearText), created.occurredAt());
        // remember first, then read: of two tickets submitted at once, the later one sees the earlier
        issues.remember(keys, issue, created.occurredAt().minus(properties.countWindow()),
                created.occurredAt().plus(properties.countWindow()));
        List<PastIssue> history = issues.of(keys);
        Optional<RepeatRule.Repeat> repeat = rule.judge(issue, history);
        if (repeat.isEmpty()) {
            return Optional.empty();
        }
        RepeatRule.Repeat found = repeat.get();
        TicketLinks.Repeat link = new TicketLinks.Repeat(found.earlier().ticketId(), found.earlier().ticketNo(),
                found.within24h(), found.contactsInWindow(), found.matchedOn());
        boolean published = links.repeatOf(created.ticketNo(), link);
        log.info("RepeatContactDetected ticketNo={} earlierTicketNo={} within24h={} contactsIn30Days={} matchedOn={} published={}",
                created.ticketNo(), link.earlierTicketNo(), link.within24h(), link.contactsIn30Days(), link.matchedOn(),
                published);
        return Optional.of(link);
    }

    private List<String> orderKeys(String text) {
        if (text == null) {
            return List.of();
        }
        Matcher m = orderId.matcher(text);
        Set<String> keys = new LinkedHashSet<>();
        while (m.find()) {
            keys.add(cipher.fingerprint("order:" + m.group(1)));
        }
        return List.copyOf(keys);
    }
}
