package io.meridian.simulators.matching;

/**
 * Receives engine events synchronously, on the engine's thread, in the order they happen.
 * For a new order: accepted, then trades, then expired if an IOC/FOK/market remainder is left.
 */
public interface MatchingListener {
    void onAccepted(OrderState order, long timestampNanos);

    void onTrade(Trade trade);

    void onCanceled(OrderState order, long canceledQty, long timestampNanos);

    void onExpired(OrderState order, long expiredQty, long timestampNanos);

    /** A replace was applied; trades may follow if the new price crosses. */
    void onReplaced(OrderState before, OrderState after, long timestampNanos);

    void onRejected(Rejection rejection);
}
