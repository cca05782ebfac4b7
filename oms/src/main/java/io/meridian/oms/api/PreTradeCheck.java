package io.meridian.oms.api;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;

/**
 * The hot risk gate the sequencer consults for every new order and every replace. Runs on the
 * sequencer thread: no I/O, no locks, no allocation. Implemented in the risk module.
 */
public interface PreTradeCheck
{
    /**
     * @param qty   scaled by the instrument's qtyScale.
     * @param price scaled by the instrument's priceScale, 0 for market orders.
     * @return {@link OrderRejectReason#NONE} to accept, otherwise why not.
     */
    OrderRejectReason check(Instrument instrument, Side side, OrdType ordType, long qty, long price);

    /** A fill happened at {@code price}: the gate's reference price for the instrument may move. */
    void onTrade(Instrument instrument, long price);
}
