package io.ticketflow.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import io.ticketflow.events.Channel;
import io.ticketflow.events.SurveySent;
import io.ticketflow.events.TicketAssigned;
import io.ticketflow.events.TicketClosed;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The email customer's whole loop, black box: a customer mails the support mailbox and gets the
 * ticket number back by mail; the ticket is routed and resolved; the survey link arrives in the
 * customer's inbox in the same thread (mailed by intake, which alone holds the address), the
 * customer follows it and rates 5 stars, and the ticket closes. Nothing is mailed twice.
 */
@WithTicketflowSystem
class EmailStoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("(http://\\S+/surveys/\\S+)");

    static TicketflowSystem system;
    static EventProbe events;

    @BeforeAll
    static void startTheSystem() {
        system = TicketflowSystem.get();
        events = EventProbe.open(system.kafkaBootstrapServers(),
                List.of(Topics.Names.LIFECYCLE, Topics.Names.ROUTING, Topics.Names.FEEDBACK));
    }

    @AfterAll
    static void closeProbe() {
        events.close();
    }

    @Test
    void a_customer_who_writes_in_gets_the_ticket_number_and_the_survey_by_mail_and_closes_the_loop() throws Exception {
        String intake = system.url("intake");
        String routing = system.url("routing");
        String feedback = system.url("feedback");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String agentId = "mail-agent-" + unique;
        String customer = "customer-" + unique + "@example.test";
        String subject = "Invoice missing for my order";

        // Given an online agent of customer service, where an untagged mail ticket goes
        assertThat(Http.put(routing + "/api/v1/agents/" + agentId, """
                {"name":"Chen Jing","team":"mail-team-%s","department":"CUSTOMER_SERVICE","skills":{"billing":4},
                 "capacity":5,"vipCustomers":[]}
                """.formatted(unique)).status()).isEqualTo(200);
        assertThat(Http.put(routing + "/api/v1/agents/" + agentId + "/presence", "{\"presence\":\"ONLINE\"}").status())
                .isEqualTo(200);

        // When the customer mails the support mailbox
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress(customer));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(TicketflowSystem.HELPDESK));
        mail.setSubject(subject + " " + unique, UTF_8.name());
        mail.setText("I paid order 12345678 by card (ref " + unique + ") but the invoice never came. Please send the billing invoice.",
                UTF_8.name());
        mail.saveChanges();
        system.mail().getUserManager().getUserByEmail(TicketflowSystem.HELPDESK).deliver(mail);

        // then it becomes a ticket, the customer gets its number by mail, and it is routed
        TicketCreated created = events.await(TicketCreated.class, e -> e.subject().contains(unique));
        assertThat(created.channel()).isEqualTo(Channel.EMAIL);
        assertThat(created.contactMasked()).doesNotContain(customer);
        String ticketNo = created.ticketNo();
        MimeMessage acknowledgement = awaitMail(customer, m -> !subjectOf(m).contains("How did we do?"));
        assertThat(subjectOf(acknowledgement)).startsWith("[" + ticketNo + "]");
        TicketAssigned assigned = events.await(TicketAssigned.class, e -> e.ticketNo().equals(ticketNo));

        // When the agent answers and resolves it
        assertThat(Http.post(intake + "/api/v1/tickets/" + ticketNo + "/replies",
                "{\"author\":\"AGENT\",\"agentId\":\"" + assigned.agentId() + "\",\"message\":\"The invoice is on its way.\"}")
                .status()).isEqualTo(200);
        Http.Response resolved = Http.post(intake + "/api/v1/tickets/" + ticketNo + "/resolution",
                "{\"agentId\":\"" + assigned.agentId() + "\",\"summary\":\"Invoice re-sent\",\"rootCause\":\"tooling\"}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);

        // then the survey link arrives in the customer's inbox, in the ticket's thread
        SurveySent sent = events.await(SurveySent.class, e -> e.ticketNo().equals(ticketNo));
        MimeMessage surveyMail = awaitMail(customer, m -> subjectOf(m).contains("How did we do?"));
        assertThat(subjectOf(surveyMail)).isEqualTo("[" + ticketNo + "] 服务满意度调查 / How did we do?");
        assertThat(surveyMail.getHeader("In-Reply-To", null)).isEqualTo(mail.getMessageID());
        Matcher link = LINK.matcher(surveyMail.getContent().toString());
        assertThat(link.find()).as("a link in the survey mail").isTrue();
        assertThat(link.group(1)).isEqualTo(sent.link());

        // and feedback, which has no address for a mail customer, says intake mailed it
        await().atMost(PATIENCE).until(() -> Http.get(feedback + "/api/v1/surveys?ticketNo=" + ticketNo).json()
                .get(0).path("mailStatus").asText(), "BY_INTAKE"::equals);

        // When the customer follows the link and rates 5 stars
        String token = sent.link().substring(sent.link().lastIndexOf('/') + 1);
        assertThat(Http.get(link.group(1)).status()).isEqualTo(200);
        assertThat(Http.post(feedback + "/api/v1/surveys/" + token, "{\"rating\":5}").status()).isEqualTo(200);

        // then the ticket closes, and the customer got exactly two mails: the number and the survey
        events.await(TicketClosed.class, e -> e.ticketNo().equals(ticketNo));
        await().atMost(PATIENCE).until(() -> "CLOSED".equals(Http.get(intake + "/api/v1/tickets/" + ticketNo).json()
                .path("status").asText()));
        assertThat(inbox(customer)).hasSize(2);
    }

    private static MimeMessage awaitMail(String customer, java.util.function.Predicate<MimeMessage> which) {
        return await().atMost(PATIENCE).until(() -> inbox(customer).stream().filter(which).findFirst().orElse(null),
                m -> m != null);
    }

    private static List<MimeMessage> inbox(String customer) throws Exception {
        GreenMailUser user = system.mail().getUserManager().getUserByEmail(customer);
        if (user == null) {
            return List.of();
        }
        return system.mail().getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .map(StoredMessage::getMimeMessage).toList();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
