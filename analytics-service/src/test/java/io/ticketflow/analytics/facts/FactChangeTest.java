package io.ticketflow.analytics.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.AgentPresenceChanged;
import io.ticketflow.events.CallbackOpened;
import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.Envelope;
import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.SlaBreached;
import io.ticketflow.events.TicketEscalated;
import io.ticketflow.events.TicketReopened;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketTransferred;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Presence;
import io.ticketflow.events.Priority;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.SlaClockMet;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import io.ticketflow.events.TicketflowEvent;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class FactChangeTest {

    private static final Instant AT = Instant.parse("2031-05-04T10:00:00Z");
    private static final UUID EVENT_ID = UUID.fromString("8f1d0f7e-5d0c-4c55-9a43-3b7f3f0c2a11");

    @Test
    void every_change_names_the_ticket_and_remembers_the_event_id() {
        FactChange change = changeOf(created());

        assertThat(change.ticketId()).isEqualTo("t-1");
        assertThat(operator(change, "$set").get("ticketNo")).isEqualTo("203105-000001");
        assertThat(operator(change, "$addToSet").get("appliedEventIds")).isEqualTo(EVENT_ID.toString());
        assertThat(operator(change, "$max").get("lastEventAt")).isEqualTo(Date.from(AT));
    }

    @Test
    void a_created_ticket_sets_its_dimensions_and_creation_time() {
        Document set = operator(changeOf(created()), "$set");

        assertThat(set.get("channel")).isEqualTo("WEB");
        assertThat(set.get("type")).isEqualTo("FUNCTION");
        assertThat(set.get("nature")).isEqualTo("COMPLAINT");
        assertThat(set.get("priority")).isEqualTo("P1");
        assertThat(set.get("department")).isEqualTo("tech");
        assertThat(set.get("createdAt")).isEqualTo(Date.from(AT));
    }

    @Test
    void an_agent_reply_offers_its_time_as_the_first_response_and_the_earliest_wins() {
        TicketReplied reply = new TicketReplied("t-1", "203105-000001", 2, AT.plusSeconds(600), ReplyAuthor.AGENT,
                "agent-1", false, "On it");

        FactChange change = changeOf(reply);

        assertThat(operator(change, "$min").get("firstResponseAt")).isEqualTo(Date.from(AT.plusSeconds(600)));
        assertThat(operator(change, "$inc").get("agentReplies")).isEqualTo(1);
    }

    @Test
    void a_customer_reply_is_no_response() {
        TicketReplied reply = new TicketReplied("t-1", "203105-000001", 2, AT, ReplyAuthor.CUSTOMER, null, false, "Any news?");

        FactChange change = changeOf(reply);

        assertThat(change.update().getUpdateObject().get("$min")).isNull();
        assertThat(operator(change, "$inc").get("customerReplies")).isEqualTo(1);
    }

    @Test
    void a_rating_is_kept_under_its_survey_so_a_second_delivery_overwrites_itself() {
        FactChange change = changeOf(new RatingReceived("t-1", "203105-000001", "survey-7", 2, 3, "slow", AT));

        Document set = operator(change, "$set");
        assertThat(set.get("ratings.survey-7.rating")).isEqualTo(2);
        assertThat(set.get("ratings.survey-7.npsScore")).isEqualTo(3);
        assertThat(set.get("ratings.survey-7.surveyId")).isEqualTo("survey-7");
    }

    @Test
    void ids_with_dots_or_dollars_become_safe_distinct_keys() {
        FactChange callback = changeOf(new CallbackOpened("t-1", "203105-000001", "cb.1", "$survey", 2, null, AT, null));

        Document set = operator(callback, "$set");
        assertThat(set.get("callbacks.cb%2E1.callbackId")).isEqualTo("cb.1");
        assertThat(set.get("callbacks.cb%2E1.surveyId")).isEqualTo("$survey");
        assertThat(FactFields.key("a.b")).isNotEqualTo(FactFields.key("a%2Eb"));
        assertThat(FactFields.key("$x")).isEqualTo("%24x");
        assertThat(FactFields.key("")).isEqualTo("%");
    }

    @Test
    void a_met_sla_clock_records_whether_it_was_on_time() {
        FactChange change = changeOf(new SlaClockMet("t-1", "203105-000001", "clock-1", SlaMetric.FIRST_RESPONSE,
                AT, AT.plusSeconds(3600), AT.plusSeconds(600), true));

        Document set = operator(change, "$set");
        assertThat(set.get("slaClocks.clock-1.metric")).isEqualTo("FIRST_RESPONSE");
        assertThat(set.get("slaClocks.clock-1.onTime")).isEqualTo(true);
        assertThat(set.get("slaClocks.clock-1.metAt")).isEqualTo(Date.from(AT.plusSeconds(600)));
    }

    @Test
    void an_event_about_no_ticket_changes_no_facts() {
        Envelope<TicketflowEvent> presence = Envelope.of(EVENT_ID, "/ticketflow/routing-service", AT,
                new AgentPresenceChanged("agent-1", Presence.ONLINE, AT));

        assertThat(FactChange.of(presence)).isEmpty();
    }

    @Test
    void a_stored_document_reads_back_as_facts() {
        Document stored = new Document("_id", "t-1")
                .append("ticketNo", "203105-000001")
                .append("channel", "PHONE")
                .append("priority", "P2")
                .append("createdAt", Date.from(AT))
                .append("firstResponseAt", Date.from(AT.plusSeconds(600)))
                .append("assignmentCount", 2)
                .append("slaClocks", new Document("c1", new Document("clockId", "c1").append("metric", "FIRST_RESPONSE")
                        .append("metAt", Date.from(AT.plusSeconds(600))).append("onTime", true)))
                .append("ratings", new Document("s1", new Document("surveyId", "s1").append("rating", 2).append("npsScore", null)))
                .append("callbacks", new Document("cb1", new Document("callbackId", "cb1")));

        TicketFact fact = FactDocuments.read(stored);

        assertThat(fact.channel()).isEqualTo(Channel.PHONE);
        assertThat(fact.priority()).isEqualTo(Priority.P2);
        assertThat(fact.createdAt()).isEqualTo(AT);
        assertThat(fact.firstResponseAt()).isEqualTo(AT.plusSeconds(600));
        assertThat(fact.resolved()).isFalse();
        assertThat(fact.assignmentCount()).isEqualTo(2);
        assertThat(fact.slaClocks()).containsExactly(
                new TicketFact.SlaClock("c1", "FIRST_RESPONSE", null, null, AT.plusSeconds(600), true, null, null, null, null));
        assertThat(fact.ratings()).containsExactly(new TicketFact.Rating("s1", 2, null, null, false));
        assertThat(fact.callbacksOpened()).isEqualTo(1);
    }

    @Test
    void every_event_is_pushed_to_the_timeline_with_its_own_time_status_and_a_masked_detail() {
        TicketTransferred transfer = new TicketTransferred("t-1", "203105-000001", "agent-1", null, "ops", Department.TECH,
                Department.OPERATIONS, "customer 13812345678 asked", 2, "agent-1", AT.plusSeconds(90));

        FactChange change = FactChange.of(Envelope.of(EVENT_ID, "/ticketflow/test", AT.plusSeconds(5000), transfer)).orElseThrow();

        Document moment = (Document) operator(change, "$push").get("timeline");
        assertThat(moment.get("event")).isEqualTo("TicketTransferred");
        assertThat(moment.get("at")).isEqualTo(Date.from(AT.plusSeconds(90)));
        assertThat(moment.get("sequence")).isNull();
        assertThat((String) moment.get("detail")).startsWith("tech -> operations").doesNotContain("13812345678");
        assertThat(operator(change, "$max").get("transfers")).isEqualTo(2);
        assertThat(operator(change, "$max").get("lastEventAt")).isEqualTo(Date.from(AT.plusSeconds(90)));
    }

    @Test
    void lifecycle_events_carry_their_sequence_and_the_status_they_leave() {
        Document resolved = (Document) operator(changeOf(new TicketResolved("t-1", "203105-000001", 7, AT, "agent-1", null,
                null, 1)), "$push").get("timeline");
        Document reopened = (Document) operator(changeOf(new TicketReopened("t-1", "203105-000001", 8, AT, "not fixed", 1,
                "c-1", null)), "$push").get("timeline");

        assertThat(resolved.get("sequence")).isEqualTo(7L);
        assertThat(resolved.get("status")).isEqualTo("RESOLVED");
        assertThat(reopened.get("status")).isEqualTo("REOPENED");
    }

    @Test
    void breaches_and_escalations_are_kept_under_their_own_ids() {
        FactChange breach = changeOf(new SlaBreached("t-1", "203105-000001", "clock.1", SlaMetric.RESOLUTION, Priority.P1,
                Department.TECH, AT, AT.plusSeconds(1), 1));
        FactChange escalation = changeOf(new TicketEscalated("t-1", "203105-000001", "esc-1", EscalationLevel.MAJOR, "breach",
                "team-lead", null, Department.TECH, List.of(), "clock.1", SlaMetric.RESOLUTION, Priority.P1, null, AT));

        assertThat(operator(breach, "$min").get("slaClocks.clock%2E1.breachedAt")).isEqualTo(Date.from(AT.plusSeconds(1)));
        assertThat(operator(breach, "$set").get("slaClocks.clock%2E1.metric")).isEqualTo("RESOLUTION");
        assertThat(operator(escalation, "$set").get("escalations.esc-1.level")).isEqualTo("MAJOR");
        assertThat(operator(escalation, "$set").get("escalations.esc-1.department")).isEqualTo("tech");
    }

    private static TicketCreated created() {
        return new TicketCreated("t-1", "203105-000001", 1, AT, Channel.WEB, "c-1", "138****5678", false, "Cannot pay",
                "Payment fails", List.of("billing"), TicketType.FUNCTION, Nature.COMPLAINT, Priority.P1, Department.TECH,
                TicketStatus.NEW, List.of());
    }

    private static FactChange changeOf(TicketflowEvent event) {
        return FactChange.of(Envelope.of(EVENT_ID, "/ticketflow/test", AT, event)).orElseThrow();
    }

    private static Document operator(FactChange change, String operator) {
        return (Document) change.update().getUpdateObject().get(operator);
    }
}
