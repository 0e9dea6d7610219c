package io.ticketflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.ticketflow.events.SurveySent;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An email ticket's survey link goes out by SMTP (a real mail server: GreenMail). */
class SurveyMailIT extends FeedbackScenario {

    @Test
    void the_survey_of_an_email_ticket_is_mailed_to_the_customer_with_its_link() {
        Ticket ticket = newTicket("Cannot log in");
        publish(createdByEmail(ticket, "li.lei@example.com"));
        publish(resolved(ticket, 1));
        SurveySent sent = awaitSurvey(ticket, 1);

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> mailAbout(ticket), m -> m != null);
        assertThat(recipients(mail)).containsExactly("li.lei@example.com");
        assertThat(subject(mail)).contains(ticket.ticketNo()).contains("满意度").contains("How did we do?");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains(sent.link());
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(surveysOf(ticket).get(0).get("mailStatus")));
        assertThat(surveysOf(ticket).get(0)).containsEntry("delivery", "EMAIL");
    }

    @Test
    void an_email_ticket_without_a_known_address_keeps_its_link_and_leaves_the_mail_to_intake() {
        // intake's email tickets carry only the masked sender: no address reaches feedback, and
        // intake mails the link itself (intake-service's EmailIntakeIT)
        Ticket ticket = newTicket("No address");
        publish(createdByEmail(ticket, null));
        publish(resolved(ticket, 1));
        SurveySent sent = awaitSurvey(ticket, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> "BY_INTAKE".equals(surveysOf(ticket).get(0).get("mailStatus")));
        Map<String, Object> survey = surveysOf(ticket).get(0);
        assertThat(survey).containsEntry("delivery", "EMAIL").containsEntry("link", sent.link());
        assertThat(mailAbout(ticket)).isNull();
    }

    private static MimeMessage mailAbout(Ticket ticket) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> ticket.ticketNo().equals(header(m, "X-Ticketflow-Ticket")))
                .findFirst().orElse(null);
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
