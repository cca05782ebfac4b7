/**
 * Deterministic fault injection for the crypto simulators: per venue and symbol, seeded
 * ({@link java.util.SplittableRandom}), driven from tests (Java API) or the HTTP control endpoint
 * (JSON form of {@link io.meridian.simulators.fault.FaultSpec}). The plan decides when a fault
 * fires; each protocol front end maps a fired fault to its protocol's observable effect.
 */
package io.meridian.simulators.fault;
