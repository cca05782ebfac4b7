package io.meridian.oms;

import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;

/**
 * Immutable copy of one order's state. Prices and {@code avgPx} are scaled by {@code priceScale},
 * quantities by {@code qtyScale} (both 0 when the symbol was unknown).
 *
 * @param orderId        Meridian's OrderID (37).
 * @param clOrdId        the order's current ClOrdID (the latest accepted cancel/replace).
 * @param origClOrdId    head of the ClOrdID chain: the ClOrdID of the original new order.
 * @param pendingClOrdId ClOrdID of the pending cancel/replace request, empty when none.
 * @param venueClOrdId   ClOrdID of the current child order at the venue, empty when never sent.
 * @param venueOrderId   venue OrderID, empty until the venue reported one.
 * @param rejectReason   why the order was rejected, NONE otherwise.
 * @param text           reject text, empty when none.
 * @param routingFields  for a routed (parent) order: the carried FIX fields of its new order, which hold its
 *                       routing instructions; empty otherwise.
 */
public record OrderSnapshot(
    String orderId,
    int clientId,
    String clOrdId,
    String origClOrdId,
    String pendingClOrdId,
    String account,
    String symbol,
    Side side,
    OrdType ordType,
    TimeInForce timeInForce,
    int priceScale,
    int qtyScale,
    long orderQty,
    long price,
    long cumQty,
    long leavesQty,
    long avgPx,
    OrdStatus ordStatus,
    int venueId,
    String venueOrderId,
    String venueClOrdId,
    long createdNanos,
    long updatedNanos,
    OrderRejectReason rejectReason,
    String text,
    String routingFields)
{
}
