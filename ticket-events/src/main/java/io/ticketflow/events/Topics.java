package io.ticketflow.events;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The topic catalogue. Every topic is declared here once; no topic name is a string literal
 * anywhere else. Annotation attributes use the constants in {@link Names}.
 */
public final class Topics {

    /** Compile-time topic names, for annotations such as {@code @KafkaListener(topics = ...)}. */
    public static final class Names {
        public static final String LIFECYCLE = "ticket.lifecycle";
        public static final String ROUTING = "ticket.routing";
        public static final String SLA = "ticket.sla";
        public static final String FEEDBACK = "ticket.feedback";
        public static final String AGENT_PRESENCE = "agent.presence";
        public static final String SELF_SERVICE = "selfservice.answers";
        /** Prefix of the per-department escalation topics. */
        public static final String ESCALATIONS_PREFIX = "ticket.escalations.";
        /** Suffix of every dead-letter topic. */
        public static final String DEAD_LETTER_SUFFIX = "-dlt";

        private Names() {
        }
    }

    public static final Topic<LifecycleEvent> LIFECYCLE =
            new Topic<>(Names.LIFECYCLE, "ticket id", LifecycleEvent.class, "intake-service");
    public static final Topic<RoutingEvent> ROUTING =
            new Topic<>(Names.ROUTING, "ticket id", RoutingEvent.class, "routing-service");
    public static final Topic<SlaEvent> SLA =
            new Topic<>(Names.SLA, "ticket id", SlaEvent.class, "sla-service");
    public static final Topic<FeedbackEvent> FEEDBACK =
            new Topic<>(Names.FEEDBACK, "ticket id", FeedbackEvent.class, "feedback-service");
    public static final Topic<PresenceEvent> AGENT_PRESENCE =
            new Topic<>(Names.AGENT_PRESENCE, "agent id", PresenceEvent.class, "routing-service");

    public static final Topic<SelfServiceEvent> SELF_SERVICE =
            new Topic<>(Names.SELF_SERVICE, "question id", SelfServiceEvent.class, "intake-service");

    private static final List<Topic<?>> EVENT_TOPICS = List.of(LIFECYCLE, ROUTING, SLA, FEEDBACK, AGENT_PRESENCE, SELF_SERVICE);

    private Topics() {
    }

    /** The escalation topic a department subscribes to, e.g. {@code ticket.escalations.tech}. */
    public static Topic<SlaEvent> escalations(Department department) {
        return new Topic<>(Names.ESCALATIONS_PREFIX + department.id(), "ticket id", SlaEvent.class, "sla-service");
    }

    /** The dead-letter topic of a topic. */
    public static String deadLetter(String topic) {
        return topic + Names.DEAD_LETTER_SUFFIX;
    }

    /** The topics that carry events, without the per-department escalation topics. */
    public static List<Topic<?>> eventTopics() {
        return EVENT_TOPICS;
    }

    /** Every topic of the catalogue: the event topics and one escalation topic per department. */
    public static List<Topic<?>> all() {
        return Stream.concat(EVENT_TOPICS.stream(), Arrays.stream(Department.values()).map(Topics::escalations))
                .toList();
    }

    /** Every topic name including the dead-letter topics, as the cluster must have them. */
    public static List<String> allNamesWithDeadLetters() {
        return all().stream().flatMap(t -> Stream.of(t.name(), t.deadLetter())).toList();
    }

    /** The topic an event belongs on (escalations aside, each event type has exactly one). */
    public static Topic<?> of(TicketflowEvent event) {
        // Java 17 has no pattern switch; the sealed hierarchy still keeps this list closed.
        if (event instanceof LifecycleEvent) {
            return LIFECYCLE;
        } else if (event instanceof RoutingEvent) {
            return ROUTING;
        } else if (event instanceof SlaEvent) {
            return SLA;
        } else if (event instanceof FeedbackEvent) {
            return FEEDBACK;
        } else if (event instanceof PresenceEvent) {
            return AGENT_PRESENCE;
        } else if (event instanceof SelfServiceEvent) {
            return SELF_SERVICE;
        }
        throw new IllegalArgumentException("no topic for " + event.getClass().getName());
    }
}
