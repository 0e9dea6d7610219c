package io.ticketflow.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checked-in contract documents are exactly what the records generate. When a record changes
 * on purpose, regenerate with {@code ./mvnw -pl ticket-events test -Dcontracts.update=true} and
 * review the diff like any other code.
 */
class ContractDocumentsTest {

    private static final Path GOLDEN = Path.of("src/main/resources", ContractDocuments.ROOT);

    @Test
    void checked_in_contract_documents_match_the_event_records() throws IOException {
        Map<String, String> generated = ContractDocuments.generate();
        if (Boolean.getBoolean("contracts.update")) {
            for (Map.Entry<String, String> document : generated.entrySet()) {
                Path file = GOLDEN.resolve(document.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, document.getValue(), StandardCharsets.UTF_8);
            }
        }
        for (Map.Entry<String, String> document : generated.entrySet()) {
            Path file = GOLDEN.resolve(document.getKey());
            assertThat(file).as("golden file %s (regenerate with -Dcontracts.update=true)", file).exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("contract document %s differs from the records: review and regenerate", document.getKey())
                    .isEqualTo(document.getValue());
        }
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> GOLDEN.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet()))
                    .as("no stale contract documents for event types that no longer exist")
                    .isEqualTo(generated.keySet());
        }
    }

    @Test
    void every_event_type_has_a_versioned_schema_with_its_required_fields() {
        Map<String, String> generated = ContractDocuments.generate();
        assertThat(generated).containsKey("schemas/ticketflow.ticket.created.v1.json");
        String created = generated.get("schemas/ticketflow.ticket.created.v1.json");
        assertThat(created).contains("\"ticketNo\"", "\"format\" : \"date-time\"", "\"required\"");
        assertThat(generated.keySet()).allMatch(k -> k.equals("asyncapi.yaml") || k.matches("schemas/ticketflow\\.[a-z.-]+\\.v\\d+\\.json"));
        assertThat(generated.get("asyncapi.yaml")).startsWith("# Generated").contains("asyncapi: 3.0.0", "address: ticket.lifecycle",
                "address: ticket.escalations.tech");
    }
}
