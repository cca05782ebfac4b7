package io.meridian.router;

/**
 * What is wrong with a client's routing instructions ({@link RoutingInstructions#parse}); the gateway refuses
 * such an order with OrderRejectReason INVALID_ROUTING_INSTRUCTION and logs this.
 */
public enum RoutingInstructionError
{
    NONE("", 0),
    DUPLICATE_TAG("a routing tag appears more than once", 0),
    BAD_NUMBER("not a number", 0),
    BAD_TIMESTAMP("not a UTCTimestamp", 0),
    UNKNOWN_POLICY("RoutingPolicy (20100) must be 1..4", 20100),
    BAD_VENUE_NAME("venue name empty or with characters other than letters, digits, '_', '-', '.'", 0),
    TOO_MANY_VENUES("VenuePreference (20101) names more venues than the router knows", 20101),
    POLICY_NEEDS_EX_DESTINATION("RoutingPolicy 4 (single venue) needs ExDestination (100)", 100),
    POLICY_NEEDS_VENUE_PREFERENCE("RoutingPolicy 3 (preference list) needs VenuePreference (20101)", 20101),
    EX_DESTINATION_CONFLICTS_WITH_POLICY("ExDestination (100) names a single venue: RoutingPolicy must be 4 or absent",
        20100),
    UNKNOWN_ALGO("AlgoType (20102) must be 0, 1 or 2", 20102),
    ALGO_CONFLICT("MaxFloor (111) implies an iceberg: AlgoType must be 2 or absent", 20102),
    TWAP_NEEDS_EXPIRE_TIME("TWAP needs ExpireTime (126), its end", 126),
    TWAP_END_NOT_AFTER_START("TWAP ExpireTime (126) not after EffectiveTime (168)", 126),
    TWAP_NEEDS_SLICES("TWAP needs TwapSlices (20103)", 20103),
    TWAP_SLICES_OUT_OF_RANGE("TwapSlices (20103) must be 1..1000", 20103),
    TWAP_RANDOM_PCT_OUT_OF_RANGE("TwapRandomPct (20104) must be 0..50", 20104),
    TWAP_PARAMETERS_WITHOUT_TWAP("TwapSlices (20103) or TwapRandomPct (20104) without AlgoType 1 (TWAP)", 20102),
    ICEBERG_NEEDS_MAX_FLOOR("AlgoType 2 (iceberg) needs MaxFloor (111)", 111),
    MAX_FLOOR_NOT_POSITIVE("MaxFloor (111) must be positive", 111),
    MAX_FLOOR_PRECISION("MaxFloor (111) has more decimals than the instrument's quantities", 111),
    MAX_FLOOR_ABOVE_ORDER_QTY("MaxFloor (111) above OrderQty (38)", 111);

    private final String text;
    private final int tag;

    RoutingInstructionError(final String text, final int tag)
    {
        this.text = text;
        this.tag = tag;
    }

    /** @return what is wrong, for logs and operators. */
    public String text()
    {
        return text;
    }

    /** @return the tag at fault when it is always the same one, else 0 (see {@link RoutingInstructions#errorTag()}). */
    public int tag()
    {
        return tag;
    }
}
