package io.meridian.router;

/** How {@link SmartRouter} splits a parent quantity across venues. */
public enum RoutingPolicy
{
    /**
     * Take visible liquidity across all healthy venues in order of fee-inclusive price (taker fee),
     * within the limit; ties by the request's preference order, then venue id.
     */
    BEST_PRICE_SWEEP,
    /**
     * Post the whole quantity at one venue: the best same-side price net of the maker fee, ties by the
     * smallest queue ahead, then preference order, then venue id.
     */
    PASSIVE_BEST_QUEUE,
    /**
     * Only the request's listed venues, in list order: the first healthy one is swept (or, passive, posted
     * to) before the next; within a venue, best price first.
     */
    PREFERENCE_LIST,
    /** Only the request's single venue, swept (or, passive, posted to) under its rules. */
    SINGLE_VENUE
}
