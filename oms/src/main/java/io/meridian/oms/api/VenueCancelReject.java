package io.meridian.oms.api;

/** A venue's OrderCancelReject (9), normalised. Reusable, copied on submission. */
public final class VenueCancelReject
{
    public int venueId;
    /** the ClOrdID of Meridian's cancel/replace request to the venue */
    public final StringBuilder clOrdId = new StringBuilder(32);
    public final StringBuilder origClOrdId = new StringBuilder(32);
    /** true when it answers a replace (434=2), false for a cancel (434=1) */
    public boolean replace;
    public int venueReasonCode;
    public long receivedNanos;
    public final StringBuilder text = new StringBuilder(64);

    public VenueCancelReject reset()
    {
        venueId = 0;
        clOrdId.setLength(0);
        origClOrdId.setLength(0);
        replace = false;
        venueReasonCode = 0;
        receivedNanos = 0;
        text.setLength(0);
        return this;
    }
}
