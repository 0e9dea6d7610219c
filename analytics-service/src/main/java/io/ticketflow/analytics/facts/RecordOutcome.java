package io.ticketflow.analytics.facts;

import java.util.Locale;

/** What recording one event did to the read model. */
public enum RecordOutcome {
    /** The event changed its ticket's facts. */
    APPLIED,
    /** The event had been applied before (same {@code ce_id}); nothing changed. */
    DUPLICATE,
    /** The event is not about a ticket; nothing to record. */
    IGNORED;

    /** The outcome as a metric tag value, e.g. {@code applied}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
