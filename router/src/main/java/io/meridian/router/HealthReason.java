package io.meridian.router;

/** Whether a venue may take part in a routing decision, and if not, the first reason found. */
public enum HealthReason
{
    HEALTHY,
    /** the operator or a reconciliation policy halted trading on the venue */
    HALTED,
    /** the order session or the market data stream is down */
    SESSION_DOWN,
    /** the local depth book lost its sync with the venue's feed: its prices are not to be used */
    BOOK_OUT_OF_SYNC,
    /** too little of the venue's request rate limit is left */
    RATE_LIMIT,
    /** the recent reject or timeout rate is above the configured maximum */
    REJECT_RATE,
    /** the recent median ack latency is above the configured maximum */
    ACK_LATENCY
}
