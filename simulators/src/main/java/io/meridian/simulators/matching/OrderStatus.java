package io.meridian.simulators.matching;

/** Lifecycle status of an accepted order. */
public enum OrderStatus {
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    EXPIRED;

    /** Whether the order can still trade. */
    public boolean isLive() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
