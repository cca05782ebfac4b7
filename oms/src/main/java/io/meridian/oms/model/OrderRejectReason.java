package io.meridian.oms.model;

/**
 * Why an order (new or replace) was refused. Each reason maps to FIX OrdRejReason (103) for
 * ExecutionReports and to CxlRejReason (102) when it refuses a replace; {@link #text()} is the
 * human reason sent in Text (58).
 */
public enum OrderRejectReason
{
    NONE(0, "", 99),
    UNKNOWN_SYMBOL(1, "unknown symbol", 99),
    VENUE_UNAVAILABLE(2, "venue not connected", 99),
    QTY_NOT_POSITIVE(13, "order quantity must be positive", 99),
    QTY_EXCEEDS_MAX(3, "order quantity exceeds maximum", 99),
    QTY_PRECISION(13, "order quantity has more decimals than the instrument allows", 99),
    PRICE_MISSING(99, "limit order requires a price", 99),
    PRICE_NOT_POSITIVE(99, "price must be positive", 99),
    PRICE_PRECISION(99, "price has more decimals than the instrument allows", 99),
    PRICE_OUTSIDE_COLLAR(99, "price outside collar of reference price", 99),
    NOTIONAL_EXCEEDS_MAX(3, "order notional exceeds maximum", 99),
    NO_REFERENCE_PRICE(99, "no reference price for market order notional", 99),
    DUPLICATE_CLORDID(6, "duplicate ClOrdID", 6),
    UNSUPPORTED_ORD_TYPE(11, "unsupported order type", 99),
    UNSUPPORTED_TIME_IN_FORCE(11, "unsupported time in force", 99),
    UNSUPPORTED_SIDE(11, "unsupported side", 99),
    MISSING_FIELD(99, "required field missing", 99),
    REPLACE_QTY_BELOW_CUM_QTY(13, "new order quantity not above executed quantity", 99),
    REPLACE_CHANGES_SIDE_OR_SYMBOL(99, "replace may not change side or symbol", 99),
    VENUE_REJECTED(0, "venue rejected", 99),
    VENUE_SEND_FAILED(0, "could not send to venue", 99),
    CAPACITY(99, "order book capacity reached", 99),
    NOT_RECEIVED_BY_VENUE(0, "not received by the venue (lost at a restart or disconnect): not working", 99),
    // appended: journals record the ordinal
    KILL_SWITCH(99, "trading halted: kill switch engaged", 99),
    VENUE_HALTED(2, "venue halted by operator", 99);

    private final int fixOrdRejReason;
    private final String text;
    private final int fixCxlRejReason;

    OrderRejectReason(final int fixOrdRejReason, final String text, final int fixCxlRejReason)
    {
        this.fixOrdRejReason = fixOrdRejReason;
        this.text = text;
        this.fixCxlRejReason = fixCxlRejReason;
    }

    public int fixOrdRejReason()
    {
        return fixOrdRejReason;
    }

    public int fixCxlRejReason()
    {
        return fixCxlRejReason;
    }

    public String text()
    {
        return text;
    }

    private static final OrderRejectReason[] VALUES = values();

    public static OrderRejectReason get(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
