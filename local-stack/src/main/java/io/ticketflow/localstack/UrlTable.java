package io.ticketflow.localstack;

import java.util.ArrayList;
import java.util.List;

/** The table printed once the stack is up: every URL a developer wants to click. */
final class UrlTable {

    private UrlTable() {
    }

    static String render(StackSettings settings) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"service", "API", "health", "OpenAPI", "Swagger UI"});
        for (ServiceSpec s : settings.services()) {
            rows.add(new String[] {s.name(), s.baseUrl() + s.apiPath(), s.healthUrl(),
                s.baseUrl() + "/v3/api-docs", s.baseUrl() + "/swagger-ui.html"});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            out.append(' ');
            for (int i = 0; i < row.length; i++) {
                out.append(' ').append(i == row.length - 1 ? row[i] : pad(row[i], widths[i]));
            }
            out.append('\n');
        }
        out.append('\n');
        out.append("  web form   ").append(settings.services().get(0).baseUrl()).append("/\n");
        out.append("  Kafka      PLAINTEXT://").append(settings.kafkaBootstrap())
                .append("  (controller 127.0.0.1:").append(settings.controllerPort()).append(")\n");
        out.append("  MongoDB    mongodb://127.0.0.1:").append(settings.mongoPort())
                .append("/<service>  (mongo-java-server, H2 file ")
                .append(settings.mongoDir().resolve(MongoWire.STORE_FILE)).append(")\n");
        out.append("  logs       ").append(settings.logsDir()).append("/<name>.out and <service>.log\n");
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()) + 1);
    }
}
