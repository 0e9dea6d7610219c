package io.ticketflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class StackConfigurationTest {

    private static final Path REPO = Path.of("/work/checkout");

    @Test
    void upWithDemoIsUnderstoodAndNothingElseIsSwallowed() {
        LaunchCommand command = LaunchCommand.parse(new String[] {"up", "--demo"});

        assertThat(command.verb()).isEqualTo(LaunchCommand.Verb.UP);
        assertThat(command.demo()).isTrue();
        assertThat(LaunchCommand.parse(new String[] {"down"})).isEqualTo(new LaunchCommand(LaunchCommand.Verb.DOWN, false));
        assertThat(LaunchCommand.parse(new String[] {"status"}).verb()).isEqualTo(LaunchCommand.Verb.STATUS);
        assertThat(LaunchCommand.parse(new String[0]).verb()).isEqualTo(LaunchCommand.Verb.HELP);
    }

    @Test
    void typosAndMisplacedOptionsAreRejectedWithAHint() {
        assertThatThrownBy(() -> LaunchCommand.parse(new String[] {"up", "--demmo"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--demmo").hasMessageContaining("--demo");
        assertThatThrownBy(() -> LaunchCommand.parse(new String[] {"down", "--demo"}))
                .hasMessageContaining("only goes with 'up'");
        assertThatThrownBy(() -> LaunchCommand.parse(new String[] {"start"})).hasMessageContaining("unknown command 'start'");
        assertThatThrownBy(() -> LaunchCommand.parse(new String[] {"up", "down"})).hasMessageContaining("one command");
    }

    @Test
    void flagsTakeValuesInBothSpellingsButSwitchesTakeNone() {
        Flags flags = Flags.parse(new String[] {"--port=1", "--data-dir", "/d", "--demo", "word"},
                Set.of("port", "data-dir"), Set.of("demo"));

        assertThat(flags.value("port")).contains("1");
        assertThat(flags.value("data-dir")).contains("/d");
        assertThat(flags.has("demo")).isTrue();
        assertThat(flags.positional()).containsExactly("word");
        assertThatThrownBy(() -> Flags.parse(new String[] {"--port"}, Set.of("port"), Set.of()))
                .hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> Flags.parse(new String[] {"--demo=yes"}, Set.of(), Set.of("demo")))
                .hasMessageContaining("unknown option --demo=yes");
    }

    @Test
    void withAnEmptyEnvironmentTheStackLivesInTheCheckoutOnTheUsualPorts() {
        StackSettings settings = StackSettings.from(Map.of(), REPO);

        assertThat(settings.home()).isEqualTo(REPO.resolve(".ticketflow"));
        assertThat(settings.kafkaDir()).isEqualTo(REPO.resolve(".ticketflow/kafka"));
        assertThat(settings.mongoDir()).isEqualTo(REPO.resolve(".ticketflow/mongo"));
        assertThat(settings.pidFile()).isEqualTo(REPO.resolve(".ticketflow/stack.pids"));
        assertThat(settings.outFile("kafka")).isEqualTo(REPO.resolve(".ticketflow/logs/kafka.out"));
        assertThat(settings.logFile("intake")).isEqualTo(REPO.resolve(".ticketflow/logs/intake.log"));
        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.controllerPort()).isEqualTo(9093);
        assertThat(settings.mongoUri("routing")).isEqualTo("mongodb://127.0.0.1:27017/routing");
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(settings.serviceJavaOptions()).isEmpty();
        assertThat(settings.services()).extracting(ServiceSpec::name, ServiceSpec::port).containsExactly(
                org.assertj.core.groups.Tuple.tuple("intake", 8081), org.assertj.core.groups.Tuple.tuple("routing", 8082),
                org.assertj.core.groups.Tuple.tuple("sla", 8083), org.assertj.core.groups.Tuple.tuple("feedback", 8084),
                org.assertj.core.groups.Tuple.tuple("analytics", 8085));
    }

    @Test
    void theEnvironmentMovesDataDirPortsAndTimeout() {
        StackSettings settings = StackSettings.from(Map.of(
                "TICKETFLOW_HOME", "/tmp/tf-elsewhere",
                "TICKETFLOW_KAFKA_PORT", "19092",
                "TICKETFLOW_KAFKA_CONTROLLER_PORT", "19093",
                "TICKETFLOW_MONGO_PORT", "28017",
                "TICKETFLOW_STARTUP_TIMEOUT", "60",
                "TICKETFLOW_JAVA_OPTS", " -XX:TieredStopAtLevel=1   -Dfoo=bar "), REPO);

        assertThat(settings.home()).isEqualTo(Path.of("/tmp/tf-elsewhere"));
        assertThat(settings.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(settings.controllerPort()).isEqualTo(19093);
        assertThat(settings.mongoUri("sla")).isEqualTo("mongodb://127.0.0.1:28017/sla");
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.serviceJavaOptions()).containsExactly("-XX:TieredStopAtLevel=1", "-Dfoo=bar");
    }

    @Test
    void badEnvironmentValuesStopTheStartWithTheVariableNamed() {
        assertThatThrownBy(() -> StackSettings.from(Map.of("TICKETFLOW_KAFKA_PORT", "kafka"), REPO))
                .hasMessageContaining("TICKETFLOW_KAFKA_PORT must be a port number");
        assertThatThrownBy(() -> StackSettings.from(Map.of("TICKETFLOW_MONGO_PORT", "70000"), REPO))
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> StackSettings.from(Map.of("TICKETFLOW_MONGO_PORT", "9092"), REPO))
                .hasMessageContaining("must differ");
        assertThatThrownBy(() -> StackSettings.from(Map.of("TICKETFLOW_KAFKA_PORT", "8081"), REPO))
                .hasMessageContaining("intake already uses port 8081");
        assertThatThrownBy(() -> StackSettings.from(Map.of("TICKETFLOW_STARTUP_TIMEOUT", "0"), REPO))
                .hasMessageContaining("must be positive");
    }

    @Test
    void theBrokerIsOneLoopbackNodeWithSingleReplicaInternalTopicsAndNoAutoCreation() {
        KafkaBroker.BrokerOptions options = KafkaBroker.BrokerOptions.parse(
                new String[] {"--data-dir", "/data/kafka", "--port", "19092", "--controller-port=19093"});

        Properties p = KafkaBroker.serverProperties(options);

        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("node.id")).isEqualTo("1");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(p.getProperty("controller.quorum.bootstrap.servers")).isEqualTo("127.0.0.1:19093");
        assertThat(p.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(p.getProperty("log.dirs")).isEqualTo(Path.of("/data/kafka/logs").toString());
        assertThat(p).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("num.partitions", "6");
        assertThatThrownBy(() -> KafkaBroker.BrokerOptions.parse(new String[] {"--port", "9092"}))
                .hasMessageContaining("--data-dir is required");
        assertThatThrownBy(() -> KafkaBroker.BrokerOptions.parse(new String[] {"--data-dir", "d", "--controller-port", "9092"}))
                .hasMessageContaining("must differ");
    }

    @Test
    void theMongoWireServerKeepsItsStoreInTheDataDir() {
        MongoWire.WireOptions options = MongoWire.WireOptions.parse(new String[] {"--data-dir", "/data/mongo"});

        assertThat(options.port()).isEqualTo(27017);
        assertThat(options.storeFile()).isEqualTo(Path.of("/data/mongo/ticketflow.mv"));
    }

    @Test
    void thePidFileRoundTripsAndRecognisesOnlyTheProcessItRecorded(@TempDir Path dir) {
        PidFile file = new PidFile(dir.resolve("stack.pids"));
        PidFile.Entry me = PidFile.Entry.of(PidFile.ORCHESTRATOR, ProcessHandle.current());
        PidFile.Entry recycled = new PidFile.Entry("kafka", me.pid(), me.startMillis() - 60_000);

        file.write(List.of(me, recycled));

        assertThat(file.read()).containsExactly(me, recycled);
        assertThat(me.live()).isPresent();
        assertThat(recycled.live()).as("same pid, other start time: a stranger").isEmpty();
        file.delete();
        assertThat(file.exists()).isFalse();
        assertThat(file.read()).isEmpty();
    }

    @Test
    void theDemoPlaysTheSeedMixOfComplaintsConsultationsAndSuggestions() {
        Map<String, Long> natures = DemoTraffic.SAMPLES.stream().collect(
                java.util.stream.Collectors.groupingBy(DemoTraffic.Sample::nature, java.util.stream.Collectors.counting()));

        assertThat(DemoTraffic.SAMPLES).hasSize(30);
        assertThat(natures).containsEntry("COMPLAINT", 12L).containsEntry("CONSULTATION", 10L).containsEntry("SUGGESTION", 8L);
        assertThat(DemoTraffic.SAMPLES).filteredOn(s -> s.nature().equals("COMPLAINT"))
                .allSatisfy(s -> assertThat(s.description()).containsIgnoringCase("complain").contains("投诉"));
        assertThat(DemoTraffic.SAMPLES).filteredOn(s -> s.nature().equals("SUGGESTION"))
                .allSatisfy(s -> assertThat(s.description()).containsIgnoringCase("suggest").contains("建议"));
        assertThat(DemoTraffic.SAMPLES).extracting(DemoTraffic.Sample::channel).contains("WEB", "APP", "CHAT", "PHONE", "EMAIL");
        assertThat(DemoTraffic.AGENTS).extracting(DemoTraffic.Agent::department)
                .contains("TECH", "CUSTOMER_SERVICE", "OPERATIONS");
    }

    @Test
    void theDemoReadsTheAssigneeAndTheSurveyTokenFromWhatTheServicesAnswer() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(DemoTraffic.assignee(json.readTree("{\"ticketNo\":\"202611-001\",\"assignee\":\"agent-li-wei\"}")))
                .contains("agent-li-wei");
        assertThat(DemoTraffic.assignee(json.readTree("{\"assignee\":{\"agentId\":\"agent-zhao-lei\"}}")))
                .contains("agent-zhao-lei");
        assertThat(DemoTraffic.assignee(json.readTree("{\"assignee\":null}"))).isEmpty();
        assertThat(DemoTraffic.firstToken(json.readTree("[{\"token\":\"t-1\",\"ticketNo\":\"202611-001\"}]")))
                .contains("t-1");
        assertThat(DemoTraffic.firstToken(json.readTree("[]"))).isEmpty();
    }
}
