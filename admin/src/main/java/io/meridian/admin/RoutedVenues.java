package io.meridian.admin;

import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;

/**
 * The sequencer's venues when the smart order router runs: parent orders (the router's venue id) go to
 * the router, every child order to its venue. Core thread.
 */
final class RoutedVenues implements VenueOrders
{
    private final VenueOrders venues;
    private final int routerVenueId;
    private final VenueOrders router;

    RoutedVenues(final VenueOrders venues, final int routerVenueId, final VenueOrders router)
    {
        this.venues = venues;
        this.routerVenueId = routerVenueId;
        this.router = router;
    }

    private VenueOrders of(final int venueId)
    {
        return venueId == routerVenueId ? router : venues;
    }

    public boolean isConnected(final int venueId)
    {
        return of(venueId).isConnected(venueId);
    }

    public boolean sendNewOrder(final VenueOrder order)
    {
        return of(order.venueId).sendNewOrder(order);
    }

    public boolean sendCancel(final VenueOrder cancel)
    {
        return of(cancel.venueId).sendCancel(cancel);
    }

    public boolean sendReplace(final VenueOrder replace)
    {
        return of(replace.venueId).sendReplace(replace);
    }

    public boolean sendStatusRequest(final VenueOrder order)
    {
        return of(order.venueId).sendStatusRequest(order);
    }
}
