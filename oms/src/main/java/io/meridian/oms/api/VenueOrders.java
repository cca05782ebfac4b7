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

    /**
     * Asks the venue for the state of an order by its venue ClOrdID ({@code order.clOrdId}): sent for
     * orders whose fate the OMS does not know after a restart or a venue reconnect. The venue answers
     * with an ExecutionReport of ExecType ORDER_STATUS (OrdStatus REJECTED when it does not know it).
     * @return false when the venue cannot be asked (not supported, disconnected, back-pressured).
     */
    default boolean sendStatusRequest(VenueOrder order)
    {
        return false;
    }
}
