package io.meridian.router;

import io.meridian.oms.model.Side;

/**
 * A parent order's routing question: side, quantity, limit price (0 = market), policy and, depending on
 * the policy, the venue preference list or the single venue. Mutable and reused; {@link #set} clears
 * the list.
 */
public final class RouteRequest
{
    Side side;
    long qty;
    long limitPrice;
    RoutingPolicy policy;
    boolean passive;
    int singleVenueId;
    final int[] preferences;
    int preferenceCount;

    /** @param maxVenues the longest preference list (as {@link RouterConfig#maxVenues()}). */
    public RouteRequest(final int maxVenues)
    {
        preferences = new int[maxVenues];
    }

    /**
     * @param side       SELL_SHORT routes as a sell.
     * @param qty        scaled like the instrument's quantities, positive.
     * @param limitPrice scaled like its prices; 0 for a market order (no price bound).
     */
    public RouteRequest set(final Side side, final long qty, final long limitPrice, final RoutingPolicy policy)
    {
        this.side = side;
        this.qty = qty;
        this.limitPrice = limitPrice;
        this.policy = policy;
        passive = false;
        singleVenueId = -1;
        preferenceCount = 0;
        return this;
    }

    /**
     * Appends a venue to the preference list: the order for {@link RoutingPolicy#PREFERENCE_LIST} (and the
     * only venues it uses), the tie-break order for the other policies.
     */
    public RouteRequest prefer(final int venueId)
    {
        if (preferenceCount == preferences.length)
        {
            throw new IllegalStateException("preference list full: " + preferences.length);
        }
        preferences[preferenceCount++] = venueId;
        return this;
    }

    /** The venue for {@link RoutingPolicy#SINGLE_VENUE}. */
    public RouteRequest venue(final int venueId)
    {
        singleVenueId = venueId;
        return this;
    }

    /** For PREFERENCE_LIST and SINGLE_VENUE: post the quantity instead of taking liquidity. */
    public RouteRequest passive(final boolean passive)
    {
        this.passive = passive;
        return this;
    }

    public Side side()
    {
        return side;
    }

    public long qty()
    {
        return qty;
    }

    public long limitPrice()
    {
        return limitPrice;
    }

    public RoutingPolicy policy()
    {
        return policy;
    }

    public boolean isPassive()
    {
        return passive;
    }

    public int singleVenueId()
    {
        return singleVenueId;
    }

    public int preferenceCount()
    {
        return preferenceCount;
    }

    public int preference(final int index)
    {
        return preferences[index];
    }
}
