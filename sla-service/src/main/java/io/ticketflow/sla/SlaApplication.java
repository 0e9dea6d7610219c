package io.ticketflow.sla;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** sla-service: the tickets' SLA clocks, single writer of {@code ticket.sla}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SlaApplication {

    public static void main(String[] args) {
        SpringApplication.run(SlaApplication.class, args);
    }
}
