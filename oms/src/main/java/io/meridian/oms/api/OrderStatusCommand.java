package io.meridian.oms.api;

import io.meridian.oms.model.Side;

/**
 * A client's OrderStatusRequest (H), or, with neither ClOrdID nor OrderID (which no FIX request can
 * carry), a restatement of every open order of the client ({@link #allOpenOrders}). Reusable, copied
 * on submission.
 */
public final class OrderStatusCommand
{
    public int clientId;
    /**
     * Where the command came from in its client's FIX session (Artio's sequence index and the MsgSeqNum):
     * journaled with it, so a restart knows which client messages were processed and asks for the rest.
     */
    public int sessionSequenceIndex;
    public int msgSeqNum;
    public final StringBuilder clOrdId = new StringBuilder(32);
    public final StringBuilder orderId = new StringBuilder(16);
    /** OrdStatusReqID (790), echoed back; empty when absent. */
    public final StringBuilder statusReqId = new StringBuilder(16);
    /** Symbol (55) and Side (54) as requested: echoed when the order is unknown. */
    public final StringBuilder symbol = new StringBuilder(16);
    public Side side;

    /** Sets this command to restate every open order of {@code clientId} with a status report each. */
    public OrderStatusCommand allOpenOrders(final int clientId)
    {
        reset();
        this.clientId = clientId;
        return this;
    }

    /** Whether this command restates all the client's open orders (no ClOrdID, no OrderID). */
    public boolean isAllOpenOrders()
    {
        return clOrdId.length() == 0 && orderId.length() == 0;
    }

    public OrderStatusCommand reset()
    {
        clientId = 0;
        sessionSequenceIndex = 0;
        msgSeqNum = 0;
        clOrdId.setLength(0);
        orderId.setLength(0);
        statusReqId.setLength(0);
        symbol.setLength(0);
        side = null;
        return this;
    }
}
