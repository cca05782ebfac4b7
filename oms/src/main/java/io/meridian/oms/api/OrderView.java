package io.meridian.oms.api;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;

/**
 * Read-only view of one live order, valid only during the {@link OrderStateListener} call that
 * passes it (sequencer thread). Prices are scaled by the instrument's priceScale, quantities by its
 * qtyScale.
 */
public interface OrderView
{
    String orderId();

    int clientId();

    /** the order's current ClOrdID */
    String clOrdId();

    String account();

    /** null when the symbol was unknown */
    Instrument instrument();

    String symbol();

    Side side();

    OrdType ordType();

    TimeInForce timeInForce();

    long orderQty();

    long price();

    long cumQty();

    long leavesQty();

    long avgPx();

    OrdStatus ordStatus();

    int venueId();

    String venueOrderId();

    long createdNanos();

    long updatedNanos();

    OrderRejectReason rejectReason();
}
