package io.ticketflow.e2e;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.ticketflow.testkit.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The whole system for black-box tests: the JVM's Kafka broker and MongoDB from the testkit,
 * and the five services started from their runnable jars as separate processes, each with its
 * own database, and a mail server (GreenMail: the support mailbox intake polls, SMTP for intake's
 * and feedback's mail). Started once per test JVM; stopped when the test engine finishes (see
 * {@link WithTicketflowSystem}), while the broker is still up so the services shut down cleanly,
 * and again, as a fallback, when the JVM exits.
 */
final class TicketflowSystem implements AutoCloseable {

    static final List<String> SERVICES = List.of("intake", "routing", "sla", "feedback", "analytics");

    /** The support mailbox intake polls, on the system's mail server. */
    static final String HELPDESK = "helpdesk@ticketflow.test";

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final TestInfrastructure infrastructure;
    private final String bootstrapServers;
    private final GreenMail mail;

    private TicketflowSystem() {
        this(TestInfrastructure.get().kafkaBootstrapServers(), "e2e");
    }

    /**
     * A system of its own on the given broker, with its own databases and logs under
     * {@code target/<name>-logs}; the caller closes it. The chaos run uses one on a broker it can kill.
     */
    static TicketflowSystem startOn(String bootstrapServers, String name) {
        return new TicketflowSystem(bootstrapServers, name);
    }

    private TicketflowSystem(String bootstrapServers, String name) {
        infrastructure = TestInfrastructure.get();
        this.bootstrapServers = bootstrapServers;
        // one mail server for everybody: intake's IMAP mailbox, and SMTP for intake and feedback
        int smtpPort = freePort();
        int imapPort = freePort();
        mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.withConfiguration(GreenMailConfiguration.aConfig().withUser(HELPDESK, "helpdesk", "secret"));
        mail.start();
        Path logs = Path.of("target", name + "-logs");
        String run = UUID.randomUUID().toString().substring(0, 8);
        int feedbackPort = freePort();
        for (String service : SERVICES) {
            int port = service.equals("feedback") ? feedbackPort : freePort();
            List<String> args = new ArrayList<>(List.of(
                    "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                    "--spring.mongodb.uri=" + infrastructure.mongoUri(service + "-" + run),
                    "--ticketflow.feedback.public-base-url=http://127.0.0.1:" + feedbackPort,
                    "--logging.level.org.apache.kafka=WARN"));
            if (service.equals("intake")) {
                args.addAll(List.of(
                        "--ticketflow.intake.email.enabled=true",
                        "--ticketflow.intake.email.host=127.0.0.1",
                        "--ticketflow.intake.email.port=" + imapPort,
                        "--ticketflow.intake.email.ssl=false",
                        "--ticketflow.intake.email.username=helpdesk",
                        "--ticketflow.intake.email.password=secret",
                        "--ticketflow.intake.email.poll-interval=500ms",
                        "--ticketflow.intake.email.smtp.host=127.0.0.1",
                        "--ticketflow.intake.email.smtp.port=" + smtpPort,
                        "--ticketflow.intake.email.smtp.ssl=false",
                        "--ticketflow.intake.email.smtp.from=" + HELPDESK));
            } else if (service.equals("feedback")) {
                args.addAll(List.of(
                        "--ticketflow.feedback.mail.host=127.0.0.1",
                        "--ticketflow.feedback.mail.port=" + smtpPort,
                        "--ticketflow.feedback.mail.from=survey@ticketflow.test",
                        "--ticketflow.feedback.mail.interval=500ms"));
            }
            if (infrastructure.embeddedMongo()) {
                args.add("--management.health.mongodb.enabled=false");
                args.add("--management.health.mongo.enabled=false");
            }
            services.put(service, new ServiceProcess(service + "-service", jarOf(service), port, args, logs));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "e2e-services-shutdown"));
        services.values().forEach(TicketflowSystem::start);
        services.values().forEach(TicketflowSystem::awaitHealthy);
    }

    static TicketflowSystem get() {
        return Holder.INSTANCE;
    }

    /** {@code http://127.0.0.1:<port>} of a service: intake, routing, sla, feedback or analytics. */
    String url(String service) {
        return process(service).baseUrl();
    }

    /** The mail server: customers' mail goes to {@link #HELPDESK}; what the services send lands in the recipients' inboxes. */
    GreenMail mail() {
        return mail;
    }

    String kafkaBootstrapServers() {
        return bootstrapServers;
    }

    /** Kills a service the hard way (SIGKILL, no shutdown hooks); it stays down until {@link #startAgain}. */
    void kill(String service) {
        process(service).kill();
    }

    /** Kills a service and starts it again on the same port and database; waits until it is healthy. */
    void restart(String service) {
        ServiceProcess process = process(service);
        process.stop();
        start(process);
        awaitHealthy(process);
    }

    /** Stops a service (it stays down until {@link #startAgain}), e.g. to act on the others while it is gone. */
    void stop(String service) {
        process(service).stop();
    }

    /** Starts a stopped service again on the same port and database; waits until it is healthy. */
    void startAgain(String service) {
        ServiceProcess process = process(service);
        start(process);
        awaitHealthy(process);
    }

    private ServiceProcess process(String service) {
        ServiceProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        return process;
    }

    private static void start(ServiceProcess process) {
        try {
            process.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + process.name(), e);
        }
    }

    private static void awaitHealthy(ServiceProcess process) {
        try {
            Awaitility.await(process.name() + " healthy").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.alive()) {
                            throw new IllegalStateException(process.name() + " exited:\n" + process.tail(60));
                        }
                        return process.healthy();
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(process.name() + " did not become healthy:\n" + process.tail(60), e);
        }
    }

    /** Stops every service: all are signalled first, then each is awaited, so the waits overlap. */
    private void stopAll() {
        services.values().forEach(ServiceProcess::signalStop);
        services.values().forEach(ServiceProcess::stop);
        mail.stop();
    }

    @Override
    public void close() {
        stopAll();
    }

    private static Path jarOf(String service) {
        String path = System.getProperty("ticketflow.jar." + service);
        if (path == null || path.isBlank() || path.startsWith("${")) {
            throw new IllegalStateException("system property ticketflow.jar." + service
                    + " is not set: run the e2e tests through Maven (./mvnw verify), which builds the services first");
        }
        Path jar = Path.of(path);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no runnable jar at " + jar);
        }
        return jar;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        private static final TicketflowSystem INSTANCE = new TicketflowSystem();
    }
}
