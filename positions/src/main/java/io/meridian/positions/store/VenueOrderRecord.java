package io.meridian.positions.store;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * The venue's last reported view of one order (its latest execution report), keyed by Meridian's
 * OrderID, or by {@code ?venueId|ClOrdID} when the venue reports an order Meridian does not know.
 */
public final class VenueOrderRecord extends StoreRecord
{
    public int venueId;
    public final StringBuilder orderId = new StringBuilder(24);
    public final StringBuilder venueClOrdId = new StringBuilder(32);
    public final StringBuilder venueOrderId = new StringBuilder(32);
    /** FIX 150 and 39 codes of the last report */
    public char execType;
    public char ordStatus;
    public long cumQty;
    public long leavesQty;
    public long lastQty;
    public long lastPx;
    public long venueTimeNanos;
    public long receivedNanos;
    public long reports;
    /** the writer's stamp of the last report: a replay counts a report once */
    public long stamp;

    protected void write(final BytesOut<?> b)
    {
        b.writeInt(venueId).writeByte((byte)execType).writeByte((byte)ordStatus);
        b.writeLong(cumQty).writeLong(leavesQty).writeLong(lastQty).writeLong(lastPx).writeLong(venueTimeNanos)
            .writeLong(receivedNanos).writeLong(reports).writeLong(stamp);
        b.write8bit(orderId).write8bit(venueClOrdId).write8bit(venueOrderId);
    }

    protected void read(final BytesIn<?> b)
    {
        venueId = b.readInt();
        execType = (char)b.readByte();
        ordStatus = (char)b.readByte();
        cumQty = b.readLong();
        leavesQty = b.readLong();
        lastQty = b.readLong();
        lastPx = b.readLong();
        venueTimeNanos = b.readLong();
        receivedNanos = b.readLong();
        reports = b.readLong();
        stamp = b.readLong();
        readString(b, orderId);
        readString(b, venueClOrdId);
        readString(b, venueOrderId);
    }
}
