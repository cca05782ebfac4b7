package io.meridian.positions.store;

import io.meridian.oms.api.OrderView;
import io.meridian.oms.model.Instrument;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * An order's current state in the store, keyed by OrderID. Enums are stored by their FIX codes
 * (side, type, time in force, status) and the reject reason by name: stable across builds.
 */
public final class OrderRecord extends StoreRecord
{
    public final StringBuilder orderId = new StringBuilder(24);
    public int clientId;
    public final StringBuilder clOrdId = new StringBuilder(32);
    public final StringBuilder account = new StringBuilder(16);
    public final StringBuilder symbol = new StringBuilder(16);
    public int instrumentId;
    public int venueId;
    public int priceScale;
    public int qtyScale;
    /** FIX codes: 54, 40, 59, 39 */
    public char side;
    public char ordType;
    public char timeInForce;
    public char ordStatus;
    public long orderQty;
    public long price;
    public long cumQty;
    public long leavesQty;
    public long avgPx;
    public long createdNanos;
    public long updatedNanos;
    public final StringBuilder venueOrderId = new StringBuilder(32);
    /** OrderRejectReason name, NONE when not rejected */
    public final StringBuilder rejectReason = new StringBuilder(24);

    public OrderRecord set(final OrderView o)
    {
        set(orderId, o.orderId());
        clientId = o.clientId();
        set(clOrdId, o.clOrdId());
        set(account, o.account());
        set(symbol, o.symbol());
        final Instrument instrument = o.instrument();
        instrumentId = instrument == null ? -1 : instrument.id();
        venueId = o.venueId();
        priceScale = instrument == null ? 0 : instrument.priceScale();
        qtyScale = instrument == null ? 0 : instrument.qtyScale();
        side = o.side() == null ? 0 : o.side().fixValue();
        ordType = o.ordType() == null ? 0 : o.ordType().fixValue();
        timeInForce = o.timeInForce() == null ? 0 : o.timeInForce().fixValue();
        ordStatus = o.ordStatus().fixValue();
        orderQty = o.orderQty();
        price = o.price();
        cumQty = o.cumQty();
        leavesQty = o.leavesQty();
        avgPx = o.avgPx();
        createdNanos = o.createdNanos();
        updatedNanos = o.updatedNanos();
        set(venueOrderId, o.venueOrderId());
        set(rejectReason, o.rejectReason().name());
        return this;
    }

    protected void write(final BytesOut<?> b)
    {
        b.writeInt(clientId).writeInt(instrumentId).writeInt(venueId).writeInt(priceScale).writeInt(qtyScale);
        b.writeByte((byte)side).writeByte((byte)ordType).writeByte((byte)timeInForce).writeByte((byte)ordStatus);
        b.writeLong(orderQty).writeLong(price).writeLong(cumQty).writeLong(leavesQty).writeLong(avgPx);
        b.writeLong(createdNanos).writeLong(updatedNanos);
        b.write8bit(orderId).write8bit(clOrdId).write8bit(account).write8bit(symbol).write8bit(venueOrderId)
            .write8bit(rejectReason);
    }

    protected void read(final BytesIn<?> b)
    {
        clientId = b.readInt();
        instrumentId = b.readInt();
        venueId = b.readInt();
        priceScale = b.readInt();
        qtyScale = b.readInt();
        side = (char)b.readByte();
        ordType = (char)b.readByte();
        timeInForce = (char)b.readByte();
        ordStatus = (char)b.readByte();
        orderQty = b.readLong();
        price = b.readLong();
        cumQty = b.readLong();
        leavesQty = b.readLong();
        avgPx = b.readLong();
        createdNanos = b.readLong();
        updatedNanos = b.readLong();
        readString(b, orderId);
        readString(b, clOrdId);
        readString(b, account);
        readString(b, symbol);
        readString(b, venueOrderId);
        readString(b, rejectReason);
    }
}
