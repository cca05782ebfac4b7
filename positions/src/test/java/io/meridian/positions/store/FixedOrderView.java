package io.meridian.positions.store;

import io.meridian.oms.api.OrderView;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;

/** An order state given field by field, to drive a {@link StoreWriter} without an Oms (allocation and JMH). */
final class FixedOrderView implements OrderView
{
    String orderId = "T1.1";
    String account = "ACC";
    Instrument instrument = StoreHarness.BTC;
    Side side = Side.BUY;
    long cumQty;
    long updatedNanos;

    public String orderId()
    {
        return orderId;
    }

    public int clientId()
    {
        return 1;
    }

    public String clOrdId()
    {
        return "C1";
    }

    public String account()
    {
        return account;
    }

    public Instrument instrument()
    {
        return instrument;
    }

    public String symbol()
    {
        return instrument.symbol();
    }

    public Side side()
    {
        return side;
    }

    public OrdType ordType()
    {
        return OrdType.LIMIT;
    }

    public TimeInForce timeInForce()
    {
        return TimeInForce.GTC;
    }

    public long orderQty()
    {
        return Long.MAX_VALUE / 4;
    }

    public long price()
    {
        return 6_000_000;
    }

    public long cumQty()
    {
        return cumQty;
    }

    public long leavesQty()
    {
        return orderQty() - cumQty;
    }

    public long avgPx()
    {
        return 6_000_000;
    }

    public OrdStatus ordStatus()
    {
        return OrdStatus.PARTIALLY_FILLED;
    }

    public int venueId()
    {
        return instrument.venueId();
    }

    public String venueOrderId()
    {
        return "V-1";
    }

    public long createdNanos()
    {
        return 1;
    }

    public long updatedNanos()
    {
        return updatedNanos;
    }

    public OrderRejectReason rejectReason()
    {
        return OrderRejectReason.NONE;
    }
}
