package io.ticketflow.intake.email;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.intake.numbering.NumberingProperties;
import io.ticketflow.intake.privacy.ContactVault;
import io.ticketflow.intake.submission.ChannelSubmissions;
import io.ticketflow.intake.ticket.CustomerReplies;
import io.ticketflow.intake.ticket.ResolvedTickets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The email channel, built only when {@code ticketflow.intake.email.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailProperties.class)
@ConditionalOnBooleanProperty("ticketflow.intake.email.enabled")
class EmailConfiguration {

    /** What intake sends through SMTP, if a server is configured, and from which address. */
    record Outgoing(Optional<JavaMailSender> sender, String from) {
    }

    @Bean
    Outgoing emailOutgoing(EmailProperties properties) {
        if (properties.host() == null || properties.host().isBlank()) {
            throw new IllegalStateException("ticketflow.intake.email.host is required when the email channel is enabled");
        }
        Optional<JavaMailSender> sender = Optional.ofNullable(properties.smtp().configured() ? smtp(properties) : null);
        String from = properties.smtp().from() != null && !properties.smtp().from().isBlank()
                ? properties.smtp().from() : properties.username();
        return new Outgoing(sender, from);
    }

    @Bean
    MailReceipts emailReceipts(EmailProperties properties, MongoTemplate mongo, Clock clock) {
        MailReceipts receipts = new MailReceipts(mongo, clock, properties.replyClaim(), properties.receiptRetention());
        receipts.createIndexes();
        return receipts;
    }

    /** Present only when survey links go out by mail: the feedback listener owes them through it. */
    @Bean
    @ConditionalOnBooleanProperty(name = "ticketflow.intake.email.survey-mails", matchIfMissing = true)
    SurveyMails surveyMails(EmailProperties properties, MailReceipts receipts, Outgoing outgoing, ContactVault contacts,
            ResolvedTickets tickets, NumberingProperties numbering, Clock clock) {
        return new SurveyMails(receipts, contacts, tickets, outgoing.sender(), outgoing.from(),
                properties.acknowledgementAttempts(), properties.acknowledgementBackoff(), clock, numbering.zone());
    }

    @Bean
    MailboxPoller mailboxPoller(EmailProperties properties, ChannelSubmissions submissions, CustomerReplies replies,
            ContactVault contacts, MailReceipts receipts, Outgoing outgoing, ObjectProvider<SurveyMails> surveyMails,
            MeterRegistry meters) {
        TicketAcknowledgements acknowledgements = new TicketAcknowledgements(receipts, contacts, outgoing.sender(),
                outgoing.from(), properties.acknowledgementAttempts(), properties.acknowledgementBackoff());
        MailTriage triage = new MailTriage(submissions, replies, contacts, receipts, outgoing.sender().isPresent());
        List<OwedMails> owed = new ArrayList<>(List.of(acknowledgements));
        surveyMails.ifAvailable(owed::add);
        return new MailboxPoller(properties, triage, owed, meters);
    }

    private static JavaMailSender smtp(EmailProperties properties) {
        EmailProperties.Smtp smtp = properties.smtp();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        String protocol = smtp.ssl() ? "smtps" : "smtp";
        sender.setProtocol(protocol);
        sender.setHost(smtp.host());
        sender.setPort(smtp.effectivePort());
        sender.setDefaultEncoding("UTF-8");
        boolean auth = smtp.username() != null && !smtp.username().isBlank();
        if (auth) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
        }
        String timeout = Long.toString(properties.timeout().toMillis());
        Properties mail = new Properties();
        mail.put("mail." + protocol + ".auth", Boolean.toString(auth));
        mail.put("mail." + protocol + ".connectiontimeout", timeout);
        mail.put("mail." + protocol + ".timeout", timeout);
        mail.put("mail." + protocol + ".writetimeout", timeout);
        if (smtp.starttls()) {
            mail.put("mail.smtp.starttls.enable", "true");
            mail.put("mail.smtp.starttls.required", "true");
        }
        if (smtp.ssl()) {
            mail.put("mail.smtps.ssl.checkserveridentity", "true");
        }
        sender.setJavaMailProperties(mail);
        return sender;
    }
}
