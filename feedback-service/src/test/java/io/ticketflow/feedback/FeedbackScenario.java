package io.ticketflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.SurveySent;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import io.ticketflow.events.TicketflowEvent;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.RawRecords;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The feedback service on a random port against the real broker and database, with what every
 * scenario needs: intake's events as intake would publish them, a probe on {@code ticket.feedback}
 * and its dead-letter topic opened before each scenario, and HTTP calls. Every scenario makes its
 * own tickets, so scenarios never see each other's data.
 */
@TicketflowServiceTest
public abstract class FeedbackScenario {

    /** One SMTP server for every scenario of this JVM, so all of them share one Spring context. */
    protected static final GreenMail SMTP = startSmtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        properties.add("ticketflow.feedback.mail.host", () -> "127.0.0.1");
        properties.add("ticketflow.feedback.mail.port", () -> SMTP.getSmtp().getPort());
        properties.add("ticketflow.feedback.mail.interval", () -> "300ms");
    }

    private static GreenMail startSmtp() {
        try (ServerSocket socket = new ServerSocket(0)) {
            GreenMail mail = new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            socket.close();
            mail.start();
            return mail;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };
    protected static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() {
    };

    private static final AtomicInteger TICKET_NUMBERS = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 900_000));

    @LocalServerPort
    int port;

    protected RestTestClient http;
    protected EventProbe feedback;
    protected RawRecords intake;

    @BeforeEach
    void openScenario() {
        http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        feedback = EventProbe.open(Topics.Names.FEEDBACK, Topics.deadLetter(Topics.Names.LIFECYCLE));
        intake = new RawRecords();
    }

    @AfterEach
    void closeScenario() {
        intake.close();
        feedback.close();
    }

    /** A ticket of this scenario alone. */
    protected record Ticket(String ticketId, String ticketNo, String subject) {
    }

    protected static Ticket newTicket(String subject) {
        return new Ticket(UUID.randomUUID().toString(), "202611-" + String.format("%06d", TICKET_NUMBERS.incrementAndGet()), subject);
    }

    protected static TicketCreated created(Ticket ticket) {
        return new TicketCreated(ticket.ticketId(), ticket.ticketNo(), 1, Instant.now().minus(1, ChronoUnit.HOURS),
                Channel.WEB, "customer-" + ticket.ticketId(), "138****5678", false, ticket.subject(), "It does not work",
                List.of("billing"), TicketType.FUNCTION, Nature.COMPLAINT, Priority.P2, Department.TECH, TicketStatus.NEW,
                List.of());
    }

    /** A ticket that came in by email, from a customer whose id is their address (or null). */
    protected static TicketCreated createdByEmail(Ticket ticket, String customerId) {
        return new TicketCreated(ticket.ticketId(), ticket.ticketNo(), 1, Instant.now().minus(1, ChronoUnit.HOURS),
                Channel.EMAIL, customerId, "l***@example.com", false, ticket.subject(), "It does not work", List.of(),
                TicketType.FUNCTION, Nature.COMPLAINT, Priority.P2, Department.TECH, TicketStatus.NEW, List.of());
    }

    /** Routing gave the ticket to an agent of a team with a lead. */
    protected static TicketAssigned assigned(Ticket ticket, int assignmentNo, String agentId, String team, String teamLead) {
        return new TicketAssigned(ticket.ticketId(), ticket.ticketNo(), agentId, team, Department.TECH, assignmentNo,
                "skill-match", Instant.now(), teamLead, "supervisor-" + team);
    }

    protected static TicketResolved resolved(Ticket ticket, int resolutionNo, Instant at) {
        return new TicketResolved(ticket.ticketId(), ticket.ticketNo(), 10L + resolutionNo, at, "agent-1",
                "Reset the payment channel", "tooling", resolutionNo);
    }

    protected static TicketResolved resolved(Ticket ticket, int resolutionNo) {
        return resolved(ticket, resolutionNo, Instant.now());
    }

    /** Publishes as intake would, with a fresh {@code ce_id}. */
    protected void publish(TicketflowEvent event) {
        intake.publish(UUID.randomUUID(), event);
    }

    /** A created ticket, resolved: returns the survey that was sent about it. */
    protected SurveySent surveyedTicket(Ticket ticket) {
        publish(created(ticket));
        publish(resolved(ticket, 1));
        return awaitSurvey(ticket, 1);
    }

    protected SurveySent awaitSurvey(Ticket ticket, int resolutionNo) {
        return feedback.await(SurveySent.class, s -> s.ticketId().equals(ticket.ticketId()) && s.resolutionNo() == resolutionNo);
    }

    /** The token at the end of a survey link. */
    protected static String tokenOf(SurveySent survey) {
        assertThat(survey.link()).contains("/surveys/");
        return survey.link().substring(survey.link().lastIndexOf('/') + 1);
    }

    protected RestTestClient.ResponseSpec answer(String token, String json) {
        return http.post().uri("/api/v1/surveys/{token}", token).contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    protected Map<String, Object> customerView(String token) {
        return http.get().uri("/api/v1/surveys/{token}", token).exchange()
                .expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
    }

    protected List<Map<String, Object>> surveysOf(Ticket ticket) {
        return http.get().uri("/api/v1/surveys?ticketNo={no}", ticket.ticketNo()).exchange()
                .expectStatus().isOk()
                .expectBody(JSON_ARRAY).returnResult().getResponseBody();
    }

    protected RestTestClient.ResponseSpec complete(String callbackId, String json) {
        return http.post().uri("/api/v1/callbacks/{id}/completion", callbackId).contentType(MediaType.APPLICATION_JSON)
                .body(json).exchange();
    }

    protected Map<String, Object> callback(String callbackId) {
        return http.get().uri("/api/v1/callbacks/{id}", callbackId).exchange()
                .expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
    }

    protected List<Map<String, Object>> callbacks(String query) {
        return http.get().uri("/api/v1/callbacks" + query).exchange()
                .expectStatus().isOk()
                .expectBody(JSON_ARRAY).returnResult().getResponseBody();
    }
}
