package io.meridian.oms.api;

import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;

/**
 * A client's new order, decoded at the edge. Reusable: producers fill it and hand it to
 * {@link OrderEntry}, which copies it; nothing keeps a reference.
 * <p>
 * {@code instrumentId} is -1 when the symbol is unknown; {@code edgeReject} is set when the edge
 * found the message unacceptable (unsupported side, too many decimals...) so the sequencer
 * rejects it with that reason and it is still journaled and answered in order.
 */
public final class NewOrderCommand
{
    public int clientId;
    /**
     * Where the command came from in its client's FIX session (Artio's sequence index and the MsgSeqNum):
     * journaled with it, so a restart knows which client messages were processed and asks for the rest.
     */
    public int sessionSequenceIndex;
    public int msgSeqNum;
    public final StringBuilder clOrdId = new StringBuilder(32);
    public final StringBuilder account = new StringBuilder(16);
    public final StringBuilder symbol = new StringBuilder(16);
    public int instrumentId = -1;
    public Side side;
    public OrdType ordType;
    public TimeInForce timeInForce;
    /** scaled by the instrument's qtyScale */
    public long qty;
    /** scaled by the instrument's priceScale; 0 when absent */
    public long price;
    public long transactTimeNanos;
    public OrderRejectReason edgeReject = OrderRejectReason.NONE;
    /**
     * Dialect fields carried through unchanged, raw {@code tag=value<SOH>} pairs (empty when none):
     * which tags travel is configured per client and per venue at the edges.
     */
    public final StringBuilder customFields = new StringBuilder(64);

    public NewOrderCommand reset()
    {
        clientId = 0;
        sessionSequenceIndex = 0;
        msgSeqNum = 0;
        clOrdId.setLength(0);
        account.setLength(0);
        symbol.setLength(0);
        customFields.setLength(0);
        instrumentId = -1;
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
