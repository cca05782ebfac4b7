package io.meridian.oms.api;

import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;

/**
 * A child order request to a venue: a new order, a cancel or a replace, depending on which
 * {@link VenueOrders} method receives it. A reused view, valid only during the call.
 */
public final class VenueOrder
{
    public int venueId;
    /** Meridian's ClOrdID towards the venue */
    public final StringBuilder clOrdId = new StringBuilder(32);
    /** for cancel/replace: the venue ClOrdID being cancelled/replaced */
    public final StringBuilder origClOrdId = new StringBuilder(32);
    /** the venue's OrderID when known, else empty */
    public final StringBuilder venueOrderId = new StringBuilder(32);
    public final StringBuilder account = new StringBuilder(16);
    public final StringBuilder symbol = new StringBuilder(16);
    public Side side;
    public OrdType ordType;
    public TimeInForce timeInForce;
    public int priceScale;
    public int qtyScale;
    public long qty;
    public long price;
    public long transactTimeNanos;
    /**
     * Dialect fields carried through unchanged, raw {@code tag=value<SOH>} pairs (empty when none):
     * which tags travel is configured per client and per venue at the edges.
     */
    public final StringBuilder customFields = new StringBuilder(64);
    /**
     * For a status query: what {@code clOrdId} names, as a FIX MsgType: {@link #QUERIED_ORDER} the order
     * itself, {@link #QUERIED_CANCEL} or {@link #QUERIED_REPLACE} a cancel or replace not answered yet (then
     * {@code origClOrdId} is the order's current ClOrdID, and for a replace quantity and price are the
     * replace's). Venues that cannot ask by the request's own id (crypto venues) ask about the order.
     */
    public char queried;

    public static final char QUERIED_ORDER = 'D';
    public static final char QUERIED_CANCEL = 'F';
    public static final char QUERIED_REPLACE = 'G';

    public VenueOrder reset()
    {
        venueId = 0;
        clOrdId.setLength(0);
        origClOrdId.setLength(0);
        venueOrderId.setLength(0);
        account.setLength(0);
        symbol.setLength(0);
        customFields.setLength(0);
        side = null;
        ordType = null;
        timeInForce = null;
        priceScale = 0;
        qtyScale = 0;
        qty = 0;
        price = 0;
        transactTimeNanos = 0;
        queried = 0;
        return this;
    }
}
