package io.ticketflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.Department;
import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SlaClockMet;
import io.ticketflow.events.SlaClockPaused;
import io.ticketflow.events.SlaClockResumed;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SlaClockStopped;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.TicketEscalated;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.RawRecords;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The clocks of the rest of a ticket's life: collaborating departments, NEEDS_INFO, callbacks,
 * closing, escalations asked for by routing or by a public-opinion flag, and the at-risk board.
 */
@TicketflowServiceTest
@Import(SlaTestConfiguration.class)
class SlaTicketStoriesIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() { };

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    RestTestClient http;
    RawRecords upstream;
    EventProbe sla;

    @BeforeEach
    void open() {
        http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        upstream = new RawRecords();
        sla = EventProbe.open(Topics.Names.SLA);
    }

    @AfterEach
    void close() {
        sla.close();
        upstream.close();
    }

    @Test
    void a_collaborating_department_reports_progress_every_two_hours_and_logistics_answers_within_one() {
        Tickets ticket = Tickets.fresh();
        Instant t0 = now();
        upstream.publish(UUID.randomUUID(), ticket.created(Priority.P2, t0));
        sla.await(SlaClockStarted.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);

        upstream.publish(UUID.randomUUID(), ticket.collaborator(Department.LOGISTICS, t0.plus(Duration.ofMinutes(5))));
        SlaClockStarted progress = sla.await(SlaClockStarted.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.COLLABORATOR_PROGRESS);
        assertThat(progress.dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(125)));
        SlaClockStarted answer = sla.await(SlaClockStarted.class, e -> e.ticketId().equals(ticket.ticketId())
                && e.metric() == SlaMetric.RESOLUTION && e.dueAt().equals(t0.plus(Duration.ofMinutes(65))));
        assertThat(answer.budget()).isEqualTo(Duration.ofHours(1));

        upstream.publish(UUID.randomUUID(), ticket.progress(Department.LOGISTICS, false, t0.plus(Duration.ofMinutes(50))));
        assertThat(sla.await(SlaClockMet.class, e -> e.clockId().equals(progress.clockId())).onTime()).isTrue();
        SlaClockStarted nextReport = sla.await(SlaClockStarted.class, e -> e.ticketId().equals(ticket.ticketId())
                && e.metric() == SlaMetric.COLLABORATOR_PROGRESS && !e.clockId().equals(progress.clockId()));
        assertThat(nextReport.dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(170)));

        upstream.publish(UUID.randomUUID(), ticket.progress(Department.LOGISTICS, true, t0.plus(Duration.ofMinutes(60))));
        assertThat(sla.await(SlaClockMet.class, e -> e.clockId().equals(answer.clockId())).onTime()).isTrue();
        sla.await(SlaClockMet.class, e -> e.clockId().equals(nextReport.clockId()));
        // the finished department's part ends: no third report is expected
        upstream.publish(UUID.randomUUID(), ticket.closed(9, t0.plus(Duration.ofMinutes(70))));
        sla.await(SlaClockStopped.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);
        assertThat(sla.received(SlaClockStarted.class, e -> e.ticketId().equals(ticket.ticketId())
                && e.metric() == SlaMetric.COLLABORATOR_PROGRESS)).extracting(e -> e.event().clockId()).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void an_escalation_reaches_the_owning_and_every_collaborating_department() {
        Tickets ticket = Tickets.fresh();
        Instant t0 = now();
        upstream.publish(UUID.randomUUID(), ticket.created(Priority.P1, t0));
        upstream.publish(UUID.randomUUID(), ticket.assigned(t0));
        upstream.publish(UUID.randomUUID(), ticket.collaborator(Department.RND, t0));
        sla.await(SlaClockStarted.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.COLLABORATOR_PROGRESS);

        // routing asks for MAJOR on the third transfer (routing's own topic, so after the assignment and the collaborator)
        upstream.publish(UUID.randomUUID(), ticket.escalationRequested(t0.plus(Duration.ofMinutes(1))));
        TicketEscalated major = sla.await(TicketEscalated.class, e -> e.ticketId().equals(ticket.ticketId()));
        assertThat(major.level()).isEqualTo(EscalationLevel.MAJOR);
        assertThat(major.trigger()).isEqualTo("third-transfer");
        assertThat(major.targetId()).isEqualTo("sup-1");
        assertThat(major.collaboratingDepartments()).containsExactly(Department.RND);

        ConsumerRecord<String, byte[]> tech = SlaDeadlinesIT.awaitOnDepartmentTopic(Department.TECH, ticket.ticketId());
        ConsumerRecord<String, byte[]> rnd = SlaDeadlinesIT.awaitOnDepartmentTopic(Department.RND, ticket.ticketId());
        assertThat(SlaDeadlinesIT.header(tech, CloudEventHeaders.ID)).isEqualTo(major.escalationId());
        assertThat(SlaDeadlinesIT.header(rnd, CloudEventHeaders.ID)).isEqualTo(major.escalationId());

        // a public-opinion risk goes to the manager
        upstream.publish(UUID.randomUUID(), ticket.publicOpinionRisk(5, t0.plus(Duration.ofMinutes(2))));
        TicketEscalated critical = sla.await(TicketEscalated.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.level() == EscalationLevel.CRITICAL);
        assertThat(critical.trigger()).isEqualTo("public-opinion-risk");
        assertThat(critical.targetRole()).isEqualTo("MANAGER");
        assertThat(critical.targetId()).isEqualTo("service-manager");
        // the same request again changes nothing: marker = the flag again, deduplicated too, then a close
        upstream.publish(UUID.randomUUID(), ticket.escalationRequested(t0.plus(Duration.ofMinutes(1))));
        upstream.publish(UUID.randomUUID(), ticket.closed(6, t0.plus(Duration.ofMinutes(3))));
        sla.await(SlaClockStopped.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);
        assertThat(SlaClocksIT.distinct(sla.received(TicketEscalated.class, e -> e.ticketId().equals(ticket.ticketId()))))
                .extracting(e -> e.event().level()).containsExactly(EscalationLevel.MAJOR, EscalationLevel.CRITICAL);
    }

    @Test
    void a_needs_info_ticket_runs_a_follow_up_clock_and_its_own_clocks_wait_while_the_customer_is_asked() {
        Tickets ticket = Tickets.fresh();
        Instant t0 = now();
        upstream.publish(UUID.randomUUID(), ticket.created(Priority.P3, t0, TicketStatus.NEEDS_INFO));
        SlaClockStarted followUp = sla.await(SlaClockStarted.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.NEEDS_INFO_FOLLOW_UP);
        assertThat(followUp.budget()).isEqualTo(Duration.ofHours(9));

        upstream.publish(UUID.randomUUID(), ticket.infoRequested(2, t0.plus(Duration.ofMinutes(1))));
        sla.await(SlaClockPaused.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.FIRST_RESPONSE);
        sla.await(SlaClockPaused.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);

        upstream.publish(UUID.randomUUID(), ticket.infoProvided(3, t0.plus(Duration.ofMinutes(30))));
        SlaClockMet met = sla.await(SlaClockMet.class, e -> e.clockId().equals(followUp.clockId()));
        assertThat(met.onTime()).isTrue();
        SlaClockResumed resumed = sla.await(SlaClockResumed.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.FIRST_RESPONSE);
        assertThat(resumed.pausedTotal()).isEqualTo(Duration.ofMinutes(29));
    }

    @Test
    void a_callback_runs_to_its_own_due_time_and_is_met_by_its_completion() {
        Tickets ticket = Tickets.fresh();
        Instant t0 = now();
        upstream.publish(UUID.randomUUID(), ticket.created(Priority.P2, t0));
        upstream.publish(UUID.randomUUID(), ticket.resolved(t0.plus(Duration.ofHours(1))));
        sla.await(SlaClockMet.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);

        String callbackId = "cb-" + UUID.randomUUID();
        Instant openedAt = t0.plus(Duration.ofHours(2));
        upstream.publish(UUID.randomUUID(), ticket.callbackOpened(callbackId, openedAt, openedAt.plus(Duration.ofHours(24))));
        SlaClockStarted callback = sla.await(SlaClockStarted.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.CALLBACK);
        assertThat(callback.dueAt()).isEqualTo(openedAt.plus(Duration.ofHours(24)));

        upstream.publish(UUID.randomUUID(), ticket.callbackCompleted(callbackId, openedAt, openedAt.plus(Duration.ofHours(3))));
        SlaClockMet met = sla.await(SlaClockMet.class, e -> e.clockId().equals(callback.clockId()));
        assertThat(met.onTime()).isTrue();
    }

    @Test
    void a_reopened_ticket_gets_a_new_resolution_clock_under_its_policy() {
        Tickets ticket = Tickets.fresh();
        Instant t0 = now();
        upstream.publish(UUID.randomUUID(), ticket.created(Priority.P1, t0));
        upstream.publish(UUID.randomUUID(), ticket.resolved(t0.plus(Duration.ofHours(1))));
        sla.await(SlaClockMet.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);

        Instant reopenedAt = t0.plus(Duration.ofHours(3));
        upstream.publish(UUID.randomUUID(), new io.ticketflow.events.TicketReopened(ticket.ticketId(), ticket.ticketNo(), 4, reopenedAt,
                "still cannot pay", 1, "customer", null));

        SlaClockStarted second = sla.await(SlaClockStarted.class, e -> e.ticketId().equals(ticket.ticketId())
                && e.metric() == SlaMetric.RESOLUTION && e.startedAt().equals(reopenedAt));
        assertThat(second.clockId()).isEqualTo(io.ticketflow.sla.clock.SlaClock.idOf(ticket.ticketId(), SlaMetric.RESOLUTION, 2));
        assertThat(second.dueAt()).isEqualTo(reopenedAt.plus(Duration.ofHours(8)));
    }

    @Test
    void a_hold_and_a_resume_delivered_twice_pause_and_resume_each_clock_once() {
        Tickets ticket = Tickets.fresh();
        Instant t0 = now();
        upstream.publish(UUID.randomUUID(), ticket.created(Priority.P2, t0));
        UUID holdId = UUID.randomUUID();
        upstream.publish(holdId, ticket.heldOnCustomer(2, t0.plus(Duration.ofMinutes(10))));
        upstream.publish(holdId, ticket.heldOnCustomer(2, t0.plus(Duration.ofMinutes(10))));
        // out of order: a second hold stamped earlier than the first changes nothing either
        upstream.publish(UUID.randomUUID(), ticket.heldOnCustomer(3, t0.plus(Duration.ofMinutes(5))));
        UUID resumeId = UUID.randomUUID();
        upstream.publish(resumeId, ticket.resumed(4, t0.plus(Duration.ofMinutes(40))));
        upstream.publish(resumeId, ticket.resumed(4, t0.plus(Duration.ofMinutes(40))));
        // marker on the same key: everything above was handled once the close is out
        upstream.publish(UUID.randomUUID(), ticket.closed(5, t0.plus(Duration.ofMinutes(50))));
        sla.await(SlaClockStopped.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);

        assertThat(SlaClocksIT.distinct(sla.received(SlaClockPaused.class, e -> e.ticketId().equals(ticket.ticketId()))))
                .extracting(e -> e.event().metric() + "@" + e.event().pausedAt())
                .containsExactlyInAnyOrder("FIRST_RESPONSE@" + t0.plus(Duration.ofMinutes(10)), "RESOLUTION@" + t0.plus(Duration.ofMinutes(10)));
        assertThat(SlaClocksIT.distinct(sla.received(SlaClockResumed.class, e -> e.ticketId().equals(ticket.ticketId()))))
                .extracting(e -> e.event().pausedTotal()).containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(30));
    }

    @Test
    void closing_a_ticket_stops_its_running_clocks() {
        Tickets ticket = Tickets.fresh();
        Instant t0 = now();
        upstream.publish(UUID.randomUUID(), ticket.created(Priority.P1, t0));
        sla.await(SlaClockStarted.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);

        upstream.publish(UUID.randomUUID(), ticket.closed(2, t0.plus(Duration.ofMinutes(20))));

        SlaClockStopped stopped = sla.await(SlaClockStopped.class,
                e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.FIRST_RESPONSE);
        assertThat(stopped.reason()).isEqualTo("ticket-closed");
        assertThat(stopped.stoppedAt()).isEqualTo(t0.plus(Duration.ofMinutes(20)));
        sla.await(SlaClockStopped.class, e -> e.ticketId().equals(ticket.ticketId()) && e.metric() == SlaMetric.RESOLUTION);
        Map<String, Object> view = http.get().uri("/api/v1/sla/tickets/{no}", ticket.ticketNo()).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> clocks = (List<Map<String, Object>>) view.get("clocks");
        assertThat(clocks).extracting(c -> c.get("state")).containsOnly("STOPPED");
    }

    @Test
    void the_at_risk_board_lists_running_clocks_by_time_left_with_their_predicted_breach() {
        Tickets soon = Tickets.fresh();
        Tickets later = Tickets.fresh();
        Instant t0 = now().plus(Duration.ofDays(30)); // ahead of every other test's clocks
        upstream.publish(UUID.randomUUID(), later.created(Priority.P2, t0));
        upstream.publish(UUID.randomUUID(), soon.created(Priority.P0, t0));
        sla.await(SlaClockStarted.class, e -> e.ticketId().equals(later.ticketId()) && e.metric() == SlaMetric.RESOLUTION);
        sla.await(SlaClockStarted.class, e -> e.ticketId().equals(soon.ticketId()) && e.metric() == SlaMetric.RESOLUTION);

        List<Map<String, Object>> board = http.get().uri("/api/v1/sla/at-risk?limit=1000").exchange().expectStatus().isOk()
                .expectBody(JSON_LIST).returnResult().getResponseBody();

        List<Map<String, Object>> ours = board.stream()
                .filter(r -> soon.ticketNo().equals(r.get("ticketNo")) || later.ticketNo().equals(r.get("ticketNo"))).toList();
        assertThat(ours).extracting(r -> r.get("ticketNo") + " " + r.get("metric") + " " + r.get("predictedBreachAt")).containsExactly(
                soon.ticketNo() + " FIRST_RESPONSE " + t0.plus(Duration.ofMinutes(15)),
                soon.ticketNo() + " RESOLUTION " + t0.plus(Duration.ofHours(1)),
                later.ticketNo() + " FIRST_RESPONSE " + t0.plus(Duration.ofHours(4)),
                later.ticketNo() + " RESOLUTION " + t0.plus(Duration.ofHours(8)),
                soon.ticketNo() + " RESOLUTION " + t0.plus(Duration.ofHours(24)));
        List<Long> remaining = board.stream().map(r -> ((Number) r.get("remainingSeconds")).longValue()).toList();
        assertThat(remaining).isSorted();
        http.get().uri("/api/v1/sla/at-risk?limit=0").exchange().expectStatus().isBadRequest();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
