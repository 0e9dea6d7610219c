package io.ticketflow.feedback.callback;

import static java.util.Objects.requireNonNull;

import io.ticketflow.events.CallbackOutcome;
import io.ticketflow.events.PersonalData;
import io.ticketflow.events.RootCause;
import io.ticketflow.events.RootCauseFactor;
import org.jspecify.annotations.Nullable;

/**
 * One call to a dissatisfied customer, as the caller reports it. A reached customer has a root
 * cause and an outcome, SATISFIED or REOPEN (UNREACHABLE is what the task decides after the last
 * failed call, never what a caller reports); a preferred agent only goes with REOPEN.
 *
 * @param notes masked on the way in
 */
record CallbackCall(
        String calledBy,
        boolean reached,
        @Nullable RootCause rootCause,
        @Nullable RootCauseFactor factor,
        @Nullable String notes,
        @Nullable CallbackOutcome outcome,
        @Nullable String preferredAgentId) {

    static final int MAX_NOTES = 2000;

    CallbackCall {
        requireNonNull(calledBy, "calledBy");
        if (calledBy.isBlank()) {
            throw new IllegalArgumentException("calledBy must not be blank");
        }
        if (reached) {
            if (rootCause == null) {
                throw new IllegalArgumentException("a reached customer's callback needs a rootCause");
            }
            if (outcome == null || outcome == CallbackOutcome.UNREACHABLE) {
                throw new IllegalArgumentException("a reached customer's callback ends SATISFIED or REOPEN");
            }
        } else if (outcome != null) {
            throw new IllegalArgumentException("an unreached customer's call has no outcome");
        }
        if (preferredAgentId != null && outcome != CallbackOutcome.REOPEN) {
            throw new IllegalArgumentException("preferredAgentId goes only with REOPEN");
        }
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new IllegalArgumentException("notes must be at most " + MAX_NOTES + " characters");
        }
        calledBy = calledBy.strip();
        notes = notes == null || notes.isBlank() ? null : PersonalData.maskText(notes.strip());
        preferredAgentId = preferredAgentId == null || preferredAgentId.isBlank() ? null : preferredAgentId.strip();
    }

    /** Why the ticket reopens, for intake: the root cause, and the notes when there are any. */
    String reopenReason() {
        String cause = "callback: customer dissatisfied, root cause " + rootCause;
        return notes == null ? cause : cause + " - " + notes;
    }
}
