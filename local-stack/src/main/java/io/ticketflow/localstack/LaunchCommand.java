package io.ticketflow.localstack;

import java.util.Set;

/**
 * What the user asked the orchestrator to do: {@code up [--demo]}, {@code down}, {@code status} or
 * {@code help}. No word at all means {@code help}.
 */
record LaunchCommand(Verb verb, boolean demo) {

    enum Verb { UP, DOWN, STATUS, HELP }

    static final String USAGE = """
            usage: ticketflow <command>
              up [--demo]   start Kafka, the Mongo-wire server and the five services; stay in the foreground
                            (Ctrl-C stops everything). --demo also registers sample agents and plays
                            about 30 sample tickets through the system once everything is healthy.
              down          stop a stack started by 'up' (from another terminal)
              status        show which processes of the stack run and whether the services are healthy
              help          this text
            environment: TICKETFLOW_HOME (data dir, default <repo>/.ticketflow), TICKETFLOW_KAFKA_PORT (9092),
              TICKETFLOW_KAFKA_CONTROLLER_PORT (9093), TICKETFLOW_MONGO_PORT (27017),
              TICKETFLOW_STARTUP_TIMEOUT (seconds per service until healthy, 180),
              TICKETFLOW_JAVA_OPTS (extra JVM options for every service)""";

    static LaunchCommand parse(String[] args) {
        Flags flags = Flags.parse(args, Set.of(), Set.of("demo", "help"));
        if (flags.positional().size() > 1) {
            throw new IllegalArgumentException("one command expected, got " + flags.positional());
        }
        String word = flags.positional().isEmpty() ? "help" : flags.positional().get(0);
        Verb verb = switch (word) {
            case "up" -> Verb.UP;
            case "down" -> Verb.DOWN;
            case "status" -> Verb.STATUS;
            case "help", "-h" -> Verb.HELP;
            default -> throw new IllegalArgumentException("unknown command '" + word + "'");
        };
        if (flags.has("help")) {
            verb = Verb.HELP;
        }
        if (flags.has("demo") && verb != Verb.UP) {
            throw new IllegalArgumentException("--demo only goes with 'up'");
        }
        return new LaunchCommand(verb, flags.has("demo"));
    }
}
