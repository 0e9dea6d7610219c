package io.ticketflow.intake.repeat;

import io.ticketflow.intake.privacy.ContactCipher;
import io.ticketflow.intake.ticket.TicketLinks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.time.Duration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RepeatProperties.class)
class RepeatConfiguration {

    @Bean
    CustomerIssues customerIssues(MongoTemplate mongo) {
        mongo.indexOps(CustomerIssues.COLLECTION).createIndex(
                new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiresAt_ttl"));
        return new CustomerIssues(mongo);
    }

    @Bean
    RepeatDetection repeatDetection(CustomerIssues issues, TicketLinks links, ContactCipher cipher,
            RepeatProperties properties) {
        return new RepeatDetection(issues, links, cipher, properties);
    }
}
