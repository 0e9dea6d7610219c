package io.ticketflow.localstack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line words split into positional words, {@code --name=value} / {@code --name value} options
 * and bare {@code --switch}es. Only names declared as taking a value consume the following word, so
 * {@code up --demo} never swallows anything. Unknown names are rejected with a message that lists the
 * known ones: a typo must not silently start a stack with defaults.
 */
record Flags(List<String> positional, Map<String, String> values, Set<String> switches) {

    static Flags parse(String[] args, Set<String> valueNames, Set<String> switchNames) {
        List<String> positional = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> switches = new java.util.LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String word = args[i];
            if (!word.startsWith("--")) {
                positional.add(word);
                continue;
            }
            String name = word.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (valueNames.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                values.put(name, value);
            } else if (switchNames.contains(name) && value == null) {
                switches.add(name);
            } else {
                List<String> known = new ArrayList<>();
                valueNames.forEach(n -> known.add("--" + n + " <value>"));
                switchNames.forEach(n -> known.add("--" + n));
                Collections.sort(known);
                throw new IllegalArgumentException("unknown option " + word
                        + (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")"));
            }
        }
        return new Flags(List.copyOf(positional), Map.copyOf(values), Set.copyOf(switches));
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    boolean has(String name) {
        return switches.contains(name);
    }

    int port(String name, int defaultPort) {
        return value(name).map(v -> Ports.parse("--" + name, v)).orElse(defaultPort);
    }
}
