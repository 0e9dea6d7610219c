package io.ticketflow.feedback;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** feedback-service: surveys after resolution, ratings, callbacks; the single writer of {@code ticket.feedback}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FeedbackApplication {

    public static void main(String[] args) {
        SpringApplication.run(FeedbackApplication.class, args);
    }
}
