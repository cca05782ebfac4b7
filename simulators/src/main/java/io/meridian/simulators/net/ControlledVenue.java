package io.meridian.simulators.net;

import io.meridian.simulators.fault.FaultPlan;

/** A running simulated venue as the control endpoint sees it. */
public interface ControlledVenue {
    /** Short lower-case name used in control paths ({@code binance}, {@code okx}). */
    String venue();

    FaultPlan faults();

    /**
     * Back to the configured start state (books, balances, ids, market maker) with {@code seed},
     * dropping open connections; faults are cleared and reseeded.
     */
    void reset(long seed);
}
