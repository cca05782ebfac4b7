package io.meridian.venues;

import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import io.meridian.venues.crypto.CryptoVenueBridge;
import io.meridian.venues.crypto.VenueRequestRing;

import java.util.List;

/**
 * The sequencer's one {@link VenueOrders}: a child order goes to the FIX venue bridge or to the
 * crypto bridge of its venue id. Core thread; no allocation, no blocking (a crypto bridge only
 * copies the order into its ring).
 */
public final class VenueRouter implements VenueOrders
{
    private final VenueOrders fixVenues;
    private final CryptoVenueBridge[] crypto;

    public VenueRouter(final VenueOrders fixVenues, final List<CryptoVenueBridge> cryptoBridges)
    {
        this.fixVenues = fixVenues;
        int maxId = -1;
        for (final CryptoVenueBridge bridge : cryptoBridges)
        {
            maxId = Math.max(maxId, bridge.venueId());
        }
        crypto = new CryptoVenueBridge[maxId + 1];
        for (final CryptoVenueBridge bridge : cryptoBridges)
        {
            crypto[bridge.venueId()] = bridge;
        }
    }

    private CryptoVenueBridge crypto(final int venueId)
    {
        return venueId >= 0 && venueId < crypto.length ? crypto[venueId] : null;
    }

    public boolean isConnected(final int venueId)
    {
        final CryptoVenueBridge bridge = crypto(venueId);
        return bridge != null ? bridge.isConnected() : fixVenues.isConnected(venueId);
    }

    public boolean sendNewOrder(final VenueOrder order)
    {
        final CryptoVenueBridge bridge = crypto(order.venueId);
        return bridge != null ? bridge.offer(VenueRequestRing.NEW_ORDER, order) : fixVenues.sendNewOrder(order);
    }

    public boolean sendCancel(final VenueOrder cancel)
    {
        final CryptoVenueBridge bridge = crypto(cancel.venueId);
        return bridge != null ? bridge.offer(VenueRequestRing.CANCEL, cancel) : fixVenues.sendCancel(cancel);
    }

    public boolean sendReplace(final VenueOrder replace)
    {
        final CryptoVenueBridge bridge = crypto(replace.venueId);
        return bridge != null ? bridge.offer(VenueRequestRing.REPLACE, replace) : fixVenues.sendReplace(replace);
    }

    /**
     * A FIX venue is sent an OrderStatusRequest; a crypto bridge asks its venue by client order id and answers
     * with an ORDER_STATUS execution as a FIX venue does.
     */
    public boolean sendStatusRequest(final VenueOrder order)
    {
        final CryptoVenueBridge bridge = crypto(order.venueId);
        return bridge != null ? bridge.offer(VenueRequestRing.STATUS, order) : fixVenues.sendStatusRequest(order);
    }
}
