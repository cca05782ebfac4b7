package io.meridian.simulators.matching;

/** How long an order stays working. */
public enum TimeInForce {
    /** Good till cancel: the unfilled rest rests. */
    GTC,
    /** Day: rests like GTC (the simulator has no session end). */
    DAY,
    /** Immediate or cancel: fill what can be filled, expire the rest. */
    IOC,
    /** Fill or kill: fill all at once or expire with nothing filled. */
    FOK;

    /** Whether an unfilled limit remainder rests in the book. */
    public boolean rests() {
        return this == GTC || this == DAY;
    }
}
