package io.meridian.oms.model;

/** Why a cancel or replace request was refused; maps to FIX CxlRejReason (102) and Text (58). */
public enum CancelRejectReason
{
    TOO_LATE_TO_CANCEL(0, "order already done"),
    UNKNOWN_ORDER(1, "unknown order"),
    ALREADY_PENDING(3, "order already pending cancel or replace"),
    DUPLICATE_CLORDID(6, "duplicate ClOrdID"),
    ORDER_MISMATCH(99, "side or symbol does not match the order"),
    REPLACE_REJECTED(99, "replace rejected"),
    VENUE_REJECTED(99, "venue rejected"),
    VENUE_UNAVAILABLE(2, "venue not connected");

    private final int fixCxlRejReason;
    private final String text;

    CancelRejectReason(final int fixCxlRejReason, final String text)
    {
        this.fixCxlRejReason = fixCxlRejReason;
        this.text = text;
    }

    public int fixCxlRejReason()
    {
        return fixCxlRejReason;
    }

    public String text()
    {
        return text;
    }

    private static final CancelRejectReason[] VALUES = values();

    public static CancelRejectReason get(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
