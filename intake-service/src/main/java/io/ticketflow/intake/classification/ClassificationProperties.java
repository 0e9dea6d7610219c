package io.ticketflow.intake.classification;

import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketType;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.intake.classification.*}: keyword rules, Chinese and English, that classify a
 * submission. The shipped rules live in {@code application.yml}; any list can be replaced there.
 *
 * @param types             keywords per ticket type; OTHER is what matches none of them
 * @param natures           keywords per nature; CONSULTATION is what matches none of them
 * @param priorities        keywords per priority, checked from P0 down; P2 is what matches none of them
 * @param vipRaisesPriority whether a VIP customer's ticket goes one level up (P3→P2 … P1→P0)
 * @param escalationKeywords words that mark a complaint as escalated (a repeated complaint, a threat
 *                          to go to a regulator or the press); an escalated complaint goes one level up
 */
@Validated
@ConfigurationProperties("ticketflow.intake.classification")
public record ClassificationProperties(
        Map<TicketType, List<String>> types,
        Map<Nature, List<String>> natures,
        Map<Priority, List<String>> priorities,
        @DefaultValue("true") boolean vipRaisesPriority,
        List<String> escalationKeywords) {

    public ClassificationProperties {
        types = checked("types", types);
        natures = checked("natures", natures);
        priorities = checked("priorities", priorities);
        escalationKeywords = escalationKeywords == null ? List.of() : List.copyOf(escalationKeywords);
        if (escalationKeywords.stream().anyMatch(k -> k == null || k.isBlank())) {
            throw new IllegalArgumentException("ticketflow.intake.classification.escalation-keywords must not contain blank keywords");
        }
    }

    private static <K> Map<K, List<String>> checked(String name, Map<K, List<String>> rules) {
        if (rules == null) {
            return Map.of();
        }
        rules.forEach((key, keywords) -> {
            if (keywords == null || keywords.stream().anyMatch(k -> k == null || k.isBlank())) {
                throw new IllegalArgumentException(
                        "ticketflow.intake.classification." + name + "." + key + " must not contain blank keywords");
            }
        });
        return Map.copyOf(rules);
    }
}
