package io.ticketflow.testkit.wiring;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.LifecycleEvent;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.Topics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A minimal service that consumes ticket.lifecycle the way every real service does. */
@SpringBootApplication
public class WiringApplication {

    @Component
    static class Recorder {
        final List<Envelope<LifecycleEvent>> seen = new CopyOnWriteArrayList<>();
        final AtomicInteger flakyAttempts = new AtomicInteger();

        @KafkaListener(topics = Topics.Names.LIFECYCLE)
        void on(ConsumerRecord<String, LifecycleEvent> record) {
            Envelope<LifecycleEvent> envelope = Envelope.of(record);
            if (envelope.event() instanceof TicketCreated created && "poison-in-handler".equals(created.ticketNo())) {
                throw new IllegalStateException("cannot handle ticket of 13812345678");
            }
            if (envelope.event() instanceof TicketCreated created && "flaky-database".equals(created.ticketNo())
                    && flakyAttempts.incrementAndGet() <= 5) {
                throw new DataAccessResourceFailureException("database unreachable, attempt " + flakyAttempts.get());
            }
            seen.add(envelope);
        }
    }
}
