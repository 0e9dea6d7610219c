package io.ticketflow.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks one Kubernetes document strictly, so that a misspelt or misplaced field fails the build.
 *
 * <ul>
 *   <li>Built-in kinds are read into fabric8's kubernetes-model classes. Those keep fields they do
 *       not know in {@code additionalProperties} instead of failing, so the whole object tree is
 *       walked afterwards and any such leftover is a problem; a value of the wrong type fails the
 *       read, a malformed quantity fails its parse.</li>
 *   <li>Custom resources (Strimzi, KEDA, Prometheus Operator, MongoDB Community) are checked against
 *       the JSON schemas in {@code src/test/resources/schemas}: the subset of each CRD's schema that
 *       ticketflow uses, with {@code additionalProperties: false} everywhere. A field the schema does
 *       not list is an error, so using a new field means adding it to the schema, checked against
 *       the operator's CRD.</li>
 *   <li>Any other apiVersion/kind is a problem: nothing reaches a cluster unchecked.</li>
 * </ul>
 */
final class ManifestValidator {

    private static final ObjectMapper FABRIC8 = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    private static final Map<String, Class<?>> BUILT_IN = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    private static final Map<String, String> CUSTOM = Map.of(
            "kafka.strimzi.io/v1beta2/Kafka", "Kafka.json",
            "kafka.strimzi.io/v1beta2/KafkaNodePool", "KafkaNodePool.json",
            "kafka.strimzi.io/v1beta2/KafkaTopic", "KafkaTopic.json",
            "kafka.strimzi.io/v1beta2/KafkaUser", "KafkaUser.json",
            "keda.sh/v1alpha1/ScaledObject", "ScaledObject.json",
            "keda.sh/v1alpha1/TriggerAuthentication", "TriggerAuthentication.json",
            "monitoring.coreos.com/v1/ServiceMonitor", "ServiceMonitor.json",
            "monitoring.coreos.com/v1/PrometheusRule", "PrometheusRule.json",
            "mongodbcommunity.mongodb.com/v1/MongoDBCommunity", "MongoDBCommunity.json");

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ManifestValidator() {
    }

    /** The problems of one document, each naming the document and the field; empty when it is valid. */
    static List<String> problems(Map<String, Object> doc) {
        String type = doc.get("apiVersion") + "/" + doc.get("kind");
        String where = Y.name(doc);
        List<String> problems = new ArrayList<>();
        if (BUILT_IN.containsKey(type)) {
            strict(doc, BUILT_IN.get(type), where, problems);
        } else if (CUSTOM.containsKey(type)) {
            for (Error error : schema(CUSTOM.get(type)).validate(JSON.valueToTree(doc))) {
                problems.add(where + ": " + error);
            }
            if ("MongoDBCommunity".equals(doc.get("kind")) && Y.get(doc, "spec", "statefulSet", "spec") != null) {
                // free-form in the CRD; the operator merges it into the StatefulSet it creates
                strict(Y.get(doc, "spec", "statefulSet", "spec"), StatefulSetSpec.class, where + " spec.statefulSet.spec", problems);
            }
        } else {
            problems.add(where + ": apiVersion/kind " + type + " is not one the deployment tests know how to check");
        }
        return problems;
    }

    private static void strict(Object value, Class<?> type, String where, List<String> problems) {
        Object model;
        try {
            model = FABRIC8.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return;
        }
        walk(model, where, problems);
    }

    /** Reports every field fabric8 parked in additionalProperties, anywhere in the tree. */
    private static void walk(Object node, String path, List<String> problems) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "." + key, problems));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            String name = getter.getName();
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !name.startsWith("get") || "getClass".equals(name)) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (InvocationTargetException e) {
                problems.add(path + "." + name + ": " + e.getCause().getMessage());
                continue;
            } catch (IllegalAccessException e) {
                continue;
            }
            if ("getAdditionalProperties".equals(name)) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            walk(value, path + "." + Character.toLowerCase(name.charAt(3)) + name.substring(4), problems);
        }
    }

    private static Schema schema(String file) {
        return LOADED.computeIfAbsent(file, f -> {
            try (InputStream in = ManifestValidator.class.getResourceAsStream("/schemas/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("missing schema " + f);
                }
                return SCHEMAS.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
