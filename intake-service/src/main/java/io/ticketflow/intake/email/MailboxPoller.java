package io.ticketflow.intake.email;

import io.ticketflow.events.PersonalData;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the support mailbox every {@code poll-interval}: each unseen mail is handed to
 * {@link MailTriage}; once its ticket or reply is accepted (Kafka acknowledged) the mail is
 * flagged \Seen (and moved to the processed folder if one is set). A mail that cannot be read is
 * moved to the failed folder, never deleted. A mail whose ticket could not be accepted stays
 * unseen and is tried again on the next poll; its Message-ID keeps that retry from making a second
 * ticket. Bodies are fetched with PEEK, so reading a mail never marks it seen by itself.
 */
final class MailboxPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    private final EmailProperties properties;
    private final MailTriage triage;
    private final List<OwedMails> owed;
    private final Session session;
    private final Counter accepted;
    private final Counter failed;
    private final Counter retried;
    private volatile boolean stopping;
    private ScheduledExecutorService executor;

    MailboxPoller(EmailProperties properties, MailTriage triage, List<OwedMails> owed, MeterRegistry meters) {
        this.properties = properties;
        this.triage = triage;
        this.owed = List.copyOf(owed);
        this.session = Session.getInstance(sessionProperties(properties));
        this.accepted = mails(meters, "accepted");
        this.failed = mails(meters, "failed");
        this.retried = mails(meters, "retry");
    }

    private static Counter mails(MeterRegistry meters, String outcome) {
        return Counter.builder("ticketflow.intake.email.mails")
                .description("mails handled: accepted (ticket or reply), failed (moved to the failed folder), retry (left unseen)")
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public synchronized void start() {
        stopping = false;
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "email-intake");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::pollQuietly, 0, interval, TimeUnit.MILLISECONDS);
        log.info("email intake polling host={} folder={} every {}", properties.host(), properties.folder(),
                properties.pollInterval());
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // start after the web server and the Kafka listeners, stop before them
        return Integer.MAX_VALUE - 10;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (MessagingException | RuntimeException e) {
            if (stopping) {
                log.debug("mailbox poll cut short by shutdown");
                return;
            }
            log.warn("mailbox poll failed host={} folder={} cause={}", properties.host(), properties.folder(),
                    e.getClass().getSimpleName());
        }
        if (stopping) {
            return;
        }
        for (OwedMails mails : owed) {
            try {
                mails.sendPending();
            } catch (RuntimeException e) {
                log.warn("owed mail not sent this poll kind={} cause={}", mails.getClass().getSimpleName(),
                        e.getClass().getSimpleName());
            }
        }
    }

    /** One pass over the unseen mail in the folder. */
    void poll() throws MessagingException {
        try (Store store = session.getStore()) {
            store.connect(properties.host(), properties.imapPort(), properties.username(), properties.password());
            Folder folder = store.getFolder(properties.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                int count = Math.min(unseen.length, properties.batchSize());
                for (int i = 0; i < count && !Thread.currentThread().isInterrupted(); i++) {
                    try {
                        handle(store, folder, unseen[i]);
                    } catch (MessagingException e) {
                        // this mail stays unseen and is tried again; the others still get their turn
                        log.warn("mail not handled, retry next poll cause={}", e.getClass().getSimpleName());
                    }
                }
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        }
    }

    private void handle(Store store, Folder folder, Message message) throws MessagingException {
        if (message.isExpunged() || message.isSet(Flags.Flag.SEEN) || message.isSet(Flags.Flag.DELETED)) {
            return; // another poller got to it first
        }
        InboundMail mail;
        try {
            mail = MailReader.read(localCopy(message));
        } catch (UnreadableMailException e) {
            reject(store, folder, message, e.getMessage());
            return;
        }
        MailTriage.Outcome outcome;
        try {
            outcome = triage.handle(mail);
        } catch (RuntimeException e) {
            // Kafka or MongoDB not answering: the mail stays unseen and its key makes the retry safe
            log.warn("mail not taken now, retry next poll key={} cause={}", PersonalData.maskText(mail.key()),
                    e.getClass().getSimpleName());
            retried.increment();
            return;
        }
        switch (outcome) {
            case DONE -> {
                processed(store, folder, message);
                accepted.increment();
            }
            case REJECTED -> reject(store, folder, message, "refused");
            case RETRY -> {
                log.debug("mail left for the next poll key={}", PersonalData.maskText(mail.key()));
                retried.increment();
            }
        }
    }

    /**
     * The whole mail fetched once (BODY.PEEK[]) and parsed here rather than by the server: one
     * round trip, and a mail whose MIME the server cannot describe is still ours to judge.
     */
    private MimeMessage localCopy(Message message) throws MessagingException, UnreadableMailException {
        int size = message.getSize();
        if (size > properties.maxMessageSize().toBytes()) {
            throw new UnreadableMailException("too large: " + size + " bytes");
        }
        try {
            return new MimeMessage((MimeMessage) message);
        } catch (MessagingException e) {
            if (e instanceof jakarta.mail.FolderClosedException || e instanceof jakarta.mail.StoreClosedException) {
                throw e; // the connection, not the mail
            }
            throw new UnreadableMailException("cannot fetch: " + e.getClass().getSimpleName(), e);
        }
    }

    private void processed(Store store, Folder folder, Message message) throws MessagingException {
        message.setFlag(Flags.Flag.SEEN, true);
        if (properties.moveProcessed()) {
            move(store, folder, message, properties.processedFolder());
        }
    }

    private void reject(Store store, Folder folder, Message message, String reason) throws MessagingException {
        move(store, folder, message, properties.failedFolder());
        failed.increment();
        log.warn("unreadable mail moved to {} reason={}", properties.failedFolder(), reason);
    }

    private static void move(Store store, Folder folder, Message message, String target) throws MessagingException {
        Folder destination = store.getFolder(target);
        if (!destination.exists() && !destination.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create folder " + target);
        }
        Message[] one = {message};
        if (folder instanceof IMAPFolder imap) {
            imap.moveMessages(one, destination); // MOVE, or COPY then \Deleted where MOVE is not offered
        } else {
            folder.copyMessages(one, destination);
            message.setFlag(Flags.Flag.DELETED, true);
        }
    }

    private static Properties sessionProperties(EmailProperties properties) {
        String protocol = properties.ssl() ? "imaps" : "imap";
        String timeout = Long.toString(properties.timeout().toMillis());
        Properties session = new Properties();
        session.put("mail.store.protocol", protocol);
        session.put("mail." + protocol + ".connectiontimeout", timeout);
        session.put("mail." + protocol + ".timeout", timeout);
        session.put("mail." + protocol + ".writetimeout", timeout);
        // fetch bodies with BODY.PEEK: reading must not flag a mail \Seen before its ticket is accepted
        session.put("mail." + protocol + ".peek", "true");
        if (properties.ssl()) {
            session.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        return session;
    }
}
