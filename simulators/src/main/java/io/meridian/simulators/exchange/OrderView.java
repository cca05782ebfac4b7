package io.meridian.simulators.exchange;

import io.meridian.simulators.matching.Side;
import io.meridian.simulators.matching.TimeInForce;

/**
 * An order as the exchange knows it at one moment.
 *
 * @param executedQty  cumulative filled base quantity
 * @param cumQuoteQty  cumulative filled quote quantity (sum of price * qty)
 * @param createNanos  when the exchange accepted it
 * @param updateNanos  last change
 */
public record OrderView(
    long orderId,
    String clientOrderId,
    String account,
    String symbol,
    Side side,
    OrdType type,
    TimeInForce tif,
    long price,
    long origQty,
    long executedQty,
    long cumQuoteQty,
    OrdStatus status,
    long createNanos,
    long updateNanos) {

    public long leavesQty() {
        return status.isOpen() ? origQty - executedQty : 0;
    }
}
