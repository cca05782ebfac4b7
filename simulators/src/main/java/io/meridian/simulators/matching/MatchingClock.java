package io.meridian.simulators.matching;

/** Source of event timestamps, injected so that tests are exact. */
@FunctionalInterface
public interface MatchingClock {
    /** Current time in nanoseconds since the epoch. */
    long epochNanos();

    /** A clock reading the system time (microsecond resolution on most platforms). */
    static MatchingClock system() {
        return () -> {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
