package io.ticketflow.intake.repeat;

import io.ticketflow.intake.privacy.ContactCipher;
import io.ticketflow.intake.ticket.TicketLinks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RepeatProperties.class)
class RepeatConfiguration {

    @Bean
    CustomerIssues customerIssues(MongoTemplate mongo) {
        return new CustomerIssues(mongo);
    }

    @Bean
    RepeatDetection repeatDetection(CustomerIssues issues, TicketLinks links, ContactCipher cipher,
            RepeatProperties properties) {
        return new RepeatDetection(issues, links, cipher, properties);
    }
}
