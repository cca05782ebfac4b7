package io.meridian.simulators.fault;

/**
 * A record that a fault fired: the plan keeps them in order, so a test can compare two runs.
 *
 * @param sequence 1, 2, ... in firing order within the plan
 * @param symbol   the event's symbol (null for a request without one)
 */
public record FaultFiring(long sequence, FaultType type, String symbol, FaultSpec spec) {
}
