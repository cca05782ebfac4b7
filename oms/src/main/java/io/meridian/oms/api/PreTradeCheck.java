package io.meridian.oms.api;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;

/**
 * The hot risk gate the sequencer consults for every new order and every replace, and tells of
 * every change of open quantity and every fill (live and during a journal replay, so the gate's
 * exposure is rebuilt at start). Runs on the sequencer thread: no I/O, no locks, no allocation.
 * Implemented in the risk module.
 */
public interface PreTradeCheck
{
    /**
     * The instrument-level checks alone.
     *
     * @param qty   scaled by the instrument's qtyScale.
     * @param price scaled by the instrument's priceScale, 0 for market orders.
     * @return {@link OrderRejectReason#NONE} to accept, otherwise why not.
     */
    OrderRejectReason check(Instrument instrument, Side side, OrdType ordType, long qty, long price);

    /**
     * Every check for one order: by default the instrument-level ones; a gate that keeps exposure per
     * client and account adds its limits.
     *
     * @return {@link OrderRejectReason#NONE} to accept, otherwise why not.
     */
    default OrderRejectReason check(final PreTradeRequest request)
    {
        return check(request.instrument, request.side, request.ordType, request.qty, request.price);
    }

    /** A fill happened at {@code price}: the gate's reference price for the instrument may move. */
    void onTrade(Instrument instrument, long price);

    /** @return the gate's id of an account (FIX Account, 1) it keeps limits for, -1 when none. */
    default int accountId(final CharSequence account)
    {
        return -1;
    }

    /**
     * The quantity an order keeps open at its venue changed (accepted, filled, replaced, done).
     *
     * @param deltaQty    change of open quantity on {@code side}, scaled by the instrument's qtyScale.
     * @param deltaOrders +1 when the order became open, -1 when it closed, else 0.
     */
    default void onOpenQty(
        final int clientId, final int accountId, final Instrument instrument, final Side side, final long deltaQty,
        final int deltaOrders)
    {
    }

    /** An order of the client and account was filled (positions and profit and loss move). */
    default void onFill(
        final int clientId, final int accountId, final Instrument instrument, final Side side, final long qty,
        final long price, final long nowNanos)
    {
    }
}
