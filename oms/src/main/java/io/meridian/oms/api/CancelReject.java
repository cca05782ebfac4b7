package io.meridian.oms.api;

import io.meridian.oms.model.CancelRejectReason;
import io.meridian.oms.model.OrdStatus;

/** An OrderCancelReject (9) for a client; a reused view valid only during the call. */
public final class CancelReject
{
    public int clientId;
    /** OrderID (37): "NONE" when the order is unknown, as FIX requires a value */
    public final StringBuilder orderId = new StringBuilder(16);
    public final StringBuilder clOrdId = new StringBuilder(32);
    public final StringBuilder origClOrdId = new StringBuilder(32);
    public final StringBuilder account = new StringBuilder(16);
    /** current status of the order; REJECTED when unknown */
    public OrdStatus ordStatus;
    /** true: answers a replace (434=2); false: a cancel (434=1) */
    public boolean replace;
    public CancelRejectReason reason;
    /** text (58); the reason's text when empty */
    public final StringBuilder text = new StringBuilder(64);

    /** Copies every field of {@code other} (for the rare reject that must wait to be sent). */
    public CancelReject copyFrom(final CancelReject other)
    {
        reset();
        clientId = other.clientId;
        orderId.append(other.orderId);
        clOrdId.append(other.clOrdId);
        origClOrdId.append(other.origClOrdId);
        account.append(other.account);
        ordStatus = other.ordStatus;
        replace = other.replace;
        reason = other.reason;
        text.append(other.text);
        return this;
    }

    public CancelReject reset()
    {
        clientId = 0;
        orderId.setLength(0);
        clOrdId.setLength(0);
        origClOrdId.setLength(0);
        account.setLength(0);
        ordStatus = null;
        replace = false;
        reason = null;
        text.setLength(0);
        return this;
    }
}
