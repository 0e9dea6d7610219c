package io.ticketflow.intake.numbering;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One counter document per month in {@code ticket_counters} ({@code {_id: "202611", last: 40}}).
 * A reservation is a single atomic {@code findAndModify} with {@code $inc} and upsert, so blocks
 * never overlap, whichever instance asks and however often it restarts.
 */
@Component
class MonthlyCounters implements SerialBlocks {

    static final String COLLECTION = "ticket_counters";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private final MongoTemplate mongo;

    MonthlyCounters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public SerialBlock reserve(YearMonth month, int size) {
        Document counter = mongo.findAndModify(
                query(where("_id").is(month.format(MONTH))),
                new Update().inc("last", size),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION);
        long last = ((Number) counter.get("last")).longValue();
        return new SerialBlock(month, last - size + 1, last);
    }
}
