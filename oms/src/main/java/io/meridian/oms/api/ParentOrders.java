package io.meridian.oms.api;

/**
 * The contract between the OMS and the smart order router. An order for a routed instrument is a
 * parent order: the OMS sends it to the router as to a venue (the router's venue id), and the router
 * places child orders as an internal client, {@link #ROUTER_CLIENT_ID}, through the same
 * {@link OrderEntry} as any client, so every child and every decision is sequenced and journaled.
 * A child's ClOrdID is its parent's OrderID, {@link #SEPARATOR} and a number; the OMS links the two
 * and applies each child fill to the parent in the same input, so a parent never misses a fill its
 * children got, not even across a kill -9. Parent acknowledgements, cancels and replaces come back
 * from the router as venue events of the router's venue.
 */
public final class ParentOrders
{
    /** the router's client id: outside the FIX sessions' dense range */
    public static final int ROUTER_CLIENT_ID = 1 << 20;
    public static final char SEPARATOR = '.';

    private ParentOrders()
    {
    }

    /** Appends the ClOrdID of child {@code n} of the parent order {@code parentOrderId}. */
    public static StringBuilder appendChildClOrdId(
        final StringBuilder dst, final CharSequence parentOrderId, final int n)
    {
        return dst.append(parentOrderId).append(SEPARATOR).append(n);
    }

    /**
     * @return the length of the OrderID at the start of a venue ClOrdID ({@code <OrderID>-<version>}): up to
     * its last '-', or all of it when there is none.
     */
    public static int orderIdLength(final CharSequence venueClOrdId)
    {
        for (int i = venueClOrdId.length() - 1; i > 0; i--)
        {
            if (venueClOrdId.charAt(i) == '-')
            {
                return i;
            }
        }
        return venueClOrdId.length();
    }

    /** @return the length of the parent OrderID at the start of a child ClOrdID, -1 when it is none. */
    public static int parentOrderIdLength(final CharSequence childClOrdId)
    {
        for (int i = childClOrdId.length() - 1; i > 0; i--)
        {
            final char c = childClOrdId.charAt(i);
            if (c == SEPARATOR)
            {
                return i < childClOrdId.length() - 1 ? i : -1;
            }
            if (c < '0' || c > '9')
            {
                return -1;
            }
        }
        return -1;
    }

    /** @return the child number at the end of a child ClOrdID, -1 when it is none. */
    public static int childNumber(final CharSequence childClOrdId)
    {
        final int at = parentOrderIdLength(childClOrdId);
        if (at < 0 || childClOrdId.length() - at > 10)
        {
            return -1;
        }
        int n = 0;
        for (int i = at + 1; i < childClOrdId.length(); i++)
        {
            n = n * 10 + (childClOrdId.charAt(i) - '0');
        }
        return n;
    }
}
