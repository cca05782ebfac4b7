package io.meridian.oms.model;

/**
 * Why an order (new or replace) was refused. Each reason maps to FIX OrdRejReason (103) for
 * ExecutionReports and to CxlRejReason (102) when it refuses a replace; {@link #text()} is the
 * human reason sent in Text (58).
 */
public enum OrderRejectReason
{
    NONE(0, 0, "", 99),
    UNKNOWN_SYMBOL(1, 1, "unknown symbol", 99),
    VENUE_UNAVAILABLE(2, 2, "venue not connected", 99),
    QTY_NOT_POSITIVE(3, 13, "order quantity must be positive", 99),
    QTY_EXCEEDS_MAX(4, 3, "order quantity exceeds maximum", 99),
    QTY_PRECISION(5, 13, "order quantity has more decimals than the instrument allows", 99),
    PRICE_MISSING(6, 99, "limit order requires a price", 99),
    PRICE_NOT_POSITIVE(7, 99, "price must be positive", 99),
    PRICE_PRECISION(8, 99, "price has more decimals than the instrument allows", 99),
    PRICE_OUTSIDE_COLLAR(9, 99, "price outside collar of reference price", 99),
    NOTIONAL_EXCEEDS_MAX(10, 3, "order notional exceeds maximum", 99),
    NO_REFERENCE_PRICE(11, 99, "no reference price for market order notional", 99),
    DUPLICATE_CLORDID(12, 6, "duplicate ClOrdID", 6),
    UNSUPPORTED_ORD_TYPE(13, 11, "unsupported order type", 99),
    UNSUPPORTED_TIME_IN_FORCE(14, 11, "unsupported time in force", 99),
    UNSUPPORTED_SIDE(15, 11, "unsupported side", 99),
    MISSING_FIELD(16, 99, "required field missing", 99),
    REPLACE_QTY_BELOW_CUM_QTY(17, 13, "new order quantity not above executed quantity", 99),
    REPLACE_CHANGES_SIDE_OR_SYMBOL(18, 99, "replace may not change side or symbol", 99),
    VENUE_REJECTED(19, 0, "venue rejected", 99),
    VENUE_SEND_FAILED(20, 0, "could not send to venue", 99),
    CAPACITY(21, 99, "order book capacity reached", 99),
    JOURNAL_UNAVAILABLE(22, 99, "new orders halted: the journal cannot be written (cancels still accepted)", 99),
    NOT_RECEIVED_BY_VENUE(23, 0, "not received by the venue (lost at a restart or disconnect): not working", 99),
    KILL_SWITCH(24, 99, "trading halted: kill switch engaged", 99),
    VENUE_HALTED(25, 2, "venue halted by operator", 99),
    SHUTTING_DOWN(26, 99, "server shutting down: new orders are refused", 99),
    POSITION_LIMIT(27, 3, "position limit exceeded (open orders counted at worst case)", 99),
    OPEN_ORDERS_LIMIT(28, 3, "open order count limit reached", 99),
    ORDER_RATE_LIMIT(29, 99, "order rate limit exceeded", 99),
    DAILY_LOSS_LIMIT(30, 3, "daily loss limit reached: only position-reducing orders are accepted", 99),
    RISK_LEASE_EXPIRED(31, 99,
        "risk lease expired (exposure engine not current): only position-reducing orders are accepted", 99),
    EXPOSURE_LIMIT(32, 3, "gross exposure limit exceeded", 99),
    CIRCUIT_BREAKER(33, 99,
        "circuit breaker tripped: new risk paused until its cool-down ends (reducing orders accepted)", 99),
    CIRCUIT_BREAKER_PAUSED(34, 99,
        "paused after repeated circuit breaker trips: needs a manual reset (reducing orders accepted)", 99),
    MARKET_DATA_STALE(35, 99, "market data stale or out of sync for the instrument: new orders refused", 99),
    HEALTH_HALT(36, 99, "trading halted by the health monitor (sequencer stalled): new orders refused", 99),
    SCOPE_HALTED(37, 99, "trading halted by operator for this instrument, session or account (kill switch)", 99),
    VENUE_DRIFT(38, 2,
        "venue halted: reconciliation found a difference with the venue, not yet resolved (cancels accepted)", 99),
    VENUE_NOT_RECONCILED(39, 2,
        "venue not reconciled since the start: new orders to it refused until it is (cancels accepted)", 99),
    RECONCILIATION_OVERDUE(40, 2,
        "venue halted: not reconciled within its bound, new orders to it refused until it is (cancels accepted)", 99),
    /** the router's child order names no working parent of its instrument and side (internal) */
    NOT_A_CHILD_ORDER(50, 99, "router child order without a working parent of its instrument and side", 99),
    /** the client's routing tags (docs/router.md, "Routing instructions (FIX tags)") are invalid: refused at the edge */
    INVALID_ROUTING_INSTRUCTION(51, 99,
        "invalid routing instruction (ExDestination, MaxFloor, EffectiveTime, ExpireTime or tags 20100-20104)", 99),
    /** the order waited in Meridian longer than {@code meridian.fix.max-inbound-delay-ms}: load shed at the edge */
    STALE_ORDER(52, 99, "server overloaded: the order waited longer than the inbound delay limit and was not " +
        "accepted (cancels are always processed)", 99);

    private final int code;
    private final int fixOrdRejReason;
    private final String text;
    private final int fixCxlRejReason;

    /** @param code the reason's stable code in the journal: never reuse or renumber one, add new ones at the end */
    OrderRejectReason(final int code, final int fixOrdRejReason, final String text, final int fixCxlRejReason)
    {
        this.code = code;
        this.fixOrdRejReason = fixOrdRejReason;
        this.text = text;
        this.fixCxlRejReason = fixCxlRejReason;
    }

    /** The stable code journaled for this reason (0..255). */
    public int code()
    {
        return code;
    }

    /** @return the reason with this journal code, or null when none has it. */
    public static OrderRejectReason fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
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

    private static final OrderRejectReason[] BY_CODE = new OrderRejectReason[256];

    static
    {
        for (final OrderRejectReason reason : values())
        {
            if (reason.code < 0 || reason.code > 255 || BY_CODE[reason.code] != null)
            {
                throw new ExceptionInInitializerError("OrderRejectReason codes must be unique in 0..255: " + reason);
            }
            BY_CODE[reason.code] = reason;
        }
    }
}
