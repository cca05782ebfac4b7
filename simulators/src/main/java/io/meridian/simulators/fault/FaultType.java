package io.meridian.simulators.fault;

/**
 * The ways a venue misbehaves. The meaning of {@link FaultSpec#param()} is given per type; a front
 * end that cannot map a type answers it as not supported.
 */
public enum FaultType {
    /** Fills (trade events on the stream) reach the client {@code param} ms late. */
    DELAY_FILLS,
    /** After a stream reconnect/resubscribe the last fill events are sent again (duplicates). */
    DUPLICATE_FILLS_ON_RECONNECT,
    /** Events of one operation are delivered in reverse order. */
    OUT_OF_ORDER_EVENTS,
    /** The order is acknowledged, then rejected/expired a moment later and unknown afterwards. */
    ACK_THEN_REJECT,
    /** REST queries show the state from before the last change for {@code durationMs} ms. */
    REST_STREAM_DISAGREE,
    /** The request is executed but the answer never comes (the client times out). */
    TIMEOUT_ORDER_PLACED,
    /** The request is executed but answered with an unknown-outcome error (HTTP 5xx, -1007, 50004). */
    UNKNOWN_OUTCOME,
    /** Requests are answered 429 (OKX 50011) with Retry-After {@code param} seconds (default 1). */
    RATE_LIMIT_BURST,
    /** Open WebSocket connections are dropped (closed without a close frame). */
    DROP_CONNECTIONS,
    /** A depth update id is skipped (a gap a client must detect and resync from). */
    DEPTH_GAP,
    /** A book update carries a wrong checksum (OKX books). */
    BAD_CHECKSUM,
    /** Balances reported differ from the fills by {@code param} (scaled, 8 decimals) of {@link FaultSpec#asset()}. */
    BALANCE_DRIFT,
    /** Venue time is off by {@code param} ms (may be negative). */
    CLOCK_SKEW,
    /** The venue refuses connections for {@code durationMs} ms. */
    VENUE_DOWN,
    /** The venue answers with its maintenance/system-busy error for {@code durationMs} ms. */
    MAINTENANCE,
    /**
     * A trade executes but its stream event (Binance TRADE executionReport, OKX orders push) is never
     * sent, nor replayed; REST (myTrades, fills) has it. One firing per trade: {@code times(n)} drops n.
     */
    DROP_FILL_EVENTS,
    /**
     * An order is accepted and answered, then {@code param} ms later (default 50) the venue drops it
     * without any event: absent from open orders, unknown to status queries and cancels.
     */
    FORGET_ORDER
}
