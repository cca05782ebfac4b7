package io.meridian.router;

import io.meridian.oms.model.Instrument;

/**
 * What the router knows of a leg (one venue's instrument) besides its book: the venue's trading rules
 * and fees, and its health (session, halts, rate-limit headroom, rejects, ack latency). Filled in at
 * every decision, on the core thread: no allocation, no blocking.
 */
@FunctionalInterface
public interface LegConditions
{
    /** Sets {@code depth}'s rules, fees and health for {@code leg} (its book is already loaded). */
    void apply(Instrument leg, VenueDepth depth, long nowNanos);
}
