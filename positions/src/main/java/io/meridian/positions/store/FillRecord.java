package io.meridian.positions.store;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * One venue fill in the ledger, keyed by (venue, venue trade id). A fill whose order Meridian
 * does not know has an empty {@link #orderId} and instrument -1: it is kept for reconciliation and
 * changes no position.
 */
public final class FillRecord extends StoreRecord
{
    public int venueId;
    public final StringBuilder venueTradeId = new StringBuilder(32);
    public final StringBuilder venueOrderId = new StringBuilder(32);
    /** Meridian's OrderID, empty when the order is unknown */
    public final StringBuilder orderId = new StringBuilder(24);
    /** the ClOrdID Meridian sent the venue (OrderID-child) */
    public final StringBuilder venueClOrdId = new StringBuilder(32);
    public final StringBuilder account = new StringBuilder(16);
    public int instrumentId = -1;
    public final StringBuilder symbol = new StringBuilder(16);
    /** FIX 54 code, 0 when unknown */
    public char side;
    public int priceScale;
    public int qtyScale;
    public long qty;
    public long price;
    public long fee;
    public int feeScale;
    public final StringBuilder feeAsset = new StringBuilder(8);
    /** venue's transaction time, epoch nanos, 0 when the venue gave none */
    public long venueTimeNanos;
    /** local receipt time (venue bridge), epoch nanos */
    public long receivedNanos;
    /** the sequencer's sequence number of the input that brought the fill */
    public long sequence;

    public boolean known()
    {
        return orderId.length() > 0;
    }

    protected void write(final BytesOut<?> b)
    {
        b.writeInt(venueId).writeInt(instrumentId).writeInt(priceScale).writeInt(qtyScale).writeInt(feeScale);
        b.writeByte((byte)side);
        b.writeLong(qty).writeLong(price).writeLong(fee).writeLong(venueTimeNanos).writeLong(receivedNanos)
            .writeLong(sequence);
        b.write8bit(venueTradeId).write8bit(venueOrderId).write8bit(orderId).write8bit(venueClOrdId).write8bit(account)
            .write8bit(symbol).write8bit(feeAsset);
    }

    protected void read(final BytesIn<?> b)
    {
        venueId = b.readInt();
        instrumentId = b.readInt();
        priceScale = b.readInt();
        qtyScale = b.readInt();
        feeScale = b.readInt();
        side = (char)b.readByte();
        qty = b.readLong();
        price = b.readLong();
        fee = b.readLong();
        venueTimeNanos = b.readLong();
        receivedNanos = b.readLong();
        sequence = b.readLong();
        readString(b, venueTradeId);
        readString(b, venueOrderId);
        readString(b, orderId);
        readString(b, venueClOrdId);
        readString(b, account);
        readString(b, symbol);
        readString(b, feeAsset);
    }
}
