package io.meridian.oms.api;

/** A client's OrderStatusRequest (H). Reusable, copied on submission. */
public final class OrderStatusCommand
{
    public int clientId;
    public final StringBuilder clOrdId = new StringBuilder(32);
    public final StringBuilder orderId = new StringBuilder(16);
    /** OrdStatusReqID (790), echoed back; empty when absent. */
    public final StringBuilder statusReqId = new StringBuilder(16);

    public OrderStatusCommand reset()
    {
        clientId = 0;
        clOrdId.setLength(0);
        orderId.setLength(0);
        statusReqId.setLength(0);
        return this;
    }
}
