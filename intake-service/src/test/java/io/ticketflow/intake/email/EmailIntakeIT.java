package io.ticketflow.intake.email;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.events.Channel;
import io.ticketflow.events.PersonalData;
import io.ticketflow.events.ReplyAuthor;
import io.ticketflow.events.SurveySent;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketReplied;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.RawRecords;
import io.ticketflow.testkit.TicketflowServiceTest;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The email channel against a real mail server (GreenMail, SMTP and IMAP on free ports): the
 * poller reads the support mailbox, tickets and replies go through the same paths as the API onto
 * the real broker, acknowledgements and survey links go back by SMTP. Every scenario mails from its own address
 * with its own subject, so scenarios never see each other's mail.
 */
@TicketflowServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext // the poller would go on polling a mail server that stops with this class
class EmailIntakeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String HELPDESK = "helpdesk@ticketflow.test";
    private static final String FAILED = "ticketflow-failed";
    private static final int SMTP_PORT = freePort();
    private static final int IMAP_PORT = freePort();
    private static final Session SESSION = Session.getInstance(new Properties());

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(HELPDESK, "helpdesk", "secret"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry properties) {
        properties.add("ticketflow.intake.email.enabled", () -> "true");
        properties.add("ticketflow.intake.email.host", () -> "127.0.0.1");
        properties.add("ticketflow.intake.email.port", () -> IMAP_PORT);
        properties.add("ticketflow.intake.email.ssl", () -> "false");
        properties.add("ticketflow.intake.email.username", () -> "helpdesk");
        properties.add("ticketflow.intake.email.password", () -> "secret");
        properties.add("ticketflow.intake.email.poll-interval", () -> "250ms");
        properties.add("ticketflow.intake.email.smtp.host", () -> "127.0.0.1");
        properties.add("ticketflow.intake.email.smtp.port", () -> SMTP_PORT);
        properties.add("ticketflow.intake.email.smtp.ssl", () -> "false");
        properties.add("ticketflow.intake.email.smtp.from", () -> HELPDESK);
        properties.add("ticketflow.intake.email.acknowledgement-attempts", () -> "3");
        properties.add("ticketflow.intake.email.acknowledgement-backoff", () -> "100ms");
        properties.add("logging.level.com.icegreen", () -> "WARN"); // GreenMail logs the addresses it creates
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SurveyMails surveyMails;

    @LocalServerPort
    int port;

    @Test
    void a_mail_becomes_one_ticket_and_its_sender_gets_the_ticket_number() throws Exception {
        String sender = newSender();
        String subject = "Cannot log in " + token();
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            MimeMessage mail = mail(sender, subject, "The app fails with error E1001 when I log in. Call 13812345678.");
            deliver(mail);

            TicketCreated created = lifecycle.await(TicketCreated.class, e -> subject.equals(e.subject()));

            assertThat(created.channel()).isEqualTo(Channel.EMAIL);
            assertThat(created.contactMasked()).isEqualTo(PersonalData.maskContact(sender)).doesNotContain(sender);
            assertThat(created.description()).contains("E1001").doesNotContain("13812345678");
            assertThat(created.status()).isEqualTo(TicketStatus.NEW);

            MimeMessage answer = awaitAnswer(sender);
            assertThat(answer.getSubject()).isEqualTo("[" + created.ticketNo() + "] " + subject);
            assertThat(answer.getFrom()[0].toString()).isEqualTo(HELPDESK);
            assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(mail.getMessageID());
            assertThat(answer.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
            assertThat(answer.getContent().toString()).contains(created.ticketNo()).contains("工单号").contains("ticket number");
            await().atMost(PATIENCE).until(() -> seen(mail.getMessageID()));
        }
    }

    @Test
    void the_same_mail_seen_twice_is_still_one_ticket_and_one_answer() throws Exception {
        String sender = newSender();
        String subject = "Refund not received " + token();
        MimeMessage mail = mail(sender, subject, "My refund for order 20261123001 has not arrived.");
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            // the same Message-ID twice: a mail server's redelivery, or a restart before \Seen was set
            deliver(mail);
            deliver(mail);

            TicketCreated created = lifecycle.await(TicketCreated.class, e -> subject.equals(e.subject()));
            await().atMost(PATIENCE).until(() -> inboxCopies(mail.getMessageID()) == 2 && seen(mail.getMessageID()));
            awaitAnswer(sender);

            assertThat(lifecycle.received(TicketCreated.class, e -> subject.equals(e.subject()))).hasSize(1);
            assertThat(mongo.count(query(where("subject").is(subject)), "tickets")).isEqualTo(1);
            assertThat(answersTo(sender)).hasSize(1);
            assertThat(answersTo(sender).get(0).getSubject()).startsWith("[" + created.ticketNo() + "]");
        }
    }

    @Test
    void a_reply_by_mail_from_the_ticket_contact_is_a_customer_reply_on_that_ticket() throws Exception {
        String sender = newSender();
        String subject = "Parcel missing " + token();
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            deliver(mail(sender, subject, "My parcel for order 20261123002 never arrived."));
            TicketCreated created = lifecycle.await(TicketCreated.class, e -> subject.equals(e.subject()));
            MimeMessage answer = awaitAnswer(sender);

            MimeMessage reply = mail(sender.toUpperCase(java.util.Locale.ROOT), "Re: " + answer.getSubject(),
                    "The tracking number is SF123456789.\n\nOn Mon, 23 Nov 2026, helpdesk wrote:\n> Hello, we have received");
            deliver(reply);

            TicketReplied replied = lifecycle.await(TicketReplied.class, e -> e.ticketNo().equals(created.ticketNo()));
            assertThat(replied.author()).isEqualTo(ReplyAuthor.CUSTOMER);
            assertThat(replied.ticketId()).isEqualTo(created.ticketId());
            assertThat(replied.message()).contains("SF123456789").doesNotContain("we have received");
            await().atMost(PATIENCE).until(() -> seen(reply.getMessageID()));
            assertThat(lifecycle.received(TicketCreated.class, e -> e.subject() != null
                    && e.subject().contains(created.ticketNo()))).isEmpty();
            assertThat(answersTo(sender)).as("a reply is not answered again").hasSize(1);
        }
    }

    @Test
    void a_ticket_number_from_another_sender_makes_a_new_ticket_and_never_touches_the_other() throws Exception {
        String owner = newSender();
        String stranger = newSender();
        String subject = "Invoice wrong " + token();
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            deliver(mail(owner, subject, "The invoice for order 20261123003 shows the wrong amount."));
            TicketCreated owners = lifecycle.await(TicketCreated.class, e -> subject.equals(e.subject()));

            String hijack = "Re: [" + owners.ticketNo() + "] " + subject;
            deliver(mail(stranger, hijack, "Please close this ticket."));

            TicketCreated strangers = lifecycle.await(TicketCreated.class, e -> hijack.equals("Re: " + e.subject())
                    || (e.subject() != null && e.subject().equals("[" + owners.ticketNo() + "] " + subject)));
            assertThat(strangers.ticketNo()).isNotEqualTo(owners.ticketNo());
            assertThat(strangers.contactMasked()).isEqualTo(PersonalData.maskContact(stranger));
            assertThat(lifecycle.received(TicketReplied.class, e -> e.ticketNo().equals(owners.ticketNo()))).isEmpty();
        }
    }

    @Test
    void an_html_only_mail_gives_its_text_and_attachments_are_kept_as_evidence() throws Exception {
        String sender = newSender();
        String subject = "Checkout broken " + token();
        MimeMessage mail = new MimeMessage(SESSION);
        mail.setFrom(new InternetAddress(sender));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(HELPDESK));
        mail.setSubject(subject, UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<html><head><style>p {color:red}</style></head><body><p>The checkout button&nbsp;crashes"
                + " &amp; nothing happens</p><p>&lt;Safari&gt; &#x4E2D;&#x6587;</p></body></html>", UTF_8.name(), "html");
        MimeBodyPart screenshot = new MimeBodyPart();
        screenshot.setContent(new byte[2048], "image/png");
        screenshot.setFileName("screenshot.png");
        screenshot.setDisposition(MimeBodyPart.ATTACHMENT);
        mail.setContent(new MimeMultipart(html, screenshot));
        mail.saveChanges();

        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            deliver(mail);

            TicketCreated created = lifecycle.await(TicketCreated.class, e -> subject.equals(e.subject()));
            assertThat(created.description())
                    .startsWith("The checkout button crashes & nothing happens\n\n<Safari> 中文")
                    .contains("screenshot.png (image/png, 2.0 KB)")
                    .doesNotContain("<p>", "&amp;", "color:red");
            // a crash needs an error code or a screenshot: the screenshot is there
            assertThat(created.missingInfo()).doesNotContain("errorCode");
        }
    }

    @Test
    void a_mail_that_cannot_be_read_is_moved_to_the_failed_folder_and_makes_no_ticket() throws Exception {
        String subject = "Nobody sent this " + token();
        MimeMessage anonymous = raw("Message-ID: <" + UUID.randomUUID() + "@nowhere.test>\n"
                + "Subject: " + subject + "\nContent-Type: text/plain\n\nwho am I?\n");
        String brokenSubject = "Broken MIME " + token();
        MimeMessage broken = raw("From: " + newSender() + "\nMessage-ID: <" + UUID.randomUUID() + "@customer.test>\n"
                + "Subject: " + brokenSubject + "\nMIME-Version: 1.0\nContent-Type: multipart/mixed\n\nno boundary at all\n");

        deliver(anonymous);
        deliver(broken);

        await().atMost(PATIENCE).until(() -> inFailedFolder(anonymous.getMessageID()) && inFailedFolder(broken.getMessageID()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                meters.get("ticketflow.intake.email.mails").tag("outcome", "failed").counter().count())
                .isGreaterThanOrEqualTo(2));
        assertThat(inboxCopies(anonymous.getMessageID())).isZero();
        assertThat(inboxCopies(broken.getMessageID())).isZero();
        assertThat(mongo.count(query(where("subject").in(subject, brokenSubject)), "tickets")).isZero();
        assertThat(mongo.count(query(where("messageId").in(anonymous.getMessageID(), broken.getMessageID())),
                MailReceipts.COLLECTION)).isZero();
    }

    @Test
    void nothing_stored_for_mail_holds_a_clear_address() throws Exception {
        String sender = newSender();
        String subject = "Privacy " + token();
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            deliver(mail(sender, subject, "Please reply to " + sender + " about the crash E1002."));
            TicketCreated created = lifecycle.await(TicketCreated.class, e -> subject.equals(e.subject()));
            awaitAnswer(sender);

            for (String collection : List.of("tickets", "email_receipts", "idempotency_keys")) {
                for (Document document : mongo.findAll(Document.class, collection)) {
                    assertThat(document.toJson()).as(collection).doesNotContain(sender);
                }
            }
            assertThat(created.description()).doesNotContain(sender);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // it stops the SMTP server for good, so it runs last
    void an_acknowledgement_smtp_refuses_is_retried_then_given_up_and_the_ticket_stays_one() throws Exception {
        MAIL.getSmtp().stopService();
        String sender = newSender();
        String subject = "SMTP down " + token();
        MimeMessage mail = mail(sender, subject, "The export fails with error E2001.");
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            deliver(mail);

            TicketCreated created = lifecycle.await(TicketCreated.class, e -> subject.equals(e.subject()));
            Document receipt = await().atMost(PATIENCE).until(
                    () -> mongo.findOne(query(where("messageId").is(mail.getMessageID())), Document.class,
                            MailReceipts.COLLECTION),
                    r -> r != null && "GAVE_UP".equals(r.getString("ack")));

            assertThat(receipt.get("ackAttempts", Number.class).intValue()).isEqualTo(3);
            assertThat(receipt.getString("ticketNo")).isEqualTo(created.ticketNo());
            assertThat(seen(mail.getMessageID())).isTrue();
            assertThat(lifecycle.received(TicketCreated.class, e -> subject.equals(e.subject()))).hasSize(1);
            assertThat(mongo.count(query(where("subject").is(subject)), "tickets")).isEqualTo(1);
        }
    }

    @Test
    void a_resolved_email_tickets_survey_link_goes_to_its_sender_once_in_its_thread() throws Exception {
        String sender = newSender();
        String subject = "Invoice missing " + token();
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE); RawRecords raw = new RawRecords()) {
            MimeMessage mail = mail(sender, subject, "I did not get the invoice for my last order.");
            deliver(mail);
            TicketCreated created = lifecycle.await(TicketCreated.class, e -> subject.equals(e.subject()));
            awaitAnswer(sender); // the acknowledgement

            SurveySent first = survey(created, 1, Instant.now().plus(Duration.ofDays(7)));
            UUID eventId = UUID.randomUUID();
            raw.publish(eventId, first);
            raw.publish(eventId, first);              // a redelivery
            raw.publish(UUID.randomUUID(), first);    // the same survey again under another event id
            // the survey of a second resolution, behind the duplicates on the ticket's partition:
            // once its mail is out, every duplicate has been handled
            SurveySent second = survey(created, 2, Instant.now().plus(Duration.ofDays(7)));
            raw.publish(UUID.randomUUID(), second);

            List<MimeMessage> surveys = await().atMost(PATIENCE)
                    .until(() -> surveyMailsTo(sender), mails -> mails.size() >= 2);
            assertThat(surveys).hasSize(2);
            assertThat(surveys).filteredOn(m -> body(m).contains(first.link())).hasSize(1);
            assertThat(surveys).filteredOn(m -> body(m).contains(second.link())).hasSize(1);
            MimeMessage mailed = surveys.get(0);
            assertThat(mailed.getSubject()).isEqualTo("[" + created.ticketNo() + "] 服务满意度调查 / How did we do?");
            assertThat(mailed.getFrom()[0].toString()).isEqualTo(HELPDESK);
            assertThat(mailed.getHeader("In-Reply-To", null)).isEqualTo(mail.getMessageID());
            assertThat(mailed.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
            assertThat(body(mailed)).contains(created.ticketNo()).contains("服务").contains("rate our service");
            assertThat(receipt("survey:" + first.surveyId()).getString("surveyMail")).isEqualTo("SENT");
        }
    }

    @Test
    void intake_mails_no_survey_of_other_channels_nor_of_customers_feedback_can_mail_nor_an_expired_link()
            throws Exception {
        // a web ticket: the link is shown in the web or app
        String web = submit("WEB", "c-" + token(), newSender());
        // an email ticket filed under an address as customer id: feedback-service mails that one
        String addressable = submit("EMAIL", newSender(), newSender());
        for (String ticketNo : List.of(web, addressable)) {
            Document ticket = mongo.findOne(query(where("ticketNo").is(ticketNo)), Document.class, "tickets");
            SurveySent sent = new SurveySent(ticket.getString("_id"), ticketNo, UUID.randomUUID().toString(), 1,
                    "http://localhost:8084/surveys/" + token(), Instant.now(), Instant.now().plus(Duration.ofDays(7)));
            surveyMails.surveySent(sent);
            assertThat(mongo.exists(query(where("_id").is("survey:" + sent.surveyId())), MailReceipts.COLLECTION))
                    .as("no survey mail owed for %s", ticketNo).isFalse();
        }

        // a mail ticket whose survey link expired before the mail could go out
        String sender = newSender();
        String subject = "Late survey " + token();
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            deliver(mail(sender, subject, "Where is my parcel?"));
            TicketCreated created = lifecycle.await(TicketCreated.class, e -> subject.equals(e.subject()));
            awaitAnswer(sender);
            SurveySent expired = survey(created, 1, Instant.now().minusSeconds(1));
            surveyMails.surveySent(expired);

            await().atMost(PATIENCE).until(() -> "EXPIRED".equals(receipt("survey:" + expired.surveyId()).getString("surveyMail")));
            assertThat(surveyMailsTo(sender)).isEmpty();
        }
    }

    // --- mail helpers ------------------------------------------------------------------------

    /** Letters only: digit runs in a subject could look like a phone number and be masked. */
    private static String token() {
        return UUID.randomUUID().toString().replace("-", "").chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + (c - '0') : c)))
                .collect(java.util.stream.Collectors.joining()).substring(0, 16);
    }

    private static String newSender() {
        return "c" + UUID.randomUUID().toString().substring(0, 12) + "@customer.test";
    }

    private static MimeMessage mail(String from, String subject, String text) throws MessagingException {
        MimeMessage mail = new MimeMessage(SESSION);
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(HELPDESK));
        mail.setSubject(subject, UTF_8.name());
        mail.setText(text, UTF_8.name());
        mail.saveChanges(); // gives it a Message-ID
        return mail;
    }

    private static MimeMessage raw(String text) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(UTF_8)));
    }

    /** Puts the mail straight into the helpdesk INBOX, as the mail server's delivery would. */
    private static void deliver(MimeMessage mail) {
        helpdesk().deliver(mail);
    }

    private static GreenMailUser helpdesk() {
        return MAIL.getUserManager().getUserByEmail(HELPDESK);
    }

    private static MailFolder folder(String name) throws Exception {
        return MAIL.getManagers().getImapHostManager().getFolder(helpdesk(), name);
    }

    private static long inboxCopies(String messageId) throws Exception {
        return folder("INBOX").getNonDeletedMessages().stream().filter(m -> hasId(m, messageId)).count();
    }

    private static boolean seen(String messageId) throws Exception {
        List<StoredMessage> copies = folder("INBOX").getMessages().stream().filter(m -> hasId(m, messageId)).toList();
        return !copies.isEmpty() && copies.stream().allMatch(m -> m.isSet(Flags.Flag.SEEN));
    }

    private static boolean inFailedFolder(String messageId) throws Exception {
        MailFolder failed = folder(FAILED);
        return failed != null && failed.getMessages().stream().anyMatch(m -> hasId(m, messageId));
    }

    private static boolean hasId(StoredMessage message, String messageId) {
        try {
            return messageId.equals(message.getMimeMessage().getMessageID());
        } catch (MessagingException e) {
            return false;
        }
    }

    private static MimeMessage awaitAnswer(String customer) {
        return await().atMost(PATIENCE).until(() -> answersTo(customer), answers -> !answers.isEmpty()).get(0);
    }

    private static List<MimeMessage> answersTo(String customer) throws Exception {
        GreenMailUser user = MAIL.getUserManager().getUserByEmail(customer);
        if (user == null) {
            return List.of();
        }
        return MAIL.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .map(StoredMessage::getMimeMessage).toList();
    }

    private static SurveySent survey(TicketCreated created, int resolutionNo, Instant expiresAt) {
        return new SurveySent(created.ticketId(), created.ticketNo(), UUID.randomUUID().toString(), resolutionNo,
                "http://localhost:8084/surveys/" + token(), Instant.now(), expiresAt);
    }

    private Document receipt(String key) {
        return mongo.findById(key, Document.class, MailReceipts.COLLECTION);
    }

    /** The survey mails in a customer's inbox (the acknowledgement is the other kind). */
    private static List<MimeMessage> surveyMailsTo(String customer) throws Exception {
        List<MimeMessage> surveys = new java.util.ArrayList<>();
        for (MimeMessage each : answersTo(customer)) {
            if (each.getSubject().contains("How did we do?")) {
                surveys.add(each);
            }
        }
        return surveys;
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Submits a ticket over intake's API; returns its number. */
    private String submit(String channel, String customerId, String contact) throws Exception {
        String json = """
                {"channel":"%s","customerId":"%s","contact":"%s","subject":"Survey channel %s",
                 "description":"The payment page shows error E1001 for my order","tags":["billing"]}
                """.formatted(channel, customerId, contact, token());
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String ticketNo = response.body().replaceAll(".*\"ticketNo\":\"([^\"]+)\".*", "$1");
        await().atMost(PATIENCE).until(() -> mongo.exists(query(where("ticketNo").is(ticketNo).and("version").gte(1)), "tickets"));
        return ticketNo;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
