package io.ticketflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator catches the typos it exists for (and passes the sources as written). */
class ManifestValidatorTest {

    private static Map<String, Object> firstOf(String file, String kind) {
        return Repo.yamlDocuments(Repo.read(file)).stream().filter(d -> kind.equals(Y.kind(d))).findFirst().orElseThrow();
    }

    private static Map<String, Object> withTypo(String file, String kind, String from, String to) {
        String text = Repo.read(file);
        assertThat(text).contains(from);
        return Repo.yamlDocuments(text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)))
                .stream().filter(d -> kind.equals(Y.kind(d))).findFirst().orElseThrow();
    }

    @Test
    void theBaseSourcesAreValidEvenWithoutKubectl() throws java.io.IOException {
        List<java.nio.file.Path> files;
        try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(Repo.path("deploy/k8s/base"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("kustomization.yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        for (java.nio.file.Path file : files) {
            String relative = Repo.ROOT.relativize(file).toString();
            for (Map<String, Object> doc : Repo.yamlDocuments(Repo.read(relative))) {
                assertThat(ManifestValidator.problems(doc)).as("%s %s", relative, Y.name(doc)).isEmpty();
            }
        }
    }

    @Test
    void aMisspeltFieldDeepInADeploymentFails() {
        Map<String, Object> deployment = withTypo("deploy/k8s/base/services/intake-service.yaml", "Deployment",
                "readinessProbe:", "readynessProbe:");
        assertThat(ManifestValidator.problems(deployment)).singleElement().asString().contains("readynessProbe");
    }

    @Test
    void aValueOfTheWrongTypeOrAMalformedQuantityFails() {
        assertThat(ManifestValidator.problems(withTypo("deploy/k8s/base/services/intake-service.yaml", "Deployment",
                "replicas: 2", "replicas: two"))).isNotEmpty();
        assertThat(ManifestValidator.problems(withTypo("deploy/k8s/base/services/intake-service.yaml", "Deployment",
                "memory: 768Mi", "memory: 768 MB"))).isNotEmpty();
    }

    @Test
    void aMisspeltFieldInACustomResourceFails() {
        assertThat(ManifestValidator.problems(withTypo("deploy/k8s/base/kafka/topics.yaml", "KafkaTopic",
                "partitions:", "partitons:"))).isNotEmpty();
        assertThat(ManifestValidator.problems(withTypo("deploy/k8s/base/kafka/users.yaml", "KafkaUser",
                "- Write", "- Wirte"))).isNotEmpty();
        assertThat(ManifestValidator.problems(withTypo("deploy/k8s/base/autoscaling/consumers.yaml", "ScaledObject",
                "lagThreshold:", "lagTreshold:"))).isNotEmpty();
        assertThat(ManifestValidator.problems(withTypo("deploy/k8s/base/mongodb/mongodb.yaml", "MongoDBCommunity",
                "accessModes:", "accesModes:"))).isNotEmpty();
        assertThat(ManifestValidator.problems(withTypo("deploy/k8s/base/services/intake-service.yaml", "ServiceMonitor",
                "path: /actuator/prometheus", "pth: /actuator/prometheus"))).isNotEmpty();
    }

    @Test
    void anUnknownKindFails() {
        Map<String, Object> doc = firstOf("deploy/k8s/base/services/intake-service.yaml", "Service");
        doc.put("apiVersion", "v2");
        assertThat(ManifestValidator.problems(doc)).singleElement().asString().contains("v2/Service");
    }
}
