package io.ticketflow.sla;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The one test context: the service with a clock the tests move forward, and a GreenMail SMTP
 * server the notifications go to. Every IT imports it, so the context is shared.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SlaTestConfiguration {

    /**
     * One SMTP server for the JVM. The mail sender pointing at it is declared here: Spring Boot
     * configures one from {@code spring.mail.host} only when that is known before the context
     * starts, and the server's port is only known once it runs.
     */
    static final GreenMail MAIL = startMail();

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        return MAIL;
    }

    @Bean
    JavaMailSenderImpl mailSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(MAIL.getSmtp().getPort());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.writetimeout", "5000");
        return sender;
    }

    @Bean
    DynamicPropertyRegistrar mailProperties() {
        return registry -> {
            registry.add("ticketflow.sla.notify.enabled", () -> "true");
            registry.add("ticketflow.sla.notify.from", () -> "sla@ticketflow.test");
            registry.add("ticketflow.sla.notify.address-pattern", () -> "{id}@ticketflow.test");
            registry.add("ticketflow.sla.notify.address-book.agent-7", () -> "agent.seven@ticketflow.test");
            registry.add("ticketflow.sla.notify.backoff", () -> "100ms");
        };
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
