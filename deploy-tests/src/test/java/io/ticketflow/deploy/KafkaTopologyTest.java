package io.ticketflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.Department;
import io.ticketflow.events.Topic;
import io.ticketflow.events.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The Kafka side of each overlay against the topic catalogue: every topic exists as a KafkaTopic,
 * no autoscaler outgrows a topic's partitions, and every KafkaUser has exactly the rights its
 * service or department needs.
 */
class KafkaTopologyTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    /**
     * What each service's listeners read, per consumer group: the @KafkaListener annotations of the
     * services (the default group is spring.application.name) as their READMEs describe them.
     */
    static final Map<String, Map<String, Set<String>>> CONSUMES = Map.of(
            "intake-service", Map.of(
                    "intake-service", Set.of(Topics.Names.LIFECYCLE, Topics.Names.ROUTING, Topics.Names.FEEDBACK),
                    "intake-service-knowledge-base", Set.of(Topics.Names.FEEDBACK)),
            "routing-service", Map.of(
                    "routing-service", Set.of(Topics.Names.LIFECYCLE, Topics.Names.SLA)),
            "sla-service", Map.of(
                    "sla-service", Set.of(Topics.Names.LIFECYCLE, Topics.Names.ROUTING, Topics.Names.FEEDBACK),
                    "sla-service-escalations", Set.of(Topics.Names.SLA),
                    "sla-service-notifications", Set.of(Topics.Names.SLA)),
            "feedback-service", Map.of(
                    "feedback-service", Set.of(Topics.Names.FEEDBACK, Topics.Names.LIFECYCLE, Topics.Names.ROUTING)),
            "analytics-service", Map.of(
                    "analytics-service", Set.of(Topics.Names.LIFECYCLE, Topics.Names.ROUTING, Topics.Names.SLA,
                            Topics.Names.FEEDBACK, Topics.Names.SELF_SERVICE)));

    private record Acl(String type, String name, String pattern, Set<String> operations) {
    }

    private static List<Acl> acls(Map<String, Object> user) {
        List<Acl> acls = new ArrayList<>();
        for (Object acl : Y.list(user, "spec", "authorization", "acls")) {
            acls.add(new Acl(Y.str(acl, "resource", "type"), Y.str(acl, "resource", "name"),
                    Y.str(acl, "resource", "patternType"),
                    Y.list(acl, "operations").stream().map(String::valueOf).collect(Collectors.toSet())));
        }
        return acls;
    }

    private static Set<String> topicsWith(List<Acl> acls, String operation) {
        return acls.stream().filter(a -> "topic".equals(a.type()) && a.operations().contains(operation))
                .map(Acl::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> groups(List<Acl> acls) {
        return acls.stream().filter(a -> "group".equals(a.type())).map(Acl::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Integer> partitions(List<Map<String, Object>> docs) {
        Map<String, Integer> partitions = new HashMap<>();
        Kustomize.ofKind(docs, "KafkaTopic").forEach(t -> partitions.put(topicName(t), Y.integer(t, "spec", "partitions")));
        return partitions;
    }

    private static String topicName(Map<String, Object> topic) {
        String name = Y.str(topic, "spec", "topicName");
        return name != null ? name : Y.str(topic, "metadata", "name");
    }

    static Map<String, Object> sharedConfig(List<Map<String, Object>> docs) {
        List<Map<String, Object>> matches = Kustomize.ofKind(docs, "ConfigMap").stream()
                .filter(c -> Y.str(c, "metadata", "name").matches("ticketflow-config(-[a-z0-9]{10})?"))
                .toList();
        assertThat(matches).as("the ConfigMap ticketflow-config").hasSize(1);
        return Y.map(matches.get(0), "data");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyCatalogueTopicAndItsDeadLetterTopicIsAKafkaTopic(String overlay) {
        List<Map<String, Object>> docs = Kustomize.render(overlay);
        String cluster = Y.str(Kustomize.ofKind(docs, "Kafka").get(0), "metadata", "name");
        Map<String, Object> config = sharedConfig(docs);
        List<Map<String, Object>> topics = Kustomize.ofKind(docs, "KafkaTopic");

        assertThat(topics).extracting(KafkaTopologyTest::topicName)
                .containsExactlyInAnyOrderElementsOf(Topics.allNamesWithDeadLetters());
        Map<String, Integer> partitions = partitions(docs);
        for (Map<String, Object> topic : topics) {
            String name = topicName(topic);
            assertThat(Y.str(topic, "metadata", "labels", "strimzi.io/cluster")).as("cluster of %s", name).isEqualTo(cluster);
            assertThat(Y.integer(topic, "spec", "replicas")).as("replicas of %s", name).isEqualTo(3);
            assertThat(Y.integer(topic, "spec", "config", "min.insync.replicas")).as("min ISR of %s", name).isEqualTo(2);
            // the services check the topics against ticketflow.events.*, all topics alike
            assertThat(Y.integer(topic, "spec", "partitions")).as("partitions of %s", name)
                    .isEqualTo(Integer.parseInt(String.valueOf(config.get("TICKETFLOW_EVENTS_PARTITIONS"))));
            assertThat(Y.integer(topic, "spec", "replicas"))
                    .isEqualTo(Integer.parseInt(String.valueOf(config.get("TICKETFLOW_EVENTS_REPLICAS"))));
        }
        for (Topic<?> topic : Topics.all()) {
            // a dead letter goes to the partition its record came from
            assertThat(partitions.get(topic.deadLetter())).as("partitions of %s", topic.deadLetter())
                    .isGreaterThanOrEqualTo(partitions.get(topic.name()));
        }
        assertThat(config.get("SPRING_KAFKA_ADMIN_AUTO_CREATE")).as("topics belong to the Topic Operator").isEqualTo("false");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theClusterHasThreeBrokersAndRequiresAuthentication(String overlay) {
        List<Map<String, Object>> docs = Kustomize.render(overlay);
        Map<String, Object> kafka = Kustomize.ofKind(docs, "Kafka").get(0);
        int brokers = Kustomize.ofKind(docs, "KafkaNodePool").stream()
                .filter(p -> Y.list(p, "spec", "roles").contains("broker"))
                .mapToInt(p -> Y.integer(p, "spec", "replicas")).sum();
        assertThat(brokers).isEqualTo(3);
        assertThat(Y.str(kafka, "metadata", "annotations", "strimzi.io/kraft")).isEqualTo("enabled");
        assertThat(Y.str(kafka, "metadata", "annotations", "strimzi.io/node-pools")).isEqualTo("enabled");
        assertThat(Y.integer(kafka, "spec", "kafka", "config", "min.insync.replicas")).isEqualTo(2);
        assertThat(Y.str(kafka, "spec", "kafka", "authorization", "type")).isEqualTo("simple");
        assertThat(Y.list(kafka, "spec", "kafka", "listeners"))
                .allSatisfy(l -> assertThat(Y.str(l, "authentication", "type")).isEqualTo("scram-sha-512"));
        String port = Y.str(kafka, "spec", "kafka", "listeners", 0, "port");
        String namespace = Y.str(kafka, "metadata", "namespace");
        String bootstrap = Y.str(kafka, "metadata", "name") + "-kafka-bootstrap." + namespace + ".svc:" + port;
        assertThat(sharedConfig(docs).get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(bootstrap);
        for (Map<String, Object> scaled : Kustomize.ofKind(docs, "ScaledObject")) {
            assertThat(Y.list(scaled, "spec", "triggers"))
                    .allSatisfy(t -> assertThat(Y.str(t, "metadata", "bootstrapServers")).isEqualTo(bootstrap));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noAutoscalerRunsMoreConsumersThanATopicItReadsHasPartitions(String overlay) {
        List<Map<String, Object>> docs = Kustomize.render(overlay);
        Map<String, Integer> partitions = partitions(docs);
        Map<String, Integer> maxReplicas = new HashMap<>();
        for (Map<String, Object> scaled : Kustomize.ofKind(docs, "ScaledObject")) {
            String service = Y.str(scaled, "spec", "scaleTargetRef", "name");
            int max = Y.integer(scaled, "spec", "maxReplicaCount");
            assertThat(Y.integer(scaled, "spec", "minReplicaCount")).isBetween(1, max);
            maxReplicas.put(service, max);
            Set<String> scaledOn = new HashSet<>();
            for (Object trigger : Y.list(scaled, "spec", "triggers")) {
                String topic = Y.str(trigger, "metadata", "topic");
                String group = Y.str(trigger, "metadata", "consumerGroup");
                assertThat(CONSUMES.get(service).getOrDefault(group, Set.of()))
                        .as("%s scales on group %s reading %s, which the service does not", service, group, topic)
                        .contains(topic);
                scaledOn.add(group + "/" + topic);
                assertThat(max).as("%s maxReplicaCount vs partitions of %s", service, topic)
                        .isLessThanOrEqualTo(partitions.get(topic));
            }
            Set<String> consumed = new HashSet<>();
            CONSUMES.get(service).forEach((group, topics) -> topics.forEach(t -> consumed.add(group + "/" + t)));
            assertThat(scaledOn).as("%s scales on the lag of every group and topic it reads", service).isEqualTo(consumed);
        }
        for (Map<String, Object> hpa : Kustomize.ofKind(docs, "HorizontalPodAutoscaler")) {
            String service = Y.str(hpa, "spec", "scaleTargetRef", "name");
            int max = Y.integer(hpa, "spec", "maxReplicas");
            assertThat(Y.integer(hpa, "spec", "minReplicas")).isBetween(1, max);
            assertThat(maxReplicas.put(service, max)).as("%s has one autoscaler", service).isNull();
            CONSUMES.get(service).values().forEach(topics -> topics.forEach(topic ->
                    assertThat(max).as("%s maxReplicas vs partitions of %s", service, topic)
                            .isLessThanOrEqualTo(partitions.get(topic))));
        }
        assertThat(maxReplicas).containsOnlyKeys(CONSUMES.keySet());
        assertThat(Kustomize.named(docs, "HorizontalPodAutoscaler", "intake-service")).isNotNull();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceWritesOnlyItsOwnTopicsAndReadsOnlyWhatItConsumes(String overlay) {
        List<Map<String, Object>> docs = Kustomize.render(overlay);
        Set<String> catalogue = new HashSet<>(Topics.allNamesWithDeadLetters());
        for (String service : CONSUMES.keySet()) {
            List<Acl> acls = acls(Kustomize.named(docs, "KafkaUser", service));
            Set<String> owned = Topics.all().stream().filter(t -> t.owner().equals(service)).map(Topic::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> reads = CONSUMES.get(service).values().stream().flatMap(Set::stream)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> deadLetters = reads.stream().map(Topics::deadLetter).collect(Collectors.toCollection(TreeSet::new));
            Set<String> writes = new TreeSet<>(owned);
            writes.addAll(deadLetters);

            assertThat(acls).as("%s ACLs", service).allSatisfy(acl -> {
                assertThat(acl.pattern()).isEqualTo("literal");
                assertThat(Set.of("Read", "Write", "Describe")).containsAll(acl.operations());
                assertThat(acl.type()).isIn("topic", "group");
                if ("topic".equals(acl.type())) {
                    assertThat(catalogue).contains(acl.name());
                }
            });
            // writes: the topics it owns (Topic.owner()) and the dead-letter twins of what it reads
            assertThat(topicsWith(acls, "Write")).as("%s may write", service).isEqualTo(writes);
            assertThat(topicsWith(acls, "Write")).as("%s writes only its own topics and DLTs", service)
                    .allMatch(t -> owned.contains(t) || t.endsWith(Topics.Names.DEAD_LETTER_SUFFIX));
            assertThat(topicsWith(acls, "Read")).as("%s may read", service).isEqualTo(reads);
            assertThat(groups(acls)).as("%s consumer groups", service).isEqualTo(CONSUMES.get(service).keySet());
            acls.stream().filter(a -> "group".equals(a.type()))
                    .forEach(a -> assertThat(a.operations()).as("group %s", a.name()).containsExactly("Read"));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void aDepartmentReadsOnlyItsEscalationTopicWithItsOwnGroup(String overlay) {
        List<Map<String, Object>> docs = Kustomize.render(overlay);
        Set<String> expectedUsers = new HashSet<>(CONSUMES.keySet());
        for (Department department : Department.values()) {
            String user = "department-" + department.id();
            expectedUsers.add(user);
            List<Acl> acls = acls(Kustomize.named(docs, "KafkaUser", user));
            assertThat(acls).containsExactlyInAnyOrder(
                    new Acl("topic", Topics.escalations(department).name(), "literal", Set.of("Read", "Describe")),
                    new Acl("group", user, "literal", Set.of("Read")));
            assertThat(Y.str(Kustomize.named(docs, "KafkaUser", user), "spec", "authentication", "type"))
                    .isEqualTo("scram-sha-512");
        }
        assertThat(Kustomize.ofKind(docs, "KafkaUser")).extracting(u -> Y.str(u, "metadata", "name"))
                .containsExactlyInAnyOrderElementsOf(expectedUsers)
                .allSatisfy(u -> assertThat(Y.str(Kustomize.named(docs, "KafkaUser", u), "spec", "authentication", "type"))
                        .isEqualTo("scram-sha-512"));
    }
}
