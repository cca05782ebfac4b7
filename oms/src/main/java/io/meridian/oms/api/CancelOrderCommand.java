package io.meridian.oms.api;

import io.meridian.oms.model.Side;

/** A client's OrderCancelRequest (F), decoded at the edge. Reusable, copied on submission. */
public final class CancelOrderCommand
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
    /** OrderID (37) as sent by the client, empty when absent. */
    public final StringBuilder orderId = new StringBuilder(16);
    public final StringBuilder symbol = new StringBuilder(16);
    public Side side;
    public long transactTimeNanos;

    public CancelOrderCommand reset()
    {
        clientId = 0;
        sessionSequenceIndex = 0;
        msgSeqNum = 0;
        clOrdId.setLength(0);
        origClOrdId.setLength(0);
        orderId.setLength(0);
        symbol.setLength(0);
        side = null;
        transactTimeNanos = 0;
        return this;
    }
}
