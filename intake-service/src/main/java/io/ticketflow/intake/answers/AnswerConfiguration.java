package io.ticketflow.intake.answers;

import io.ticketflow.events.spring.EventPublisher;
import io.ticketflow.intake.ticket.ResolvedTickets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnswerProperties.class)
class AnswerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnswerConfiguration.class);

    /** Questions are removed once their retention has passed. */
    @Bean
    InitializingBean questionExpiry(MongoTemplate mongo) {
        return () -> mongo.indexOps(Question.class).createIndex(
                new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiresAt_ttl"));
    }

    @Bean
    KnowledgeBase knowledgeBase(MongoTemplate mongo) {
        return new KnowledgeBase(mongo);
    }

    @Bean
    SelfService selfService(KnowledgeBase knowledgeBase, MongoTemplate mongo, EventPublisher publisher,
            AnswerProperties properties, Clock clock) {
        return new SelfService(knowledgeBase, mongo, publisher, properties, clock);
    }

    @Bean
    SatisfiedRatings satisfiedRatings(KnowledgeBase knowledgeBase, ResolvedTickets tickets, AnswerProperties properties) {
        return new SatisfiedRatings(knowledgeBase, tickets, properties);
    }

    /** Writes the standard articles once each (an edited seed in configuration does not overwrite a stored one). */
    @Bean
    ApplicationRunner seedArticles(KnowledgeBase knowledgeBase, AnswerProperties properties, Clock clock) {
        return args -> {
            int added = 0;
            for (AnswerProperties.SeedArticle seed : properties.seed()) {
                if (knowledgeBase.add(new Article(seed.id(), seed.title(), seed.answer(), seed.tags(), seed.language(),
                        null, null, null, Instant.now(clock)))) {
                    added++;
                }
            }
            log.info("knowledge base seeded articles={} added={}", properties.seed().size(), added);
        };
    }
}
