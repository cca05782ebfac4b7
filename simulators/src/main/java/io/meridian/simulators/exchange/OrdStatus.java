package io.meridian.simulators.exchange;

/** Order status as venues report it. */
public enum OrdStatus {
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    REJECTED,
    EXPIRED;

    /** Whether the order is still working. */
    public boolean isOpen() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
