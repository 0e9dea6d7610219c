package io.ticketflow.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad request bodies for every endpoint of a running service that takes JSON: the endpoints are
 * read from the service's own OpenAPI document ({@code /v3/api-docs}), so a new endpoint is tried
 * without anyone remembering to add it. Path variables are filled with values that name nothing.
 */
public final class HttpBadInput {

    /** What is wrong with the body. */
    public enum Kind {
        /** Not JSON: a brace never closed. */
        MALFORMED_JSON("{\"subject\": \"unfinished\"".getBytes(StandardCharsets.UTF_8)),
        /** JSON, but an array where an object belongs. */
        WRONG_TYPE("[1, 2, 3]".getBytes(StandardCharsets.UTF_8)),
        /** An object without any of the fields. */
        MISSING_FIELDS("{}".getBytes(StandardCharsets.UTF_8)),
        /** Bytes that are not UTF-8 inside a JSON string. */
        INVALID_UTF8(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}),
        /** MongoDB operator and path keys, which must never reach the database. */
        OPERATOR_KEYS("{\"$where\": \"sleep(1000)\", \"a.b\": 1, \"name\": {\"$gt\": \"\"}}".getBytes(StandardCharsets.UTF_8)),
        /** A body of 1 MB, where the largest legitimate one is a few kilobytes. */
        OVERSIZED(("{\"description\": \"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));

        private final byte[] body;

        Kind(byte[] body) {
            this.body = body;
        }
    }

    /** One request and the answer it got. */
    public record Attempt(String method, String path, Kind kind, int status, String contentType, String body) {

        public boolean isProblem() {
            return status >= 400 && status < 500 && contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return method + " " + path + " " + kind + " -> " + status + " " + contentType + " "
                    + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Map<String, String> SAMPLES = Map.of("ticketNo", "209901-999999", "token", "no-such-token");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpBadInput() {
    }

    /** Every JSON-taking operation of the service (method and path template), from its OpenAPI document. */
    public static List<String[]> operations(int port) {
        JsonNode api = JSON.readTree(get(port, "/v3/api-docs"));
        List<String[]> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (String method : List.of("post", "put", "patch")) {
                JsonNode body = path.getValue().path(method).path("requestBody").path("content");
                if (body.has("application/json")) {
                    operations.add(new String[] {method.toUpperCase(java.util.Locale.ROOT), path.getKey()});
                }
            }
        }
        return operations;
    }

    /** Sends every kind of bad body to every JSON-taking operation; returns what each got. */
    public static List<Attempt> tryAll(int port) {
        List<Attempt> attempts = new ArrayList<>();
        for (String[] operation : operations(port)) {
            String path = fill(operation[1]);
            for (Kind kind : Kind.values()) {
                attempts.add(send(port, operation[0], path, kind));
            }
        }
        return attempts;
    }

    private static String fill(String template) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, SAMPLES.getOrDefault(matcher.group(1), "no-such-" + matcher.group(1).toLowerCase()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Attempt send(int port, String method, String path, Kind kind) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(kind.body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Attempt(method, path, kind, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            return new Attempt(method, path, kind, -1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String get(int port, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
