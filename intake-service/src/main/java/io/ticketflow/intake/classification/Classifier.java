package io.ticketflow.intake.classification;

import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Classifies a submission from keyword rules: its type (the one with the most keyword hits;
 * ties go to the type declared first), its nature (likewise), and its priority (the most urgent
 * level with a hit; a suggestion with no hit is P3; otherwise P2). Then, as the source documents
 * make VIP customers and escalated complaints high priority, a VIP customer's ticket goes up one
 * level, and an escalated complaint (marked so by the channel, or with an escalation keyword) one
 * more, never above P0. Plain Java: the rules come from {@link ClassificationProperties}.
 */
public final class Classifier {

    private final Map<TicketType, List<Keyword>> types;
    private final Map<Nature, List<Keyword>> natures;
    private final Map<Priority, List<Keyword>> priorities;
    private final boolean vipRaisesPriority;
    private final List<Keyword> escalation;

    public Classifier(ClassificationProperties properties) {
        this.types = compile(properties.types(), TicketType.class);
        this.natures = compile(properties.natures(), Nature.class);
        this.priorities = compile(properties.priorities(), Priority.class);
        this.vipRaisesPriority = properties.vipRaisesPriority();
        this.escalation = properties.escalationKeywords().stream().map(Keyword::new).toList();
    }

    /** Classifies the customer's words (subject, description) and the submission's tags. */
    public Classification classify(String subject, String description, List<String> tags, boolean vip) {
        return classify(subject, description, tags, vip, false);
    }

    /**
     * Classifies as above; {@code escalated} says the channel already knows the complaint is
     * escalated (it only counts for a complaint).
     */
    public Classification classify(String subject, String description, List<String> tags, boolean vip,
            boolean escalated) {
        String text = String.join("\n", subject == null ? "" : subject, description == null ? "" : description,
                String.join(" ", tags == null ? List.of() : tags)).toLowerCase(Locale.ROOT);

        Optional<Hits<TicketType>> typeHits = mostHits(types, text);
        TicketType type = typeHits.map(Hits::key).orElse(TicketType.OTHER);
        String typeRule = typeHits.map(h -> h.rule("types")).orElse("types.default");

        Optional<Hits<Nature>> natureHits = mostHits(natures, text);
        Nature nature = natureHits.map(Hits::key).orElse(Nature.CONSULTATION);
        String natureRule = natureHits.map(h -> h.rule("natures")).orElse("natures.default");

        Optional<Hits<Priority>> urgent = firstHit(priorities, text);
        Priority priority;
        String priorityRule;
        if (urgent.isPresent()) {
            priority = urgent.get().key();
            priorityRule = urgent.get().rule("priorities");
        } else if (nature == Nature.SUGGESTION) {
            priority = Priority.P3;
            priorityRule = "priorities.P3[nature SUGGESTION]";
        } else {
            priority = Priority.P2;
            priorityRule = "priorities.default";
        }
        if (vip && vipRaisesPriority && priority != Priority.P0) {
            priority = Priority.values()[priority.ordinal() - 1];
            priorityRule = priorityRule + "+vip";
        }
        if (nature == Nature.COMPLAINT) {
            List<String> escalationHits = escalation.stream().filter(k -> k.occursIn(text)).map(Keyword::text).toList();
            if (escalated || !escalationHits.isEmpty()) {
                if (priority != Priority.P0) {
                    priority = Priority.values()[priority.ordinal() - 1];
                }
                priorityRule = priorityRule + "+escalated-complaint"
                        + (escalated ? "[marked]" : escalationHits.stream().collect(Collectors.joining(", ", "[", "]")));
            }
        }
        return new Classification(type, nature, priority, new ClassifiedBy(typeRule, natureRule, priorityRule));
    }

    /** The key with the most keyword hits; ties go to the key declared first in its enum. */
    private static <K extends Enum<K>> Optional<Hits<K>> mostHits(Map<K, List<Keyword>> rules, String text) {
        Hits<K> best = null;
        for (Map.Entry<K, List<Keyword>> rule : rules.entrySet()) {
            Hits<K> hits = Hits.of(rule.getKey(), rule.getValue(), text);
            if (!hits.keywords().isEmpty() && (best == null || hits.keywords().size() > best.keywords().size())) {
                best = hits;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The first key, in enum order, with at least one hit. */
    private static <K extends Enum<K>> Optional<Hits<K>> firstHit(Map<K, List<Keyword>> rules, String text) {
        for (Map.Entry<K, List<Keyword>> rule : rules.entrySet()) {
            Hits<K> hits = Hits.of(rule.getKey(), rule.getValue(), text);
            if (!hits.keywords().isEmpty()) {
                return Optional.of(hits);
            }
        }
        return Optional.empty();
    }

    private static <K extends Enum<K>> Map<K, List<Keyword>> compile(Map<K, List<String>> rules, Class<K> type) {
        Map<K, List<Keyword>> compiled = new EnumMap<>(type); // iterates in declaration order
        rules.forEach((key, keywords) -> compiled.put(key, keywords.stream().map(Keyword::new).toList()));
        return compiled;
    }

    private record Hits<K extends Enum<K>>(K key, List<String> keywords) {

        static <K extends Enum<K>> Hits<K> of(K key, List<Keyword> keywords, String text) {
            List<String> found = new ArrayList<>();
            for (Keyword keyword : keywords) {
                if (keyword.occursIn(text)) {
                    found.add(keyword.text());
                }
            }
            return new Hits<>(key, found);
        }

        String rule(String group) {
            return group + "." + key.name() + keywords.stream().collect(Collectors.joining(", ", "[", "]"));
        }
    }
}
