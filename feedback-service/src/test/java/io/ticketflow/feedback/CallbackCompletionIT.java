package io.ticketflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketflow.events.CallbackAttempted;
import io.ticketflow.events.CallbackCompleted;
import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.CallbackOutcome;
import io.ticketflow.events.FeedbackEvent;
import io.ticketflow.events.ReopenRequested;
import io.ticketflow.events.RootCause;
import io.ticketflow.events.RootCauseFactor;
import io.ticketflow.events.SurveySent;
import io.ticketflow.feedback.ticket.TicketAssignments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;

/** Team leads call dissatisfied customers back and report what they found; the ticket closes or reopens on it. */
class CallbackCompletionIT extends FeedbackScenario {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TicketAssignments assignments;

    @Test
    void the_callback_goes_to_the_lead_of_the_team_that_held_the_ticket_and_a_later_assignment_wins() {
        Ticket ticket = newTicket("Refund missing");
        CallbackOpened opened = lowRatingAfter(ticket, 2, "lead-zhang", "billing-2");

        assertThat(opened.owner()).isEqualTo("lead-zhang");
        assertThat(opened.team()).isEqualTo("billing-2");
        assertThat(callback(opened.callbackId()))
                .containsEntry("owner", "lead-zhang").containsEntry("team", "billing-2")
                .containsEntry("status", "OPEN").containsEntry("attempts", 0);
        assertThat(callbacks("?team=billing-2")).extracting(c -> c.get("callbackId")).contains(opened.callbackId());
        assertThat(callbacks("?team=other-team&status=OPEN")).extracting(c -> c.get("callbackId"))
                .doesNotContain(opened.callbackId());
    }

    @Test
    void a_late_older_assignment_never_replaces_a_newer_one() {
        Ticket ticket = newTicket("Out of order");
        assignments.remember(assigned(ticket, 3, "agent-3", "team-c", "lead-c"));
        assignments.remember(assigned(ticket, 2, "agent-2", "team-b", "lead-b"));
        assignments.remember(assigned(ticket, 3, "agent-3", "team-c", "lead-c"));
        assertThat(assignments.find(ticket.ticketId())).hasValueSatisfying(a -> {
            assertThat(a.assignmentNo()).isEqualTo(3);
            assertThat(a.teamLead()).isEqualTo("lead-c");
        });
        assignments.remember(assigned(ticket, 4, "agent-4", "team-d", "lead-d"));
        assertThat(assignments.find(ticket.ticketId()).orElseThrow().teamLead()).isEqualTo("lead-d");
    }

    @Test
    void a_satisfied_customer_completes_the_callback_with_its_root_cause_once() {
        Ticket ticket = newTicket("Wrong invoice");
        CallbackOpened opened = lowRatingAfter(ticket, 1, "lead-li", "billing-1");

        Map<String, Object> done = complete(opened.callbackId(), """
                {"calledBy":"lead-li","reached":true,"rootCause":"TOOLING","factor":"MACHINE",
                 "notes":"Invoice tool rounding bug; customer on 13812345678 is fine now","outcome":"SATISFIED"}""")
                .expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat(done).containsEntry("status", "COMPLETED").containsEntry("outcome", "SATISFIED")
                .containsEntry("rootCause", "TOOLING").containsEntry("factor", "MACHINE").containsEntry("attempts", 1)
                .containsEntry("reached", true).containsEntry("secondsLeft", null)
                .containsEntry("notes", "Invoice tool rounding bug; customer on 138****5678 is fine now");

        CallbackCompleted completed = feedback.await(CallbackCompleted.class, c -> c.callbackId().equals(opened.callbackId()));
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.SATISFIED);
        assertThat(completed.rootCause()).isEqualTo(RootCause.TOOLING);
        assertThat(completed.factor()).isEqualTo(RootCauseFactor.MACHINE);
        assertThat(completed.reached()).isTrue();
        assertThat(completed.rating()).isEqualTo(1);
        assertThat(completed.owner()).isEqualTo("lead-li");
        assertThat(completed.team()).isEqualTo("billing-1");
        assertThat(completed.dueAt()).isEqualTo(opened.dueAt());
        assertThat(completed.notes()).doesNotContain("13812345678");

