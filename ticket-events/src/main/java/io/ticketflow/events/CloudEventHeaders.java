package io.ticketflow.events;

/**
 * CloudEvents 1.0 Kafka binary-mode header names. The record value is the event as JSON;
 * these headers carry the envelope. Never put personal data in a header.
 */
public final class CloudEventHeaders {

    /** Unique event id (a UUID); consumers deduplicate on it. */
    public static final String ID = "ce_id";
    /** {@code /ticketflow/<service>}. */
    public static final String SOURCE = "ce_source";
    /** e.g. {@code ticketflow.ticket.created.v1}. */
    public static final String TYPE = "ce_type";
    public static final String SPEC_VERSION = "ce_specversion";
    /** When the event was published, RFC 3339. */
    public static final String TIME = "ce_time";
    /** The ticket number (or agent id on {@code agent.presence}). */
    public static final String SUBJECT = "ce_subject";
    /** Binary mode content type of the value. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /** The {@code ce_source} of a service, e.g. {@code /ticketflow/intake-service}. */
    public static String sourceOf(String serviceName) {
        return "/ticketflow/" + serviceName;
    }
}
