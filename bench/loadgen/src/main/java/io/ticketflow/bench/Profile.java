package io.ticketflow.bench;

import java.time.Duration;

/**
 * A named run.
 *
 * @param rate         tickets per second, the mean over the run
 * @param agents       agents registered and put ONLINE (every one holds every tag, capacity 100)
 * @param handleTime   how long an agent works on an assigned ticket before replying and resolving
 * @param rateShare    share of resolved tickets whose customer answers the survey
 * @param drainTimeout how long after the last submission the generator waits for every ticket to arrive everywhere
 * @param rawRecords   records sent by ProducerPerformance for the raw ceiling
 * @param e2eRecords   records sent by EndToEndLatency
 */
record Profile(String name, Duration duration, double rate, RateShape.Kind shape, int agents, Duration handleTime,
               double rateShare, Duration drainTimeout, long rawRecords, long e2eRecords) {

    static Profile named(String name) {
        return switch (name) {
            case "smoke" -> new Profile("smoke", Duration.ofSeconds(30), 50, RateShape.Kind.PEAKS, 20,
                    Duration.ofSeconds(1), 0.3, Duration.ofSeconds(60), 200_000, 2_000);
            case "standard" -> new Profile("standard", Duration.ofMinutes(5), 500, RateShape.Kind.FLAT, 60,
                    Duration.ofSeconds(1), 0.3, Duration.ofSeconds(180), 1_000_000, 5_000);
            case "sustained" -> new Profile("sustained", Duration.ofMinutes(5), 1000, RateShape.Kind.FLAT, 100,
                    Duration.ofSeconds(1), 0.3, Duration.ofSeconds(180), 1_000_000, 5_000);
            default -> throw new IllegalArgumentException("unknown profile '" + name + "' (smoke, standard, sustained)");
        };
    }

    Profile withRate(double newRate) {
        return new Profile(name, duration, newRate, shape, agents, handleTime, rateShare, drainTimeout, rawRecords, e2eRecords);
    }

    Profile withDuration(Duration newDuration) {
        return new Profile(name, newDuration, rate, shape, agents, handleTime, rateShare, drainTimeout, rawRecords, e2eRecords);
    }

    Profile withShape(RateShape.Kind newShape) {
        return new Profile(name, duration, rate, newShape, agents, handleTime, rateShare, drainTimeout, rawRecords, e2eRecords);
    }

    Profile withAgents(int newAgents) {
        return new Profile(name, duration, rate, shape, newAgents, handleTime, rateShare, drainTimeout, rawRecords, e2eRecords);
    }

    RateShape rateShape() {
        return new RateShape(shape, rate, duration.toMillis() / 1000.0);
    }
}