        // completing it twice is a conflict that changes and publishes nothing
        complete(opened.callbackId(), """
                {"calledBy":"lead-li","reached":true,"rootCause":"PEOPLE_SKILL","outcome":"REOPEN"}""")
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).value(p -> assertThat(p).containsEntry("title", "Callback already completed")
                        .containsEntry("callbackId", opened.callbackId()));
        markerAfter(ticket);
        assertThat(eventsOf(opened.callbackId())).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CallbackOpened", "CallbackCompleted");
        assertThat(callback(opened.callbackId())).containsEntry("outcome", "SATISFIED").containsEntry("rootCause", "TOOLING");
    }

    @Test
    void a_reopen_asks_intake_for_the_ticket_back_with_the_preferred_agent() {
        Ticket ticket = newTicket("Broken charger");
        CallbackOpened opened = lowRatingAfter(ticket, 3, "lead-chen", "hardware");

        complete(opened.callbackId(), """
                {"calledBy":"lead-chen","reached":true,"rootCause":"CROSS_TEAM_RESOURCES","factor":"MATERIAL",
                 "notes":"Replacement part never shipped","outcome":"REOPEN","preferredAgentId":"agent-9"}""")
                .expectStatus().isOk()
                .expectBody(JSON_OBJECT).value(v -> assertThat(v).containsEntry("outcome", "REOPEN"));

        CallbackCompleted completed = feedback.await(CallbackCompleted.class, c -> c.callbackId().equals(opened.callbackId()));
        ReopenRequested reopen = feedback.await(ReopenRequested.class, r -> r.callbackId().equals(opened.callbackId()));
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.REOPEN);
        assertThat(reopen.ticketId()).isEqualTo(ticket.ticketId());
        assertThat(reopen.preferredAgentId()).isEqualTo("agent-9");
        assertThat(reopen.requestedBy()).isEqualTo("lead-chen");
        assertThat(reopen.reason()).contains("CROSS_TEAM_RESOURCES").contains("Replacement part never shipped");
        assertThat(eventsOf(opened.callbackId())).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CallbackOpened", "CallbackCompleted", "ReopenRequested");
    }

    @Test
    void an_unreached_customer_is_tried_again_and_the_task_ends_unreachable_after_the_last_attempt() {
        Ticket ticket = newTicket("No signal");
        CallbackOpened opened = lowRatingAfter(ticket, 2, "lead-zhou", "network");
        String noAnswer = """
                {"calledBy":"lead-zhou","reached":false,"notes":"no answer"}""";

        complete(opened.callbackId(), noAnswer).expectStatus().isOk()
                .expectBody(JSON_OBJECT).value(v -> assertThat(v).containsEntry("status", "OPEN").containsEntry("attempts", 1));
        complete(opened.callbackId(), noAnswer).expectStatus().isOk()
                .expectBody(JSON_OBJECT).value(v -> assertThat(v).containsEntry("status", "OPEN").containsEntry("attempts", 2));
        complete(opened.callbackId(), noAnswer).expectStatus().isOk()
                .expectBody(JSON_OBJECT).value(v -> assertThat(v).containsEntry("status", "COMPLETED")
                        .containsEntry("outcome", "UNREACHABLE").containsEntry("attempts", 3));

        CallbackCompleted completed = feedback.await(CallbackCompleted.class, c -> c.callbackId().equals(opened.callbackId()));
        assertThat(completed.outcome()).isEqualTo(CallbackOutcome.UNREACHABLE);
        assertThat(completed.reached()).isFalse();
        assertThat(completed.attempts()).isEqualTo(3);
        assertThat(feedback.received(CallbackAttempted.class, a -> a.callbackId().equals(opened.callbackId())))
                .extracting(e -> e.event().attemptNo() + ":" + e.event().willRetry())
                .containsExactly("1:true", "2:true", "3:false");
        complete(opened.callbackId(), noAnswer).expectStatus().isEqualTo(409);
        assertThat(callbacks("?status=COMPLETED&team=network")).extracting(c -> c.get("callbackId")).contains(opened.callbackId());
        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("ticketflow_feedback_callbacks_completed_total\\{[^}]*outcome=\"UNREACHABLE\"[^}]*\\} [1-9]");
    }

    @Test
    void bad_completions_are_refused_naming_the_field_and_change_and_publish_nothing() {
        Ticket ticket = newTicket("Late refund");
        CallbackOpened opened = lowRatingAfter(ticket, 2, "lead-wu", "billing-3");

        Map<String, String> bad = Map.of(
                "{\"calledBy\":\"lead-wu\",\"reached\":true,\"rootCause\":\"WEATHER\",\"outcome\":\"SATISFIED\"}", "rootCause",
                "{\"calledBy\":\"lead-wu\",\"reached\":true,\"rootCause\":\"TOOLING\",\"factor\":\"LUCK\",\"outcome\":\"SATISFIED\"}", "factor",
                "{\"calledBy\":\"lead-wu\",\"reached\":true,\"outcome\":\"SATISFIED\"}", "rootCause",
                "{\"calledBy\":\"lead-wu\",\"reached\":true,\"rootCause\":\"TOOLING\"}", "outcome",
                "{\"calledBy\":\"lead-wu\",\"reached\":true,\"rootCause\":\"TOOLING\",\"outcome\":\"UNREACHABLE\"}", "outcome",
                "{\"calledBy\":\"lead-wu\",\"reached\":false,\"outcome\":\"SATISFIED\"}", "outcome",
                "{\"reached\":false}", "calledBy",
                "{\"calledBy\":\"lead-wu\"}", "reached",
                "{\"calledBy\":\"lead-wu\",\"reached\":true,\"rootCause\":\"TOOLING\",\"outcome\":\"SATISFIED\",\"preferredAgentId\":\"a-1\"}", "preferredAgentId",
                "{\"calledBy\":\"lead-wu\",\"reached\":false,\"notes\":\"" + "x".repeat(2001) + "\"}", "notes");
        bad.forEach((body, field) -> complete(opened.callbackId(), body)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).value(problem -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
                    assertThat(errors).as(body).extracting(e -> e.get("field")).containsExactly(field);
                }));
        complete(opened.callbackId(), "{\"calledBy\":\"lead-wu\",\"reached\":true,\"rootCause\":\"WEATHER\",\"outcome\":\"SATISFIED\"}")
                .expectBody(JSON_OBJECT).value(problem -> assertThat(problem.get("errors")).asString()
                        .contains("PROCESS_DESIGN", "TOOLING", "PEOPLE_SKILL", "CROSS_TEAM_RESOURCES"));
        complete("00000000-0000-0000-0000-000000000000", "{\"calledBy\":\"x\",\"reached\":false}")
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(callback(opened.callbackId())).containsEntry("status", "OPEN").containsEntry("attempts", 0)
                .containsEntry("calledBy", null);
        markerAfter(ticket);
        assertThat(eventsOf(opened.callbackId())).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("CallbackOpened");
    }

    /**
     * A ticket routing gave to an agent of {@code team} under {@code lead}, resolved and rated
     * {@code stars}: the callback that opened.
     */
    private CallbackOpened lowRatingAfter(Ticket ticket, int stars, String lead, String team) {
        publish(created(ticket));
        publish(assigned(ticket, 1, "agent-1", "first-line", "lead-first-line"));
        publish(assigned(ticket, 2, "agent-2", team, lead));
        publish(assigned(ticket, 1, "agent-1", "first-line", "lead-first-line")); // a late redelivery changes nothing
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document assignment = mongo.getCollection("assignments").find(new Document("_id", ticket.ticketId())).first();
            return assignment != null && assignment.getInteger("assignmentNo") == 2;
        });
        SurveySent survey = surveyedTicket(ticket);
        answer(tokenOf(survey), "{\"rating\":" + stars + "}").expectStatus().isOk();
        return feedback.await(CallbackOpened.class, c -> c.surveyId().equals(survey.surveyId()));
    }

    /**
     * A later event of the same ticket (same key, same partition) that has come back through the
     * service: everything published about the ticket before it has arrived too.
     */
    private SurveySent markerAfter(Ticket ticket) {
        publish(resolved(ticket, 9));
        return awaitSurvey(ticket, 9);
    }

    private List<FeedbackEvent> eventsOf(String callbackId) {
        return feedback.received(FeedbackEvent.class, e -> callbackId.equals(callbackIdOf(e))).stream()
                .map(e -> (FeedbackEvent) e.event()).toList();
    }

    private static String callbackIdOf(FeedbackEvent event) {
        if (event instanceof CallbackOpened e) {
            return e.callbackId();
        } else if (event instanceof CallbackAttempted e) {
            return e.callbackId();
        } else if (event instanceof CallbackCompleted e) {
            return e.callbackId();
        } else if (event instanceof ReopenRequested e) {
            return e.callbackId();
        }
        return null;
    }
}
