package io.meridian.router;

import io.meridian.oms.model.Side;

import java.util.List;

/**
 * What one parent order cost, as the router saw it: the consolidated book at its arrival, and each child's
 * venue, size, price, fills and latencies. Prices and quantities are scaled longs in the instrument's
 * scales; times are epoch nanos (0: not yet or unknown). A copy, safe to read from any thread.
 *
 * @param arrivalBid best bid over the legs' books when the parent arrived (0: no book)
 * @param arrivalAsk best ask over the legs' books when the parent arrived (0: no book)
 * @param doneNanos  when the parent ended, 0 while it is open
 */
public record ParentTca(
    String orderId, String symbol, Side side, long orderQty, long limitPrice, int priceScale, int qtyScale,
    long arrivalNanos, long arrivalBid, long arrivalAsk, long cumQty, long avgPx, long doneNanos,
    List<ChildTca> children)
{
    /** The arrival mid price (scaled), 0 when either side was unknown. */
    public double arrivalMid()
    {
        return arrivalBid > 0 && arrivalAsk > 0 ? (arrivalBid + arrivalAsk) / 2.0 : 0;
    }

    /**
     * Slippage of the executed average against the arrival mid in basis points, positive when it cost
     * (bought above or sold below the mid); NaN without a fill or an arrival price.
     */
    public double slippageBps()
    {
        final double mid = arrivalMid();
        if (cumQty == 0 || mid == 0)
        {
            return Double.NaN;
        }
        final double diff = side == Side.BUY ? avgPx - mid : mid - avgPx;
        return diff / mid * 10_000.0;
    }

    /**
     * One child order.
     *
     * @param clOrdId        the router's ClOrdID of the child
     * @param orderId        the OMS OrderID of the child (its fills in the ledger carry it), null until known
     * @param passive        rested at the client's limit rather than taking liquidity
     * @param ackNanos       when the venue acknowledged it
     * @param firstFillNanos when it first filled
     */
    public record ChildTca(
        String clOrdId, String orderId, int venueId, long qty, long price, boolean passive, long sentNanos,
        long ackNanos, long firstFillNanos, long cumQty, long avgPx, boolean done)
    {
        /** Venue acknowledgement latency in nanos, -1 when not acknowledged. */
        public long ackLatencyNanos()
        {
            return ackNanos == 0 ? -1 : ackNanos - sentNanos;
        }

        /** Time to the first fill in nanos, -1 when never filled. */
        public long firstFillLatencyNanos()
        {
            return firstFillNanos == 0 ? -1 : firstFillNanos - sentNanos;
        }
    }
}
