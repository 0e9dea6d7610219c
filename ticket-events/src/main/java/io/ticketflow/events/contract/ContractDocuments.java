package io.ticketflow.events.contract;

import io.ticketflow.events.CloudEventHeaders;
import io.ticketflow.events.EventTypes;
import io.ticketflow.events.Topic;
import io.ticketflow.events.Topics;
import io.ticketflow.events.TicketflowEvent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event contract as documents, generated from the records themselves: one JSON Schema
 * (draft 2020-12) per {@code ce_type} and one AsyncAPI 3.0 document for the whole catalogue.
 * The generated text is checked in under {@code src/main/resources/contracts/} and compared by a
 * test, so every contract change shows up as a reviewed diff.
 */
public final class ContractDocuments {

    /** Where the documents live inside the jar and under src/main/resources. */
    public static final String ROOT = "contracts";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ContractDocuments() {
    }

    /** Every document by its path below {@link #ROOT}: {@code schemas/<ce_type>.json} and {@code asyncapi.yaml}. */
    public static Map<String, String> generate() {
        Map<String, String> documents = new LinkedHashMap<>();
        EventTypes.all().forEach((type, eventClass) ->
                documents.put("schemas/" + type + ".json", JSON.writeValueAsString(schema(type, eventClass)) + "\n"));
        documents.put("asyncapi.yaml", asyncApi());
        return documents;
    }

    /** The JSON Schema of one event type. */
    static Map<String, Object> schema(String type, Class<? extends TicketflowEvent> eventClass) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://ticketflow.io/contracts/schemas/" + type + ".json");
        schema.put("title", eventClass.getSimpleName());
        schema.put("description", "Value of a " + type + " record (CloudEvents binary mode: the envelope is in the headers).");
        schema.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : eventClass.getRecordComponents()) {
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class)
                    || component.isAnnotationPresent(Nullable.class);
            properties.put(component.getName(), typeOf(component.getGenericType(), nullable));
            if (!nullable) {
                required.add(component.getName());
            }
        }
        schema.put("properties", properties);
        schema.put("required", required);
        return schema;
    }

    private static Map<String, Object> typeOf(Type type, boolean nullable) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            schema.put("type", nullable ? List.of("array", "null") : "array");
            schema.put("items", typeOf(parameterized.getActualTypeArguments()[0], false));
            return schema;
        }
        Class<?> raw = (Class<?>) type;
        String jsonType;
        if (raw == String.class) {
            jsonType = "string";
        } else if (raw == Instant.class) {
            jsonType = "string";
            schema.put("format", "date-time");
        } else if (raw == Duration.class) {
            jsonType = "string";
            schema.put("format", "duration");
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            jsonType = "integer";
        } else if (raw == double.class || raw == Double.class) {
            jsonType = "number";
        } else if (raw == boolean.class || raw == Boolean.class) {
            jsonType = "boolean";
        } else if (raw.isEnum()) {
            jsonType = "string";
            List<Object> values = new ArrayList<>(Arrays.stream(raw.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
            if (nullable) {
                values.add(null);
            }
            schema.put("enum", values);
        } else {
            throw new IllegalArgumentException("no JSON Schema mapping for " + raw.getName());
        }
        schema.put("type", nullable ? List.of(jsonType, "null") : jsonType);
        // keep "type" first for readability
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("type", schema.remove("type"));
        ordered.putAll(schema);
        return ordered;
    }

    private static String asyncApi() {
        StringBuilder y = new StringBuilder();
        y.append("# Generated by io.ticketflow.events.contract.ContractDocuments - do not edit by hand.\n");
        y.append("asyncapi: 3.0.0\n");
        y.append("info:\n  title: ticketflow events\n  version: 1.0.0\n");
        y.append("  description: >-\n    Ticket lifecycle events between the ticketflow services. CloudEvents 1.0 in Kafka\n");
        y.append("    binary mode: the value is the event as JSON, the envelope rides in ce_* headers.\n");
        y.append("    Key = ticket id on every ticket.* topic, agent id on agent.presence. Poison records\n");
        y.append("    go to <topic>-dlt.\n");
        y.append("defaultContentType: ").append(CloudEventHeaders.JSON).append('\n');
        y.append("channels:\n");
        for (Topic<?> topic : Topics.all()) {
            y.append("  ").append(channelId(topic)).append(":\n");
            y.append("    address: ").append(topic.name()).append('\n');
            y.append("    description: 'Written only by ").append(topic.owner()).append("; key: ").append(topic.keyMeaning()).append(".'\n");
            y.append("    messages:\n");
            EventTypes.all().forEach((type, eventClass) -> {
                if (topic.valueType().isAssignableFrom(eventClass)) {
                    y.append("      ").append(eventClass.getSimpleName()).append(":\n");
                    y.append("        $ref: '#/components/messages/").append(eventClass.getSimpleName()).append("'\n");
                }
            });
        }
        y.append("operations:\n");
        for (Topic<?> topic : Topics.all()) {
            y.append("  publish-").append(channelId(topic)).append(":\n");
            y.append("    action: send\n");
            y.append("    summary: '").append(topic.owner()).append(" publishes to ").append(topic.name()).append("'\n");
            y.append("    channel:\n      $ref: '#/channels/").append(channelId(topic)).append("'\n");
        }
        y.append("components:\n");
        y.append("  messages:\n");
        EventTypes.all().forEach((type, eventClass) -> {
            y.append("    ").append(eventClass.getSimpleName()).append(":\n");
            y.append("      name: ").append(type).append('\n');
            y.append("      title: ").append(eventClass.getSimpleName()).append('\n');
            y.append("      headers:\n        $ref: '#/components/schemas/CloudEventHeaders'\n");
            y.append("      payload:\n        $ref: 'schemas/").append(type).append(".json'\n");
        });
        y.append("  schemas:\n");
        y.append("    CloudEventHeaders:\n");
        y.append("      type: object\n");
        y.append("      required: [").append(CloudEventHeaders.ID).append(", ").append(CloudEventHeaders.SOURCE).append(", ")
                .append(CloudEventHeaders.TYPE).append(", ").append(CloudEventHeaders.SPEC_VERSION).append(", ")
                .append(CloudEventHeaders.TIME).append("]\n");
        y.append("      properties:\n");
        y.append("        ").append(CloudEventHeaders.ID).append(":\n          type: string\n          format: uuid\n          description: Unique event id; consumers deduplicate on it.\n");
        y.append("        ").append(CloudEventHeaders.SOURCE).append(":\n          type: string\n          description: /ticketflow/<service>\n");
        y.append("        ").append(CloudEventHeaders.TYPE).append(":\n          type: string\n          description: e.g. ticketflow.ticket.created.v1\n");
        y.append("        ").append(CloudEventHeaders.SPEC_VERSION).append(":\n          type: string\n          const: '1.0'\n");
        y.append("        ").append(CloudEventHeaders.TIME).append(":\n          type: string\n          format: date-time\n");
        y.append("        ").append(CloudEventHeaders.SUBJECT).append(":\n          type: string\n          description: The ticket number, or the agent id on agent.presence.\n");
        y.append("        traceparent:\n          type: string\n          description: W3C trace context.\n");
        return y.toString();
    }

    private static String channelId(Topic<?> topic) {
        return topic.name().replace('.', '-');
    }
}
