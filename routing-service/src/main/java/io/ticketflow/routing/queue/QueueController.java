package io.ticketflow.routing.queue;

import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The waiting tickets per department, as a supervisor sees them. */
@RestController
class QueueController {

    private final WaitingTickets waitingTickets;
    private final Clock clock;

    QueueController(WaitingTickets waitingTickets, Clock clock) {
        this.waitingTickets = waitingTickets;
        this.clock = clock;
    }

    @GetMapping("/api/v1/queue")
    QueueView queue() {
        return QueueView.of(waitingTickets.waiting(), clock.instant());
    }
}
