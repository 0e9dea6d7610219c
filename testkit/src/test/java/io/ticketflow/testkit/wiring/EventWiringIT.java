package io.ticketflow.testkit.wiring;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.Channel;
import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.Department;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import io.ticketflow.events.Topics;
import io.ticketflow.events.spring.EventPublisher;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.RawRecords;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared wiring from ticket-events, proven against the real broker: envelope, listener, dead letters. */
@TicketflowServiceTest
class EventWiringIT {

    @Autowired
    EventPublisher publisher;

    @Autowired
    WiringApplication.Recorder recorder;

    @Test
    void a_published_event_arrives_with_its_cloudevents_envelope() {
        TicketCreated created = created("202611-000001");
        UUID id = UUID.randomUUID();
        Envelope<TicketCreated> sent = publisher.publish(id, created);

        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.seen.stream().anyMatch(e -> e.id().equals(id)));
        Envelope<?> received = recorder.seen.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
        assertThat(received.type()).isEqualTo("ticketflow.ticket.created.v1");
        assertThat(received.source()).isEqualTo("/ticketflow/wiring-test");
        assertThat(received.subject()).isEqualTo("202611-000001");
        assertThat(received.event()).isEqualTo(created);
        assertThat(received.time()).isEqualTo(sent.time());
    }

    @Test
    void a_record_that_cannot_be_read_goes_to_the_dead_letter_topic_and_the_consumer_moves_on() {
        try (EventProbe dlt = EventProbe.open(Topics.deadLetter(Topics.Names.LIFECYCLE));
                RawRecords raw = new RawRecords()) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(CloudEventHeaders.TYPE, "ticketflow.ticket.created.v1".getBytes(UTF_8));
            headers.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(UTF_8));
            raw.send(Topics.Names.LIFECYCLE, "t-poison", headers, "{not json".getBytes(UTF_8));

            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(Topics.deadLetter(Topics.Names.LIFECYCLE),
                    r -> "t-poison".equals(r.key()));
            assertThat(new String(dead.value(), UTF_8)).isEqualTo("{not json");
            assertThat(Envelope.header(dead.headers(), CloudEventHeaders.TYPE)).isEqualTo("ticketflow.ticket.created.v1");

            UUID after = UUID.randomUUID();
            publisher.publish(after, created("202611-000002"));
            await().atMost(Duration.ofSeconds(30)).until(() -> recorder.seen.stream().anyMatch(e -> e.id().equals(after)));
        }
    }

    @Test
    void a_handler_that_keeps_failing_dead_letters_without_personal_data_in_the_headers() {
        try (EventProbe dlt = EventProbe.open(Topics.deadLetter(Topics.Names.LIFECYCLE))) {
            TicketCreated poison = created("poison-in-handler");
            publisher.publish(poison);
            ConsumerRecord<String, byte[]> dead = dlt.awaitRecord(Topics.deadLetter(Topics.Names.LIFECYCLE),
                    r -> poison.ticketId().equals(r.key()));
            String message = Envelope.header(dead.headers(), "kafka_dlt-exception-message");
            assertThat(message).contains("138****5678").doesNotContain("13812345678");
            assertThat(dead.headers().lastHeader("kafka_dlt-exception-stacktrace")).isNull();
            assertThat(Envelope.header(dead.headers(), CloudEventHeaders.ID)).isNotNull();
        }
    }

    @Test
    void a_database_outage_is_waited_out_instead_of_dead_lettering_good_events() {
        try (EventProbe dlt = EventProbe.open(Topics.deadLetter(Topics.Names.LIFECYCLE))) {
            TicketCreated flaky = created("flaky-database");
            UUID id = UUID.randomUUID();
            publisher.publish(id, flaky);

            // five transient failures: more than the three attempts a poison record gets
            await().atMost(Duration.ofSeconds(60)).until(() -> recorder.seen.stream().anyMatch(e -> e.id().equals(id)));
            assertThat(recorder.flakyAttempts.get()).isEqualTo(6);

            // a later poison record reaches the dead-letter topic; the good event never did
            TicketCreated marker = created("poison-in-handler");
            publisher.publish(marker);
            dlt.awaitRecord(Topics.deadLetter(Topics.Names.LIFECYCLE), r -> marker.ticketId().equals(r.key()));
            assertThat(dlt.records()).noneMatch(r -> flaky.ticketId().equals(r.key()));
        }
    }

    private static TicketCreated created(String ticketNo) {
        return new TicketCreated(UUID.randomUUID().toString(), ticketNo, 1, Instant.parse("2026-11-23T08:00:00Z"),
                Channel.WEB, "c-1", "138****5678", false, "Cannot pay", "Payment fails", List.of("billing"),
                TicketType.FUNCTION, Nature.COMPLAINT, Priority.P1, Department.TECH, TicketStatus.NEW, List.of());
    }
}
