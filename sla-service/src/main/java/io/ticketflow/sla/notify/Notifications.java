package io.ticketflow.sla.notify;

import io.ticketflow.events.PersonalData;
import io.ticketflow.events.SlaWarningRaised;
import io.ticketflow.events.TicketEscalated;
import io.ticketflow.sla.escalation.SlaTicket;
import io.ticketflow.sla.escalation.TicketStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Mails the people who must act. It runs on the published events (a consumer of
 * {@code ticket.sla}), so a slow or broken mail server never delays or loses an event: sending
 * happens on its own threads, is retried {@code attempts} times with a doubling back-off, and a
 * mail that still fails is logged and counted, not retried further. A mail already sent for an
 * event and recipient (recorded in {@code notifications}) is not sent again on redelivery.
 */
@Service
public class Notifications implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final NotifyProperties properties;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TicketStore tickets;
    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final ScheduledExecutorService senders = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "sla-notify");
        thread.setDaemon(true);
        return thread;
    });

    public Notifications(NotifyProperties properties, ObjectProvider<JavaMailSender> mailSender, TicketStore tickets, MongoTemplate mongo,
            MeterRegistry meters) {
        this.properties = properties;
        this.mailSender = mailSender;
        this.tickets = tickets;
        this.mongo = mongo;
        this.meters = meters;
        log.info("sla notifications enabled={} mailServer={}", properties.enabled(), mailSender.getIfAvailable() != null);
    }

    /** A warning of a high-priority ticket goes to its owner. */
    public void warningRaised(SlaWarningRaised warning, UUID eventId) {
        if (!properties.enabled() || warning.priority() == null || !properties.warningPriorities().contains(warning.priority())) {
            return;
        }
        Optional<String> owner = tickets.byId(warning.ticketId()).map(SlaTicket::ownerAgentId);
        String subject = "[SLA " + warning.priority() + "] ticket " + warning.ticketNo() + ": " + warning.percent() + "% of "
                + warning.metric() + " used";
        String text = "Ticket " + warning.ticketNo() + " has used " + warning.percent() + "% of its " + warning.metric()
                + " time. It is due at " + warning.dueAt() + ".";
        if (owner.isEmpty()) {
            log.info("warning not mailed, the ticket has no owner yet ticketNo={} eventId={}", warning.ticketNo(), eventId);
        }
        owner.ifPresent(id -> send(eventId, id, subject, text));
    }

    /** An escalation goes to the ticket's owner and to the person it escalates to. */
    public void escalated(TicketEscalated escalation, UUID eventId) {
        if (!properties.enabled()) {
            return;
        }
        String subject = "[SLA " + escalation.level() + "] ticket " + escalation.ticketNo() + " escalated to "
                + escalation.targetRole();
        String text = "Ticket " + escalation.ticketNo() + " (priority " + escalation.priority() + ", department "
                + escalation.department().id() + ") was escalated to " + escalation.level() + " (" + escalation.targetRole()
                + ") because of " + escalation.trigger() + " at " + escalation.escalatedAt() + ".";
        Set<String> people = new LinkedHashSet<>();
        if (escalation.ownerAgentId() != null) {
            people.add(escalation.ownerAgentId());
        }
        if (escalation.targetId() != null) {
            people.add(escalation.targetId());
        }
        people.forEach(person -> send(eventId, person, subject, text));
    }

    private void send(UUID eventId, String personId, String subject, String text) {
        Optional<String> address = properties.addressOf(personId);
        JavaMailSender sender = mailSender.getIfAvailable();
        if (address.isEmpty() || sender == null) {
            log.warn("no mail for person={} eventId={}: {}", personId, eventId, address.isEmpty() ? "no address" : "no mail server");
            return;
        }
        String key = eventId + "/" + personId;
        if (mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(key)), SentMail.class)) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(address.get());
        message.setSubject(subject);
        message.setText(text);
        attempt(sender, message, key, personId, 1);
    }

    private void attempt(JavaMailSender sender, SimpleMailMessage message, String key, String personId, int attempt) {
        senders.execute(() -> {
            try {
                sender.send(message);
                try {
                    mongo.insert(new SentMail(key, personId, message.getSubject()));
                } catch (DuplicateKeyException alreadyRecorded) {
                    log.debug("mail already recorded key={}", key);
                }
                meters.counter("ticketflow.sla.notifications", "outcome", "sent").increment();
                log.info("notification sent to={} person={} subject=\"{}\"", PersonalData.maskText(String.join(",", message.getTo())),
                        personId, message.getSubject());
            } catch (MailException e) {
                if (attempt >= properties.attempts()) {
                    meters.counter("ticketflow.sla.notifications", "outcome", "failed").increment();
                    log.error("notification given up after {} attempts person={} subject=\"{}\": {}", attempt, personId,
                            message.getSubject(), e.getMessage());
                    return;
                }
                Duration wait = properties.backoff().multipliedBy(1L << (attempt - 1));
                log.warn("notification failed, retrying in {} person={} attempt={}: {}", wait, personId, attempt, e.getMessage());
                senders.schedule(() -> attempt(sender, message, key, personId, attempt + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    @Override
    public void destroy() {
        senders.shutdown();
    }
}
