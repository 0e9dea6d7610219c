package io.ticketflow.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.UUID;

/**
 * Deterministic event ids for retried decisions: when a crashed step is redone it derives the
 * same id from the same facts, so consumers see the redo as a duplicate and ignore it.
 */
public final class EventIds {

    private EventIds() {
    }

    /**
     * A name-based UUID from the given parts, e.g. {@code of("sla-breach", ticketId, metric, dueAt)}.
     * The first part should name the decision so different decisions never collide.
     */
    public static UUID of(Object... parts) {
        StringBuilder name = new StringBuilder("ticketflow");
        for (Object part : parts) {
            name.append('\u001f').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(UTF_8));
    }
}
