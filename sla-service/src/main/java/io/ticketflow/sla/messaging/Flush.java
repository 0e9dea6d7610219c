package io.ticketflow.sla.messaging;

import io.ticketflow.sla.clock.ClockStore;
import io.ticketflow.sla.outbox.OutboxRelay;
import java.util.List;

/** Publishes what the handlers stored, in order; stops at the first refusal and leaves the rest to the relay. */
final class Flush {

    private Flush() {
    }

    static void clocks(OutboxRelay outbox, ClockStore store, List<String> clockIds) {
        for (String clockId : clockIds) {
            if (!outbox.flush(store, clockId)) {
                return;
            }
        }
    }
}
