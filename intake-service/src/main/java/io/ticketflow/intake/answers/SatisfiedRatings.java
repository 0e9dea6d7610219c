package io.ticketflow.intake.answers;

import io.ticketflow.events.Envelope;
import io.ticketflow.events.FeedbackEvent;
import io.ticketflow.events.PersonalData;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.Topics;
import io.ticketflow.intake.ticket.ResolvedTickets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * A customer rated a resolved ticket 4 or 5 stars: its (masked) resolution summary becomes a
 * knowledge-base article, once per survey. This listener has its own consumer group, so it sees
 * every feedback event whatever else in intake listens to {@code ticket.feedback}.
 */
class SatisfiedRatings {

    private static final Logger log = LoggerFactory.getLogger(SatisfiedRatings.class);

    private final KnowledgeBase knowledgeBase;
    private final ResolvedTickets tickets;
    private final AnswerProperties properties;

    SatisfiedRatings(KnowledgeBase knowledgeBase, ResolvedTickets tickets, AnswerProperties properties) {
        this.knowledgeBase = knowledgeBase;
        this.tickets = tickets;
        this.properties = properties;
    }

    @KafkaListener(topics = Topics.Names.FEEDBACK, groupId = "${spring.application.name}-knowledge-base")
    void on(ConsumerRecord<String, FeedbackEvent> record) {
        Envelope<FeedbackEvent> envelope = Envelope.of(record);
        if (envelope.event() instanceof RatingReceived rating && rating.rating() >= properties.satisfiedRating()) {
            archive(envelope, rating);
        }
    }

    private void archive(Envelope<FeedbackEvent> envelope, RatingReceived rating) {
        String articleId = KnowledgeBase.archivedId(rating.surveyId());
        ResolvedTickets.Resolved ticket = tickets.find(rating.ticketId())
                .orElseThrow(() -> new IllegalStateException("rating for a ticket intake does not know: " + rating.ticketNo()));
        if (ticket.summary() == null || ticket.summary().isBlank()) {
            log.info("rating not archived, no resolution summary ticketNo={} eventId={}", rating.ticketNo(), envelope.id());
            return;
        }
        String title = PersonalData.maskText(ticket.subject() == null ? ticket.summary() : ticket.subject());
        String answer = PersonalData.maskText(ticket.summary());
        Article article = new Article(articleId, title, answer, ticket.tags(), Article.languageOf(title + answer),
                ticket.ticketId(), ticket.ticketNo(), rating.surveyId(), rating.ratedAt());
        boolean added = knowledgeBase.add(article);
        log.info("{} ticketNo={} eventId={} articleId={} rating={}", added ? "article archived" : "article already archived",
                rating.ticketNo(), envelope.id(), articleId, rating.rating());
    }
}
