package io.meridian.simulators.matching;

/** Order types the engine matches. */
public enum OrderType {
    /** Trades at its limit price or better; may rest. */
    LIMIT,
    /** Trades at any price against what is there; never rests, the rest expires. */
    MARKET
}
