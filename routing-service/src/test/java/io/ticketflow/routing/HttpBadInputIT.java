package io.ticketflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.testkit.HttpBadInput;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every endpoint of routing-service that takes JSON (read from its OpenAPI document), sent every kind of bad
 * body ({@link HttpBadInput.Kind}): each answer is a 4xx RFC 9457 problem, and the service's
 * database holds exactly what it held before.
 */
@TicketflowServiceTest
class HttpBadInputIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void every_bad_body_on_every_json_endpoint_is_a_problem_and_stores_nothing() {
        Map<String, Long> before = documents();

        List<HttpBadInput.Attempt> attempts = HttpBadInput.tryAll(port);

        assertThat(HttpBadInput.operations(port)).as("JSON endpoints found in /v3/api-docs").hasSizeGreaterThanOrEqualTo(5);
        assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.isProblem()).as(attempt.toString()).isTrue());
        assertThat(documents()).isEqualTo(before);
    }

    private Map<String, Long> documents() {
        Map<String, Long> counts = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            counts.put(collection, mongo.getCollection(collection).countDocuments());
        }
        return counts;
    }
}
