package io.meridian.simulators.matching;

/**
 * Immutable view of an order at the time of an event.
 *
 * @param qty       current total quantity (changes with replaces)
 * @param filledQty cumulative filled quantity
 * @param sequence  time-priority sequence (lower is earlier)
 */
public record OrderState(
    long orderId,
    String owner,
    String symbol,
    Side side,
    OrderType type,
    TimeInForce tif,
    boolean postOnly,
    long price,
    long qty,
    long filledQty,
    OrderStatus status,
    long sequence) {

    /** Quantity still working: zero once the order is done. */
    public long leavesQty() {
        return status.isLive() ? qty - filledQty : 0;
    }
}
