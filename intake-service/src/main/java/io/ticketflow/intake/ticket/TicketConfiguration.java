package io.ticketflow.intake.ticket;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({CommandProperties.class, LifecycleProperties.class})
class TicketConfiguration {

    /** The view's indexes, in place before the listeners and the API start. */
    @Bean
    InitializingBean ticketIndexes(MongoTemplate mongo) {
        return () -> {
            IndexOperations indexes = mongo.indexOps(Ticket.class);
            indexes.createIndex(new Index().on("ticketNo", Sort.Direction.ASC).unique().named("ticketNo_unique"));
            indexes.createIndex(new Index().on("customerId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                    .named("customer_created"));
            indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                    .named("status_created"));
            // the list's other filters and its newest-first order
            indexes.createIndex(new Index().on("createdAt", Sort.Direction.DESC).named("created"));
            indexes.createIndex(new Index().on("priority", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                    .named("priority_created"));
            indexes.createIndex(new Index().on("type", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                    .named("type_created"));
            indexes.createIndex(new Index().on("channel", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                    .named("channel_created"));
            // Redundant on MongoDB (the _id index finds the ticket), but the Mongo-wire server of the local
            // stack and the tests uses an index only when its keys equal the query's: without these the
            // projection's conditional replace {_id, revision} and the lease release {_id, commandLease.id}
            // scanned every ticket, so each event cost in proportion to the tickets stored (bench/results/
            // load-profile-2026-11-24.md). Both are unique because _id is.
            indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("revision", Sort.Direction.ASC)
                    .unique().named("id_revision"));
            indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("commandLease.id", Sort.Direction.ASC)
                    .unique().named("id_lease"));
            // the follow-up repair's resume search (few tickets ever have the field)
            indexes.createIndex(new Index().on("resumeOwedSince", Sort.Direction.ASC).sparse().named("resume_owed"));
        };
    }
}
