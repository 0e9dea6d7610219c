package io.ticketflow.intake.answers;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A knowledge-base article: a seeded standard answer, or the masked resolution summary of a ticket
 * the customer rated satisfied ({@code sourceTicketId} and {@code surveyId} then say which).
 */
@Document(collection = Article.COLLECTION)
record Article(
        @Id String id,
        String title,
        String answer,
        List<String> tags,
        String language,
        String sourceTicketId,
        String sourceTicketNo,
        String surveyId,
        Instant createdAt) {

    static final String COLLECTION = "articles";

    Article {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The text a question is matched against. */
    String searchable() {
        return title + "\n" + title + "\n" + answer + "\n" + String.join(" ", tags);
    }

    /** "zh" when the text has Chinese characters, else "en". */
    static String languageOf(String text) {
        return text != null && text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                ? "zh" : "en";
    }
}
