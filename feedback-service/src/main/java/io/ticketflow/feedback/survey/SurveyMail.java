package io.ticketflow.feedback.survey;

import io.micrometer.core.instrument.MeterRegistry;
import io.ticketflow.events.PersonalData;
import io.ticketflow.feedback.survey.Survey.MailStatus;
import io.ticketflow.feedback.ticket.TicketRecord;
import io.ticketflow.feedback.ticket.TicketRecords;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Mails the survey link of an email ticket. The survey and its {@code SurveySent} are stored
 * first; the mail follows from the survey document, so SMTP being down never loses a survey or
 * delays the event. Each pass claims a pending mail by counting the attempt in one conditional
 * update, so two instances never send the same attempt; a failed attempt is tried again on a later
 * pass until {@code attempts} is used up, then the mail is given up (the link stays valid and is
 * listed for agents to resend).
 *
 * <p>The address: {@code TicketCreated} carries only the masked contact, so the clear address is
 * the ticket's {@code customerId} when that is an email address. Without one (intake's mail
 * tickets) the survey is marked {@code BY_INTAKE}: intake-service, which keeps the sender's address
 * and the mail thread, sends the link when it sees {@code SurveySent}.
 */
@Component
class SurveyMail implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SurveyMail.class);
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final Surveys surveys;
    private final TicketRecords tickets;
    private final MailProperties properties;
    private final @Nullable JavaMailSender sender;
    private final Clock clock;
    private final MeterRegistry meters;

    SurveyMail(Surveys surveys, TicketRecords tickets, MailProperties properties, Clock clock, MeterRegistry meters) {
        this.surveys = surveys;
        this.tickets = tickets;
        this.properties = properties;
        this.sender = properties.enabled() ? properties.sender() : null;
        this.clock = clock;
        this.meters = meters;
        if (sender == null) {
            log.info("survey mail off (ticketflow.feedback.mail.host is blank): survey links are delivered as links only");
        }
    }

    boolean enabled() {
        return sender != null;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (sender != null) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::sendPending, properties.interval(), Duration.ZERO));
        }
    }

    /** One pass: every mail still owed, one attempt each. */
    void sendPending() {
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            for (Survey survey : surveys.mailsPending(now, 50)) {
                surveys.claimMailAttempt(survey, properties.attempts()).ifPresent(this::send);
            }
        } catch (RuntimeException e) {
            log.warn("survey mail pass failed cause={}", e.getClass().getSimpleName());
        }
    }

    private void send(Survey claimed) {
        Optional<String> to = tickets.find(claimed.ticketId()).map(TicketRecord::customerId).filter(SurveyMail::isAddress);
        if (to.isEmpty()) {
            // a mail ticket: only intake holds the sender's address, and it mails the link itself
            surveys.mailLeft(claimed.surveyId(), MailStatus.BY_INTAKE);
            count("by_intake");
            log.info("survey mail left to intake (no address here) ticketNo={} surveyId={}", claimed.ticketNo(),
                    claimed.surveyId());
            return;
        }
        try {
            sender.send(mime -> compose(mime, to.get(), claimed));
        } catch (MailException e) {
            boolean last = claimed.mailAttempts() >= properties.attempts();
            if (last) {
                surveys.mailGivenUp(claimed.surveyId());
                count("failed");
            }
            log.warn("survey mail not sent ticketNo={} surveyId={} to={} attempt={} givenUp={} cause={}", claimed.ticketNo(),
                    claimed.surveyId(), PersonalData.maskContact(to.get()), claimed.mailAttempts(), last,
                    e.getClass().getSimpleName());
            return;
        }
        surveys.mailSent(claimed.surveyId(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        count("sent");
        log.info("survey mailed ticketNo={} surveyId={} to={} attempt={}", claimed.ticketNo(), claimed.surveyId(),
                PersonalData.maskContact(to.get()), claimed.mailAttempts());
    }

    private void count(String outcome) {
        meters.counter("ticketflow.feedback.survey.mails", "outcome", outcome).increment();
    }

    static boolean isAddress(@Nullable String candidate) {
        return candidate != null && ADDRESS.matcher(candidate.strip()).matches();
    }

    private void compose(MimeMessage mime, String to, Survey survey) throws MessagingException {
        MimeMessageHelper message = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        message.setFrom(new InternetAddress(properties.from()));
        message.setTo(new InternetAddress(to.strip()));
        message.setSubject("[" + survey.ticketNo() + "] 服务满意度调查 / How did we do?");
        message.setText(body(survey));
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("X-Ticketflow-Ticket", survey.ticketNo());
    }

    static String body(Survey survey) {
        String until = DAY.format(survey.expiresAt());
        return """
                您好，您的工单 %1$s 已处理完毕。请花一分钟为我们的服务打分：
                %2$s
                链接在 %3$s（北京时间）前有效。

                Hello, your ticket %1$s has been resolved. Please take a minute to rate our service:
                %2$s?lang=en
                The link works until %3$s (Beijing time).

                -- ticketflow (automatic message / 自动发送)
                """.formatted(survey.ticketNo(), survey.link(), until);
    }
}
