package io.meridian.simulators.exchange;

/** What happened to an order in one {@link OrderUpdate}. */
public enum ExecType {
    NEW,
    TRADE,
    CANCELED,
    REPLACED,
    REJECTED,
    EXPIRED
}
