package io.meridian.admin.reconciliation;

import io.meridian.oms.model.OrdStatus;

import java.math.BigDecimal;

/**
 * One of our orders at a venue as the shared store holds it. The venue knows it by the ClOrdID
 * {@code orderId + "-" + child}, where each cancel/replace sent to the venue is a new child.
 */
public record OurOrder(
    String orderId, String venueOrderId, String symbol, OrdStatus status, BigDecimal orderQty, BigDecimal cumQty,
    BigDecimal leavesQty, long updatedNanos)
{
    /** A cancel or a replace is in flight: the venue's answer settles the order. */
    public boolean pending()
    {
        return status == OrdStatus.PENDING_CANCEL || status == OrdStatus.PENDING_REPLACE;
    }

    /** The OrderID in a venue ClOrdID ({@code orderId-child}); the id itself when it has no child suffix. */
    public static String orderIdOf(final String venueClOrdId)
    {
        final int dash = venueClOrdId.lastIndexOf('-');
        if (dash <= 0 || dash == venueClOrdId.length() - 1)
        {
            return venueClOrdId;
        }
        for (int i = dash + 1; i < venueClOrdId.length(); i++)
        {
            if (venueClOrdId.charAt(i) < '0' || venueClOrdId.charAt(i) > '9')
            {
                return venueClOrdId;
            }
        }
        return venueClOrdId.substring(0, dash);
    }
}
