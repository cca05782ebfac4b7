package io.meridian.venues.fix;

import io.meridian.fix.codecs.builder.NewOrderSingleEncoder;
import io.meridian.fix.codecs.builder.OrderCancelReplaceRequestEncoder;
import io.meridian.fix.codecs.builder.OrderCancelRequestEncoder;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.model.OrdType;
import uk.co.real_logic.artio.fields.UtcTimestampEncoder;

import java.util.concurrent.TimeUnit;

/** Encodes child order requests into reused FIX 4.4 D / F / G encoders. */
final class VenueOrderEncoder
{
    private final NewOrderSingleEncoder newOrder = new NewOrderSingleEncoder();
    private final OrderCancelRequestEncoder cancel = new OrderCancelRequestEncoder();
    private final OrderCancelReplaceRequestEncoder replace = new OrderCancelReplaceRequestEncoder();
    private final UtcTimestampEncoder timestamp = new UtcTimestampEncoder();

    NewOrderSingleEncoder newOrder(final VenueOrder order)
    {
        final NewOrderSingleEncoder encoder = newOrder;
        encoder.reset();
        encoder.clOrdID(order.clOrdId)
            .handlInst('1')
            .symbol(order.symbol)
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

    OrderCancelRequestEncoder cancel(final VenueOrder order)
    {
        final OrderCancelRequestEncoder encoder = cancel;
        encoder.reset();
        encoder.origClOrdID(order.origClOrdId)
            .clOrdID(order.clOrdId)
            .symbol(order.symbol)
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

    OrderCancelReplaceRequestEncoder replace(final VenueOrder order)
    {
        final OrderCancelReplaceRequestEncoder encoder = replace;
        encoder.reset();
        encoder.origClOrdID(order.origClOrdId)
            .clOrdID(order.clOrdId)
            .handlInst('1')
            .symbol(order.symbol)
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
