package io.ticketflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Each overlay renders, every document passes its schema, and the pieces fit together. */
class KubernetesManifestsTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    static final List<String> SERVICES =
            List.of("intake-service", "routing-service", "sla-service", "feedback-service", "analytics-service");

    /** Secrets an operator creates: Strimzi's per-user and CA Secrets, the MongoDB operator's URIs. */
    private static Set<String> operatorSecrets(List<Map<String, Object>> docs) {
        Set<String> names = new HashSet<>();
        Kustomize.ofKind(docs, "KafkaUser").forEach(u -> names.add(Y.str(u, "metadata", "name")));
        Kustomize.ofKind(docs, "Kafka").forEach(k -> names.add(Y.str(k, "metadata", "name") + "-cluster-ca-cert"));
        Kustomize.ofKind(docs, "MongoDBCommunity").forEach(m -> Y.list(m, "spec", "users").forEach(u -> {
            names.add(Y.str(u, "connectionStringSecretName"));
            names.add(Y.str(u, "scramCredentialsSecretName") + "-scram-credentials");
        }));
        return names;
    }

    /** Secrets prod expects to exist before it is applied (its kustomization and docs/deploy.md list them). */
    static final Set<String> CREATED_BEFOREHAND = Set.of(
            "ticketflow-intake-crypto",
            "mongodb-intake-service-password", "mongodb-routing-service-password", "mongodb-sla-service-password",
            "mongodb-feedback-service-password", "mongodb-analytics-service-password");

    /** The KEDA parameter Secrets hold no secret; any other Secret in prod would be a secret in the repo. */
    static final Set<String> NON_SECRET_KEYS = Set.of("sasl", "tls", "username");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDocumentPassesItsSchema(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> doc : Kustomize.render(overlay)) {
            problems.addAll(ManifestValidator.problems(doc));
        }
        assertThat(problems).as("schema problems in overlay %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void namesAreUniquePerKindAndEverythingIsInTheOverlaysNamespace(String overlay) {
        List<Map<String, Object>> docs = Kustomize.render(overlay);
        Set<String> seen = new HashSet<>();
        String namespace = Y.str(Kustomize.ofKind(docs, "Namespace").get(0), "metadata", "name");
        for (Map<String, Object> doc : docs) {
            assertThat(seen.add(Y.name(doc))).as("duplicate %s", Y.name(doc)).isTrue();
            if (!"Namespace".equals(Y.kind(doc))) {
                assertThat(Y.str(doc, "metadata", "namespace")).as("namespace of %s", Y.name(doc)).isEqualTo(namespace);
            }
        }
        assertThat(Kustomize.ofKind(docs, "Namespace")).hasSize(1);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceHasProbesResourcesSpreadADisruptionBudgetAndAServiceMonitor(String overlay) {
        List<Map<String, Object>> docs = Kustomize.render(overlay);
        assertThat(Kustomize.ofKind(docs, "Deployment")).extracting(d -> Y.str(d, "metadata", "name"))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String service : SERVICES) {
            Map<String, Object> deployment = Kustomize.named(docs, "Deployment", service);
            Map<String, Object> pod = Y.map(deployment, "spec", "template", "spec");
            Map<String, Object> container = Y.map(pod, "containers", 0);
            Map<String, Object> podLabels = Y.map(deployment, "spec", "template", "metadata", "labels");

            assertThat(Y.str(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(Y.str(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(Y.str(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(Y.str(container, "resources", "requests", "cpu")).as("%s cpu request", service).isNotBlank();
            assertThat(Y.str(container, "resources", "requests", "memory")).as("%s memory request", service).isNotBlank();
            assertThat(Y.str(container, "resources", "limits", "memory")).as("%s memory limit", service).isNotBlank();
            assertThat(Y.get(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
            assertThat(Y.str(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable")).isEqualTo("0");
            assertThat(Y.list(pod, "topologySpreadConstraints")).extracting(c -> Y.str(c, "topologyKey"))
                    .contains("kubernetes.io/hostname", "topology.kubernetes.io/zone");
            for (Object constraint : Y.list(pod, "topologySpreadConstraints")) {
                assertThat(podLabels).containsAllEntriesOf(Y.map(constraint, "labelSelector", "matchLabels"));
            }

            Map<String, Object> pdb = Kustomize.named(docs, "PodDisruptionBudget", service);
            assertThat(podLabels).containsAllEntriesOf(Y.map(pdb, "spec", "selector", "matchLabels"));
            assertThat(Y.map(pdb, "spec", "selector", "matchLabels")).isNotEmpty();

            Map<String, Object> svc = Kustomize.named(docs, "Service", service);
            assertThat(podLabels).containsAllEntriesOf(Y.map(svc, "spec", "selector"));
            Map<String, Object> monitor = Kustomize.named(docs, "ServiceMonitor", service);
            assertThat(Y.map(svc, "metadata", "labels")).containsAllEntriesOf(Y.map(monitor, "spec", "selector", "matchLabels"));
            assertThat(Y.list(svc, "spec", "ports")).extracting(p -> Y.str(p, "name"))
                    .contains(Y.str(monitor, "spec", "endpoints", 0, "port"));
            assertThat(Y.str(monitor, "spec", "endpoints", 0, "path")).isEqualTo("/actuator/prometheus");
            // the alert rules select job="ticketflow", as the docker-compose Prometheus names its job
            assertThat(Y.str(svc, "metadata", "labels", Y.str(monitor, "spec", "jobLabel"))).isEqualTo("ticketflow");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyReferencedSecretAndConfigMapExists(String overlay) {
        List<Map<String, Object>> docs = Kustomize.render(overlay);
        Set<String> secrets = new HashSet<>(operatorSecrets(docs));
        Kustomize.ofKind(docs, "Secret").forEach(s -> secrets.add(Y.str(s, "metadata", "name")));
        if ("prod".equals(overlay)) {
            secrets.addAll(CREATED_BEFOREHAND);
        }
        Set<String> configMaps = new HashSet<>();
        Kustomize.ofKind(docs, "ConfigMap").forEach(c -> configMaps.add(Y.str(c, "metadata", "name")));

        Set<String> missing = new TreeSet<>();
        for (Map<String, Object> deployment : Kustomize.ofKind(docs, "Deployment")) {
            Map<String, Object> pod = Y.map(deployment, "spec", "template", "spec");
            for (Object container : Y.list(pod, "containers")) {
                for (Object env : Y.list(container, "env")) {
                    check(missing, secrets, Y.map(env, "valueFrom", "secretKeyRef"), Y.name(deployment));
                    check(missing, configMaps, Y.map(env, "valueFrom", "configMapKeyRef"), Y.name(deployment));
                }
                for (Object from : Y.list(container, "envFrom")) {
                    check(missing, configMaps, Y.map(from, "configMapRef"), Y.name(deployment));
                }
            }
            for (Object volume : Y.list(pod, "volumes")) {
                String secret = Y.str(volume, "secret", "secretName");
                if (secret != null && !secrets.contains(secret)) {
                    missing.add(Y.name(deployment) + " volume secret " + secret);
                }
            }
        }
        for (Map<String, Object> auth : Kustomize.ofKind(docs, "TriggerAuthentication")) {
            Y.list(auth, "spec", "secretTargetRef").forEach(ref -> check(missing, secrets, Y.map(ref), Y.name(auth)));
        }
        for (Map<String, Object> mongo : Kustomize.ofKind(docs, "MongoDBCommunity")) {
            Y.list(mongo, "spec", "users").forEach(u -> check(missing, secrets, Y.map(u, "passwordSecretRef"), Y.name(mongo)));
        }
        for (Map<String, Object> scaled : Kustomize.ofKind(docs, "ScaledObject")) {
            Set<String> auths = new HashSet<>();
            Kustomize.ofKind(docs, "TriggerAuthentication").forEach(a -> auths.add(Y.str(a, "metadata", "name")));
            Y.list(scaled, "spec", "triggers").forEach(t -> check(missing, auths, Y.map(t, "authenticationRef"), Y.name(scaled)));
            assertThat(Kustomize.ofKind(docs, "Deployment")).extracting(d -> Y.str(d, "metadata", "name"))
                    .contains(Y.str(scaled, "spec", "scaleTargetRef", "name"));
        }
        assertThat(missing).as("references to Secrets/ConfigMaps/TriggerAuthentications nobody creates").isEmpty();
    }

    private static void check(Set<String> missing, Set<String> existing, Map<String, Object> ref, String from) {
        String name = Y.str(ref, "name");
        if (name != null && !existing.contains(name) && !Boolean.TRUE.equals(ref.get("optional"))) {
            missing.add(from + " -> " + name);
        }
    }

    @Test
    void prodCarriesNoSecretValues() {
        for (Map<String, Object> secret : Kustomize.ofKind(Kustomize.render("prod"), "Secret")) {
            Set<String> keys = new HashSet<>(Y.map(secret, "data").keySet());
            keys.addAll(Y.map(secret, "stringData").keySet());
            assertThat(NON_SECRET_KEYS).as("keys of %s", Y.name(secret)).containsAll(keys);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void intakeGetsItsCryptoKeyFromASecretAndNeverFromAPlainValue(String overlay) {
        List<Map<String, Object>> docs = Kustomize.render(overlay);
        Predicate<Object> crypto = env -> String.valueOf(Y.str(env, "name")).startsWith("TICKETFLOW_INTAKE_CRYPTO_KEY");
        List<Object> env = Y.list(Kustomize.named(docs, "Deployment", "intake-service"), "spec", "template", "spec", "containers", 0, "env");
        assertThat(env.stream().filter(crypto)).hasSize(2)
                .allSatisfy(e -> assertThat(Y.get(e, "valueFrom", "secretKeyRef")).isNotNull());
        for (Map<String, Object> configMap : Kustomize.ofKind(docs, "ConfigMap")) {
            assertThat(Y.map(configMap, "data").keySet()).noneMatch(k -> k.contains("CRYPTO") || k.contains("PASSWORD"));
        }
    }
}
