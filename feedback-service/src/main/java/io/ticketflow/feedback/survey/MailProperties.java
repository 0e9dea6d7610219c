package io.ticketflow.feedback.survey;

import java.time.Duration;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.feedback.mail.*}: the SMTP server survey links of email tickets go out
 * through. Off while {@code host} is blank: every survey is then delivered as a link only.
 *
 * @param host     SMTP host; blank turns survey mail off
 * @param port     SMTP port
 * @param username SMTP login; blank: no authentication
 * @param password SMTP password
 * @param starttls require STARTTLS
 * @param from     the sender address of survey mails
 * @param timeout  connect and read timeout
 * @param interval pause between two passes over the survey mails still to send
 * @param attempts SMTP attempts per survey mail before it is given up (the link stays valid)
 */
@Validated
@ConfigurationProperties("ticketflow.feedback.mail")
record MailProperties(
        @Nullable String host,
        @DefaultValue("25") int port,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("false") boolean starttls,
        @DefaultValue("service@ticketflow.local") String from,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("10s") Duration interval,
        @DefaultValue("5") int attempts) {

    MailProperties {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("ticketflow.feedback.mail.port must be 1-65535");
        }
        if (from.isBlank()) {
            throw new IllegalArgumentException("ticketflow.feedback.mail.from must not be blank");
        }
        if (timeout.isNegative() || timeout.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("ticketflow.feedback.mail.timeout and interval must be positive");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("ticketflow.feedback.mail.attempts must be at least 1");
        }
    }

    /** Whether survey mail is on at all. */
    boolean enabled() {
        return host != null && !host.isBlank();
    }

    JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host);
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        String millis = String.valueOf(timeout.toMillis());
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        if (username != null && !username.isBlank()) {
            sender.setUsername(username);
            sender.setPassword(password);
            properties.put("mail.smtp.auth", "true");
        }
        if (starttls) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        return sender;
    }

    @Override
    public String toString() {
        return "MailProperties[host=" + host + ", port=" + port + ", starttls=" + starttls + ", from=" + from + "]";
    }
}
