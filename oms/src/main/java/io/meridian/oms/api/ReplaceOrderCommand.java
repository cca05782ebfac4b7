package io.meridian.oms.api;

import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;

/** A client's OrderCancelReplaceRequest (G), decoded at the edge. Reusable, copied on submission. */
public final class ReplaceOrderCommand
{
    public int clientId;
    /**
     * Where the command came from in its client's FIX session (Artio's sequence index and the MsgSeqNum):
     * journaled with it, so a restart knows which client messages were processed and asks for the rest.
     */
    public int sessionSequenceIndex;
    public int msgSeqNum;
    public final StringBuilder clOrdId = new StringBuilder(32);
    public final StringBuilder origClOrdId = new StringBuilder(32);
    public final StringBuilder orderId = new StringBuilder(16);
    public final StringBuilder symbol = new StringBuilder(16);
    public Side side;
    public OrdType ordType;
    public TimeInForce timeInForce;
    /** new total order quantity, scaled */
    public long qty;
    /** new price, scaled; 0 when absent */
    public long price;
    public long transactTimeNanos;
    public OrderRejectReason edgeReject = OrderRejectReason.NONE;
    /**
     * Dialect fields carried through unchanged, raw {@code tag=value<SOH>} pairs (empty when none):
     * which tags travel is configured per client and per venue at the edges.
     */
    public final StringBuilder customFields = new StringBuilder(64);

    public ReplaceOrderCommand reset()
    {
        clientId = 0;
        sessionSequenceIndex = 0;
        msgSeqNum = 0;
        clOrdId.setLength(0);
        origClOrdId.setLength(0);
        orderId.setLength(0);
        symbol.setLength(0);
        customFields.setLength(0);
        side = null;
        ordType = null;
        timeInForce = null;
        qty = 0;
        price = 0;
        transactTimeNanos = 0;
        edgeReject = OrderRejectReason.NONE;
        return this;
    }
}
