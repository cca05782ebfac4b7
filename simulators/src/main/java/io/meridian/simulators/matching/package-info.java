/**
 * A protocol-free, deterministic, single-threaded matching engine shared by the venue simulators.
 *
 * <p>Prices and quantities are scaled {@code long}s. The engine only compares, adds and subtracts
 * them, so it does not care about the scale; front ends convert at their protocol edge with
 * {@link io.meridian.simulators.matching.DecimalScale} (the simulators use
 * {@link io.meridian.simulators.matching.DecimalScale#DEFAULT_DECIMALS} = 8 decimals, so 1.5 is
 * {@code 150_000_000L}). Time comes from an injected {@link io.meridian.simulators.matching.MatchingClock};
 * time priority is an arrival sequence, never a clock reading.
 */
package io.meridian.simulators.matching;
