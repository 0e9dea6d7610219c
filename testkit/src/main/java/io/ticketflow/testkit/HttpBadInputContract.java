package io.ticketflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What every service owes bad request bodies, as a test a service's {@code HttpBadInputIT}
 * inherits: every endpoint that takes JSON (read from the service's OpenAPI document) answers every
 * kind of bad body ({@link HttpBadInput.Kind}) with a 4xx RFC 9457 problem, and the service's
 * database holds exactly what it held before.
 */
public abstract class HttpBadInputContract {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    /** How many JSON-taking endpoints the service has at least, so an empty API document fails. */
    protected abstract int jsonEndpoints();

    @Test
    void every_bad_body_on_every_json_endpoint_is_a_problem_and_stores_nothing() {
        Map<String, Long> before = documents();

        List<HttpBadInput.Attempt> attempts = HttpBadInput.tryAll(port);

        assertThat(HttpBadInput.operations(port)).as("JSON endpoints in /v3/api-docs").hasSizeGreaterThanOrEqualTo(jsonEndpoints());
        assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.isProblem()).as(attempt.toString()).isTrue());
        assertThat(documents()).isEqualTo(before);
    }

    private Map<String, Long> documents() {
        Map<String, Long> counts = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            counts.put(collection, mongo.count(new Query(), collection));
        }
        return counts;
    }
}
