package io.ticketflow.routing.agent;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ticketflow.routing.roster.*}.
 *
 * @param file a YAML roster (teams and agents) loaded at start-up, or none; a Spring resource
 *             location such as {@code file:/etc/ticketflow/roster.yml} or {@code classpath:roster.yml}
 */
@ConfigurationProperties("ticketflow.routing.roster")
record RosterProperties(@Nullable String file) {
}
