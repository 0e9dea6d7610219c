package io.ticketflow.events;

/**
 * Every event that travels on a ticketflow topic. One sealed sub-interface per topic lists
 * that topic's event types, so a {@code switch} over them is exhaustive.
 */
public sealed interface TicketflowEvent permits LifecycleEvent, RoutingEvent, SlaEvent, FeedbackEvent, PresenceEvent, SelfServiceEvent {

    /** The Kafka record key: the ticket id on every {@code ticket.*} topic, the agent id on {@code agent.presence}. */
    String key();

    /** The CloudEvents subject: the ticket number, or the agent id. */
    String eventSubject();
}
