package io.ticketflow.feedback.survey;

import io.ticketflow.events.Channel;
import io.ticketflow.events.TicketResolved;
import io.ticketflow.feedback.outbox.Outbox;
import io.ticketflow.feedback.ticket.TicketRecord;
import io.ticketflow.feedback.ticket.TicketRecords;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a survey for every resolution of a ticket: stores it with its {@code SurveySent} in one
 * document, then publishes. A redelivered resolution finds its survey and at most finishes
 * publishing what is still pending.
 */
@Component
public class SurveyIssuer {

    private static final Logger log = LoggerFactory.getLogger(SurveyIssuer.class);

    private final Surveys surveys;
    private final TicketRecords tickets;
    private final Outbox outbox;
    private final SurveyProperties properties;
    private final SurveyMail mail;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SurveyIssuer(Surveys surveys, TicketRecords tickets, Outbox outbox, SurveyProperties properties, SurveyMail mail,
            Clock clock) {
        this.surveys = surveys;
        this.tickets = tickets;
        this.outbox = outbox;
        this.properties = properties;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Sends the survey about this resolution unless it was sent already. A resolution of a ticket
     * feedback never saw created is surveyed too, without a subject.
     *
     * @param causeId the {@code ce_id} of the {@code TicketResolved}, for the log
     */
    public void issueFor(TicketResolved resolved, UUID causeId) {
        Optional<TicketRecord> ticket = tickets.find(resolved.ticketId());
        String subject = ticket.map(TicketRecord::subject).orElse(null);
        // the ticket's channel decides: an email ticket gets the link by mail, any other shows it in the web or app
        boolean byMail = mail.enabled() && ticket.map(t -> t.channel() == Channel.EMAIL).orElse(false);
        String token = SurveyToken.generate(random);
        Survey fresh = Survey.sendFor(resolved, subject, token, properties.linkFor(token), properties.surveyTtl(),
                byMail ? Survey.SurveyDelivery.EMAIL : Survey.SurveyDelivery.LINK, clock.instant());
        if (surveys.insert(fresh)) {
            boolean published = outbox.flush(Survey.COLLECTION, fresh.surveyId(), fresh.pending()) == fresh.pending().size();
            log.info("survey sent ticketNo={} surveyId={} resolutionNo={} delivery={} expiresAt={} eventId={} published={} causeId={}",
                    fresh.ticketNo(), fresh.surveyId(), fresh.resolutionNo(), fresh.delivery(), fresh.expiresAt(),
                    Survey.sentEventId(fresh.surveyId()), published, causeId);
            return;
        }
        Survey stored = surveys.byId(fresh.surveyId())
                // the id is free, so the token collided: let the container retry with a new one
                .orElseThrow(() -> new IllegalStateException("survey token collision for survey " + fresh.surveyId()));
        log.debug("survey already sent ticketNo={} surveyId={} causeId={}", stored.ticketNo(), stored.surveyId(), causeId);
        if (!stored.pending().isEmpty()) {
            outbox.flush(Survey.COLLECTION, stored.surveyId(), stored.pending());
        }
    }
}
