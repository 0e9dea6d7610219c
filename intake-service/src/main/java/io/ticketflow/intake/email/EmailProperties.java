package io.ticketflow.intake.email;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketflow.intake.email.*}: the support mailbox intake reads (IMAP) and the server it
 * answers through (SMTP). Off unless {@code enabled} is true.
 *
 * @param enabled poll the mailbox at all
 * @param host IMAP host
 * @param port IMAP port (993 with ssl, else 143)
 * @param ssl IMAP over TLS ({@code imaps})
 * @param username mailbox login
 * @param password mailbox password
 * @param folder the folder new mail arrives in
 * @param pollInterval pause between two polls
 * @param batchSize most messages taken per poll
 * @param failedFolder where mail that cannot be read is moved (created if missing)
 * @param processedFolder where a handled mail is moved after it is flagged \Seen; blank keeps it in place
 * @param timeout connect and read timeout for IMAP and SMTP
 * @param replyClaim how long one poller holds a reply mail or an acknowledgement before another may redo it
 * @param receiptRetention how long intake remembers a handled mail (and so refuses to make it a ticket again)
 * @param acknowledgementAttempts SMTP attempts (one per poll) before an acknowledgement is given up
 * @param acknowledgementBackoff after the n-th failed attempt the next waits n times this
 * @param maxMessageSize a larger mail is not fetched but moved to the failed folder
 * @param surveyMails mail the survey link of a resolved email ticket to its sender (default true);
 *                    feedback-service mails only the surveys of tickets whose customer id is an address
 * @param smtp the server acknowledgements go out through
 */
@Validated
@ConfigurationProperties("ticketflow.intake.email")
public record EmailProperties(
        boolean enabled,
        String host,
        @Min(0) @Max(65535) Integer port,
        boolean ssl,
        String username,
        String password,
        @NotBlank String folder,
        @NotNull Duration pollInterval,
        @Min(1) @Max(500) int batchSize,
        @NotBlank String failedFolder,
        String processedFolder,
        @NotNull Duration timeout,
        @NotNull Duration replyClaim,
        @NotNull Duration receiptRetention,
        @Min(1) @Max(100) int acknowledgementAttempts,
        @NotNull Duration acknowledgementBackoff,
        @NotNull DataSize maxMessageSize,
        Boolean surveyMails,
        @Valid @NotNull Smtp smtp) {

    public EmailProperties {
        folder = folder == null ? "INBOX" : folder;
        pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
        batchSize = batchSize == 0 ? 50 : batchSize;
        failedFolder = failedFolder == null ? "ticketflow-failed" : failedFolder;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        replyClaim = replyClaim == null ? Duration.ofMinutes(2) : replyClaim;
        receiptRetention = receiptRetention == null ? Duration.ofDays(30) : receiptRetention;
        acknowledgementAttempts = acknowledgementAttempts == 0 ? 5 : acknowledgementAttempts;
        acknowledgementBackoff = acknowledgementBackoff == null ? Duration.ofMinutes(1) : acknowledgementBackoff;
        maxMessageSize = maxMessageSize == null ? DataSize.ofMegabytes(25) : maxMessageSize;
        surveyMails = surveyMails == null ? Boolean.TRUE : surveyMails;
        smtp = smtp == null ? new Smtp(null, null, false, false, null, null, null) : smtp;
    }

    /** The IMAP port, defaulted by ssl. */
    int imapPort() {
        return port != null && port > 0 ? port : ssl ? 993 : 143;
    }

    /** Where processed mail goes, if anywhere. */
    boolean moveProcessed() {
        return processedFolder != null && !processedFolder.isBlank();
    }

    /**
     * @param host SMTP host; blank: no acknowledgements are sent
     * @param port SMTP port (465 with ssl, else 25)
     * @param ssl SMTP over TLS ({@code smtps})
     * @param starttls upgrade a plain connection with STARTTLS (required when set)
     * @param username SMTP login; blank: no authentication
     * @param password SMTP password
     * @param from the address acknowledgements come from (defaults to the mailbox username)
     */
    public record Smtp(String host, @Min(0) @Max(65535) Integer port, boolean ssl, boolean starttls, String username,
            String password, String from) {

        boolean configured() {
            return host != null && !host.isBlank();
        }

        int effectivePort() {
            return port != null && port > 0 ? port : ssl ? 465 : 25;
        }

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", ssl=" + ssl + ", starttls=" + starttls + "]";
        }
    }

    @Override
    public String toString() {
        return "EmailProperties[enabled=" + enabled + ", host=" + host + ", port=" + port + ", ssl=" + ssl
                + ", folder=" + folder + ", pollInterval=" + pollInterval + ", smtp=" + smtp + "]";
    }
}
