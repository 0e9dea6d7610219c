package io.ticketflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

    static Stream<TicketflowEvent> oneOfEach() {
        return Stream.of(
                new TicketCreated("t-1", "202611-000001", 1, T, Channel.EMAIL, "c-1", "a***@example.com", true, "Cannot pay",
                        "error E1001", List.of("billing"), TicketType.FUNCTION, Nature.COMPLAINT, Priority.P1, Department.TECH,
                        TicketStatus.NEEDS_INFO, List.of("orderId")),
                new TicketInfoRequested("t-1", "202611-000001", 2, T, List.of("orderId")),
                new TicketInfoProvided("t-1", "202611-000001", 3, T, List.of("orderId"), List.of(), "order 12345678"),
                new TicketReplied("t-1", "202611-000001", 2, T, ReplyAuthor.AGENT, "a-1", true, "On it"),
                new TicketHeld("t-1", "202611-000001", 4, T, HoldReason.WAITING_FOR_CUSTOMER, "a-1", null),
                new TicketResumed("t-1", "202611-000001", 5, T, "a-1"),
                new TicketResolved("t-1", "202611-000001", 3, T, "a-1", "Refunded", "tooling", 1),
                new TicketReopened("t-1", "202611-000001", 7, T, "still charged twice", 1, "feedback-service", null),
                new TicketClosed("t-1", "202611-000001", 8, T, "customer satisfied", "feedback-service"),
                new TicketReclassified("t-1", "202611-000001", 9, T, TicketType.FUNCTION, Nature.COMPLAINT, Priority.P0,
                        Department.TECH, TicketType.OTHER, Priority.P2, Department.CUSTOMER_SERVICE, "outage", "sup-1"),
                new RepeatContactDetected("t-1", "202611-000001", 10, T, "t-0", "202611-000000", true, 2, "orderId"),
                new AnswerAccepted("q-1", "kb-1", Channel.APP, "c-1", T),
                new TicketQueued("t-1", "202611-000001", Department.TECH, Priority.P1, T),
                new TicketAssigned("t-1", "202611-000001", "a-1", "billing", Department.TECH, 1, "skill-match", T),
                new AgentPresenceChanged("a-1", Presence.ONLINE, T),
                new SlaClockStarted("t-1", "202611-000001", "c-1", SlaMetric.FIRST_RESPONSE, Priority.P1, Duration.ofHours(2), T,
                        T.plus(Duration.ofHours(2))),
                new SlaClockMet("t-1", "202611-000001", "c-1", SlaMetric.FIRST_RESPONSE, T, T.plusSeconds(7200), T.plusSeconds(60), true),
                new SurveySent("t-1", "202611-000001", "s-1", 1, "http://x/surveys/abc", T, T.plus(Duration.ofDays(7))),
                new RatingReceived("t-1", "202611-000001", "s-1", 2, null, "slow", T),
                new CallbackOpened("t-1", "202611-000001", "cb-1", "s-1", 2, "team-lead", T, T.plusSeconds(14400)),
                new ReopenRequested("t-1", "202611-000001", "cb-1", "still charged twice", null, "lead-1", T),
                new TicketFlagged("t-1", "202611-000001", 11, T, TicketFlag.PUBLIC_OPINION_RISK, true, "posted on weibo", "sup-1"),
                new TicketTransferred("t-1", "202611-000001", "a-1", null, "logistics-team", Department.TECH, Department.LOGISTICS,
                        "courier issue", 1, "a-1", T),
                new TicketReassigned("t-1", "202611-000001", "a-1", ReassignReason.AGENT_OFFLINE, Department.TECH, T),
                new CollaboratorAdded("t-1", "202611-000001", Department.RND, null, "a-1", Department.TECH, "defect", "a-1", T),
                new CollaboratorProgressReported("t-1", "202611-000001", Department.RND, "r-1", "fix in review", false, T),
                new EscalationRequested("t-1", "202611-000001", EscalationLevel.MAJOR, "third-transfer", Department.TECH, "a-1", T),
                new SlaClockPaused("t-1", "202611-000001", "c-1", SlaMetric.RESOLUTION, T),
                new SlaClockResumed("t-1", "202611-000001", "c-1", SlaMetric.RESOLUTION, T, Duration.ofMinutes(30), T.plusSeconds(9000)),
                new SlaClockRescheduled("t-1", "202611-000001", "c-1", SlaMetric.RESOLUTION, Priority.P0, Duration.ofHours(1),
                        T.plusSeconds(3600), "reclassified", T),
                new SlaClockStopped("t-1", "202611-000001", "c-1", SlaMetric.FIRST_RESPONSE, "closed", T),
                new SlaWarningRaised("t-1", "202611-000001", "c-1", SlaMetric.FIRST_RESPONSE, Priority.P1, Department.TECH, 75,
                        T.plusSeconds(7200), T),
                new SlaBreached("t-1", "202611-000001", "c-1", SlaMetric.FIRST_RESPONSE, Priority.P1, Department.TECH,
                        T.plusSeconds(7200), T.plusSeconds(7200), 1),
                new TicketEscalated("t-1", "202611-000001", "e-1", EscalationLevel.GENERAL, "breach:FIRST_RESPONSE", "TEAM_LEAD",
                        "lead-1", Department.TECH, List.of(Department.RND), "c-1", SlaMetric.FIRST_RESPONSE, Priority.P1, "a-1", T),
                new CallbackAttempted("t-1", "202611-000001", "cb-1", 1, "lead-1", true, "no answer", T),
                new CallbackCompleted("t-1", "202611-000001", "cb-1", "lead-1", true, RootCause.TOOLING, RootCauseFactor.MACHINE,
                        "refund tool slow", CallbackOutcome.SATISFIED, 2, 2, "lead-1", "billing", T, T.plusSeconds(14400), T));
    }

    @ParameterizedTest
    @MethodSource("oneOfEach")
    void every_event_type_survives_the_round_trip_through_its_ce_type(TicketflowEvent event) {
        byte[] json = EventJson.write(event);
        assertThat(EventJson.read(EventTypes.typeOf(event), json)).isEqualTo(event);
    }

    @Test
    void the_catalogue_knows_every_event_type_and_its_topic() {
        assertThat(EventTypes.all()).hasSize(oneOfEach().toList().size());
        oneOfEach().forEach(e -> assertThat(e).isInstanceOf(Topics.of(e).valueType()));
        assertThat(Topics.of(oneOfEach().findFirst().orElseThrow()).name()).isEqualTo("ticket.lifecycle");
    }

    @Test
    void a_record_written_before_new_optional_fields_existed_still_reads() {
        String before = "{\"ticketId\":\"t-1\",\"ticketNo\":\"202611-000001\",\"surveyId\":\"s-1\",\"rating\":2,"
                + "\"npsScore\":null,\"comment\":\"slow\",\"ratedAt\":\"2026-11-23T08:00:00Z\"}";
        RatingReceived read = (RatingReceived) EventJson.read("ticketflow.feedback.rating-received.v1", before.getBytes(StandardCharsets.UTF_8));
        assertThat(read.negativeShare()).isNull();
        assertThat(read.recovered()).isFalse();
        assertThat(read.rating()).isEqualTo(2);
    }

    @Test
    void instants_and_durations_are_iso_strings_on_the_wire() {
        String json = new String(EventJson.write(oneOfEach().filter(SlaClockStarted.class::isInstance).findFirst().orElseThrow()),
                StandardCharsets.UTF_8);
        assertThat(json).contains("\"budget\":\"PT2H\"", "\"startedAt\":\"2026-11-23T08:00:00Z\"");
    }

    @Test
    void an_unknown_type_or_a_missing_required_field_is_rejected() {
        assertThatThrownBy(() -> EventJson.read("ticketflow.ticket.exploded.v9", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnknownEventTypeException.class);
        assertThatThrownBy(() -> EventJson.read("ticketflow.ticket.assigned.v1", "{\"ticketId\":\"t\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void deterministic_ids_repeat_for_the_same_facts_and_differ_otherwise() {
        assertThat(EventIds.of("sla-breach", "t-1", "FIRST_RESPONSE", T)).isEqualTo(EventIds.of("sla-breach", "t-1", "FIRST_RESPONSE", T));
        assertThat(EventIds.of("sla-breach", "t-1", "FIRST_RESPONSE", T)).isNotEqualTo(EventIds.of("sla-breach", "t-2", "FIRST_RESPONSE", T));
    }

    @Test
    void every_catalogue_topic_has_a_dead_letter_twin() {
        assertThat(Topics.allNamesWithDeadLetters()).contains("ticket.lifecycle", "ticket.lifecycle-dlt", "ticket.escalations.rnd-dlt");
        assertThat(Topics.all()).hasSize(6 + Department.values().length);
    }
}
