package io.ticketflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Kubernetes monitoring is the docker-compose monitoring: the same rule file, the same dashboards. */
class MonitoringTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    static final String RULE_FILE = "deploy/prometheus/rules/ticketflow-alerts.yml";
    static final String PROMETHEUS_RULE = "deploy/k8s/base/monitoring/prometheus-rule.yaml";

    private static Object ruleFileGroups() {
        return Repo.yaml(RULE_FILE).get("groups");
    }

    private static String howToFix() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(200);
        return "spec.groups of " + PROMETHEUS_RULE + " must be the groups of " + RULE_FILE
                + ". Replace them with:\n" + new Yaml(options).dump(Map.of("groups", ruleFileGroups()));
    }

    @Test
    void thePrometheusRuleHasExactlyTheGroupsOfTheRuleFile() {
        List<Map<String, Object>> docs = Repo.yamlDocuments(Repo.read(PROMETHEUS_RULE));
        assertThat(docs).hasSize(1);
        assertThat(Y.get(docs.get(0), "spec", "groups")).as(howToFix()).isEqualTo(ruleFileGroups());
        assertThat(ManifestValidator.problems(docs.get(0))).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theRenderedPrometheusRuleStillHasThem(String overlay) {
        List<Map<String, Object>> rules = Kustomize.ofKind(Kustomize.render(overlay), "PrometheusRule");
        assertThat(rules).hasSize(1);
        assertThat(Y.get(rules.get(0), "spec", "groups")).as(howToFix()).isEqualTo(ruleFileGroups());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDashboardFileIsAConfigMapWithTheSameContent(String overlay) throws IOException {
        List<Map<String, Object>> dashboards = Kustomize.ofKind(Kustomize.render(overlay), "ConfigMap").stream()
                .filter(c -> "1".equals(Y.str(c, "metadata", "labels", "grafana_dashboard")))
                .toList();
        List<Path> files;
        try (Stream<Path> listing = Files.list(Repo.path("deploy/grafana/dashboards"))) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        assertThat(dashboards).as("one ConfigMap per dashboard file").hasSameSizeAs(files);
        for (Path file : files) {
            String name = file.getFileName().toString();
            List<Map<String, Object>> holding = dashboards.stream().filter(c -> Y.map(c, "data").containsKey(name)).toList();
            assertThat(holding).as("ConfigMaps holding %s", name).hasSize(1);
            assertThat(Y.str(holding.get(0), "data", name)).as("%s in its ConfigMap", name).isEqualTo(Files.readString(file));
        }
    }

    @Test
    void composePrometheusScrapesTheJobTheRulesSelect() {
        Map<String, Object> prometheus = Repo.yaml("deploy/prometheus/prometheus.yml");
        assertThat(Y.str(prometheus, "scrape_configs", 0, "job_name")).isEqualTo("ticketflow");
        assertThat(Repo.read(RULE_FILE)).contains("up{job=\"ticketflow\"}");
    }
}
