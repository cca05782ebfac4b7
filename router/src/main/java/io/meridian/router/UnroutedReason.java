package io.meridian.router;

/** Why part (or all) of a parent quantity was left unrouted by {@link SmartRouter#route}. */
public enum UnroutedReason
{
    /** everything was routed */
    NONE,
    /** quantity not positive, negative limit price, or no policy */
    INVALID_REQUEST,
    /** no venue the policy allows is known to the router (not in the books given) */
    NO_VENUE,
    /** every venue the policy allows is unhealthy (see the result's skipped venues) */
    NO_HEALTHY_VENUE,
    /** the healthy venues' visible liquidity within the limit price is smaller than the quantity */
    NO_LIQUIDITY_WITHIN_LIMIT,
    /**
     * the liquidity was there, but a venue's lot size, minimum quantity or minimum notional left the
     * remainder unroutable (rounded down or dropped rather than sent to be rejected)
     */
    VENUE_RULES,
    /** passive: no allowed healthy venue has a price on the order's side to join */
    NO_PASSIVE_PRICE
}
