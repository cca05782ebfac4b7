package io.meridian.router;

/**
 * The answer of {@link SmartRouter#route}: up to one child per venue (venue id, quantity, limit price) in
 * the order they should be sent (best first), the quantity routed and left unrouted with why, the venues
 * skipped as unhealthy with their reason, and the fee-inclusive average price. Preallocated and reused.
 */
public final class RouteResult
{
    final int[] childVenueId;
    final long[] childQty;
    final long[] childPrice;
    int childCount;
    boolean passive;
    long routedQty;
    long unroutedQty;
    UnroutedReason unroutedReason = UnroutedReason.NONE;
    double averagePriceWithFees;
    final int[] skippedVenueId;
    final HealthReason[] skippedReason;
    int skippedCount;

    /** @param maxVenues as {@link RouterConfig#maxVenues()}. */
    public RouteResult(final int maxVenues)
    {
        childVenueId = new int[maxVenues];
        childQty = new long[maxVenues];
        childPrice = new long[maxVenues];
        skippedVenueId = new int[maxVenues];
        skippedReason = new HealthReason[maxVenues];
    }

    void reset()
    {
        childCount = 0;
        passive = false;
        routedQty = 0;
        unroutedQty = 0;
        unroutedReason = UnroutedReason.NONE;
        averagePriceWithFees = 0;
        skippedCount = 0;
    }

    void addChild(final int venueId, final long qty, final long price)
    {
        childVenueId[childCount] = venueId;
        childQty[childCount] = qty;
        childPrice[childCount] = price;
        childCount++;
        routedQty += qty;
    }

    void addSkipped(final int venueId, final HealthReason reason)
    {
        skippedVenueId[skippedCount] = venueId;
        skippedReason[skippedCount] = reason;
        skippedCount++;
    }

    public int childCount()
    {
        return childCount;
    }

    public int childVenueId(final int index)
    {
        return childVenueId[index];
    }

    /** Scaled like the instrument's quantities; a multiple of the venue's lot size. */
    public long childQty(final int index)
    {
        return childQty[index];
    }

    /**
     * The child's limit price on the venue's tick grid: for a sweep the worst level taken on that venue
     * (buy: rounded up to the tick, sell: down, never past the parent's limit); passive: the price joined.
     */
    public long childPrice(final int index)
    {
        return childPrice[index];
    }

    /** True when the children are to rest (passive), false when they take liquidity (send them IOC). */
    public boolean passive()
    {
        return passive;
    }

    public long routedQty()
    {
        return routedQty;
    }

    public long unroutedQty()
    {
        return unroutedQty;
    }

    public UnroutedReason unroutedReason()
    {
        return unroutedReason;
    }

    /**
     * Volume-weighted price of the routed quantity including fees, in the instrument's price scale (a
     * fraction of a tick shows): buy, what is paid a unit (price x (1 + fee)); sell, what is received
     * (price x (1 - fee)). Taker fees for a sweep, the maker fee for a passive post, assuming the visible
     * levels fill. 0 when nothing was routed. A report figure: decisions compare exactly in integers.
     */
    public double averagePriceWithFees()
    {
        return averagePriceWithFees;
    }

    public int skippedCount()
    {
        return skippedCount;
    }

    public int skippedVenueId(final int index)
    {
        return skippedVenueId[index];
    }

    public HealthReason skippedReason(final int index)
    {
        return skippedReason[index];
    }

    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder("RouteResult{");
        for (int i = 0; i < childCount; i++)
        {
            text.append(i == 0 ? "" : ", ").append("venue ").append(childVenueId[i]).append(' ')
                .append(childQty[i]).append('@').append(childPrice[i]);
        }
        text.append(passive ? " passive" : "").append(", routed=").append(routedQty).append(", unrouted=")
            .append(unroutedQty).append(' ').append(unroutedReason).append(", avg=").append(averagePriceWithFees);
        for (int i = 0; i < skippedCount; i++)
        {
            text.append(", skipped ").append(skippedVenueId[i]).append(' ').append(skippedReason[i]);
        }
        return text.append('}').toString();
    }
}
