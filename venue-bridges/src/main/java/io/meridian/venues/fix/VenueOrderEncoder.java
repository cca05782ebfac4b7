package io.meridian.venues.fix;

import io.meridian.fix.ExtensibleNewOrderSingleEncoder;
import io.meridian.fix.ExtensibleOrderCancelReplaceRequestEncoder;
import io.meridian.fix.codecs.builder.NewOrderSingleEncoder;
import io.meridian.fix.codecs.builder.OrderCancelReplaceRequestEncoder;
import io.meridian.fix.codecs.builder.OrderCancelRequestEncoder;
import io.meridian.fix.codecs.builder.OrderStatusRequestEncoder;
import io.meridian.oms.api.RoutingInstructionTags;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.model.OrdType;
import org.agrona.collections.IntHashSet;
import uk.co.real_logic.artio.fields.UtcTimestampEncoder;

import java.util.concurrent.TimeUnit;

/**
 * Encodes child order requests into reused FIX 4.4 D / F / G encoders, with the venue's symbol. An order's carried
 * fields go along, except the client's routing instructions ({@link RoutingInstructionTags}): they are Meridian's,
 * not the venue's.
 */
final class VenueOrderEncoder
{
    private final IntHashSet routingTags = new IntHashSet();
    private final ExtensibleNewOrderSingleEncoder newOrder = new ExtensibleNewOrderSingleEncoder();
    private final OrderCancelRequestEncoder cancel = new OrderCancelRequestEncoder();
    private final ExtensibleOrderCancelReplaceRequestEncoder replace = new ExtensibleOrderCancelReplaceRequestEncoder();
    private final OrderStatusRequestEncoder status = new OrderStatusRequestEncoder();
    private final UtcTimestampEncoder timestamp = new UtcTimestampEncoder();

    VenueOrderEncoder()
    {
        for (final int tag : RoutingInstructionTags.all())
        {
            routingTags.add(tag);
        }
    }

    NewOrderSingleEncoder newOrder(final VenueOrder order, final CharSequence symbol)
    {
        final ExtensibleNewOrderSingleEncoder encoder = newOrder;
        encoder.reset();
        encoder.extraFields().clear().appendExcept(order.customFields, routingTags);
        encoder.clOrdID(order.clOrdId)
            .handlInst('1')
            .symbol(symbol)
            .side(order.side.fixValue())
            .transactTime(timestamp.buffer(), timestamp(order.transactTimeNanos))
            .orderQty(order.qty, order.qtyScale)
            .ordType(order.ordType.fixValue())
            .timeInForce(order.timeInForce.fixValue());
        if (order.account.length() > 0)
        {
            encoder.account(order.account);
        }
        if (order.ordType == OrdType.LIMIT)
        {
            encoder.price(order.price, order.priceScale);
        }
        return encoder;
    }

    OrderCancelRequestEncoder cancel(final VenueOrder order, final CharSequence symbol)
    {
        final OrderCancelRequestEncoder encoder = cancel;
        encoder.reset();
        encoder.origClOrdID(order.origClOrdId)
            .clOrdID(order.clOrdId)
            .symbol(symbol)
            .side(order.side.fixValue())
            .transactTime(timestamp.buffer(), timestamp(order.transactTimeNanos))
            .orderQty(order.qty, order.qtyScale);
        if (order.venueOrderId.length() > 0)
        {
            encoder.orderID(order.venueOrderId);
        }
        if (order.account.length() > 0)
        {
            encoder.account(order.account);
        }
        return encoder;
    }

    /** By ClOrdID only: an OrderID would let the venue answer for the order when asked about a cancel. */
    OrderStatusRequestEncoder status(final VenueOrder order, final CharSequence symbol)
    {
        final OrderStatusRequestEncoder encoder = status;
        encoder.reset();
        encoder.clOrdID(order.clOrdId)
            .symbol(symbol)
            .side(order.side.fixValue());
        return encoder;
    }

    OrderCancelReplaceRequestEncoder replace(final VenueOrder order, final CharSequence symbol)
    {
        final ExtensibleOrderCancelReplaceRequestEncoder encoder = replace;
        encoder.reset();
        encoder.extraFields().clear().appendExcept(order.customFields, routingTags);
        encoder.origClOrdID(order.origClOrdId)
            .clOrdID(order.clOrdId)
            .handlInst('1')
            .symbol(symbol)
            .side(order.side.fixValue())
            .transactTime(timestamp.buffer(), timestamp(order.transactTimeNanos))
            .orderQty(order.qty, order.qtyScale)
            .ordType(order.ordType.fixValue())
            .timeInForce(order.timeInForce.fixValue());
        if (order.venueOrderId.length() > 0)
        {
            encoder.orderID(order.venueOrderId);
        }
        if (order.account.length() > 0)
        {
            encoder.account(order.account);
        }
        if (order.ordType == OrdType.LIMIT)
        {
            encoder.price(order.price, order.priceScale);
        }
        return encoder;
    }

    private int timestamp(final long epochNanos)
    {
        return timestamp.encodeFrom(epochNanos, TimeUnit.NANOSECONDS);
    }
}
