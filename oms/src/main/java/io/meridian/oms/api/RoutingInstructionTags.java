package io.meridian.oms.api;

/**
 * The FIX tags of a client's routing instructions (docs/router.md, "Routing instructions (FIX tags)"). The
 * gateway always carries them in {@link NewOrderCommand#customFields} / {@link ReplaceOrderCommand#customFields}
 * for the router to read; they are Meridian's instructions, never sent on to a venue.
 */
public final class RoutingInstructionTags
{
    /** ExDestination: a single venue by name. */
    public static final int EX_DESTINATION = 100;
    /** MaxFloor: the iceberg's display quantity. */
    public static final int MAX_FLOOR = 111;
    /** ExpireTime: the TWAP's end. */
    public static final int EXPIRE_TIME = 126;
    /** EffectiveTime: the TWAP's start. */
    public static final int EFFECTIVE_TIME = 168;
    /** RoutingPolicy: 1 best-price sweep, 2 passive best queue, 3 preference list, 4 single venue. */
    public static final int ROUTING_POLICY = 20100;
    /** VenuePreference: venue names separated by spaces, in order. */
    public static final int VENUE_PREFERENCE = 20101;
    /** AlgoType: 0 none, 1 TWAP, 2 iceberg. */
    public static final int ALGO_TYPE = 20102;
    /** TwapSlices: 1..1000. */
    public static final int TWAP_SLICES = 20103;
    /** TwapRandomPct: 0..50. */
    public static final int TWAP_RANDOM_PCT = 20104;

    private static final int[] ALL =
    {
        EX_DESTINATION, MAX_FLOOR, EXPIRE_TIME, EFFECTIVE_TIME,
        ROUTING_POLICY, VENUE_PREFERENCE, ALGO_TYPE, TWAP_SLICES, TWAP_RANDOM_PCT
    };

    private RoutingInstructionTags()
    {
    }

    /** @return a copy of every routing tag. */
    public static int[] all()
    {
        return ALL.clone();
    }

    /** @return whether {@code tag} is a routing instruction. */
    public static boolean isRoutingTag(final int tag)
    {
        switch (tag)
        {
            case EX_DESTINATION:
            case MAX_FLOOR:
            case EXPIRE_TIME:
            case EFFECTIVE_TIME:
            case ROUTING_POLICY:
            case VENUE_PREFERENCE:
            case ALGO_TYPE:
            case TWAP_SLICES:
            case TWAP_RANDOM_PCT:
                return true;
            default:
                return false;
        }
    }
}
