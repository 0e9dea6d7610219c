package io.ticketflow.routing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** routing-service: agent roster, queues and assignment; single writer of ticket.routing and agent.presence. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RoutingApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoutingApplication.class, args);
    }
}
