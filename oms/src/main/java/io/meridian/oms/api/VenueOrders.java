package io.meridian.oms.api;

/**
 * Where the sequencer sends child orders (implemented by venue-bridges). Called on the
 * sequencer thread; must not block. Returns false when the request could not be handed to the
 * venue session (disconnected, back-pressured): the sequencer then rejects instead of leaving
 * the order in flight.
 */
public interface VenueOrders
{
    boolean isConnected(int venueId);

    boolean sendNewOrder(VenueOrder order);

    boolean sendCancel(VenueOrder cancel);

    boolean sendReplace(VenueOrder replace);
}
