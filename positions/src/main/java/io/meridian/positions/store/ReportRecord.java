package io.meridian.positions.store;

import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.model.OrderRejectReason;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * One ExecutionReport Meridian sent the client for an order, keyed by {@code OrderID|index} (index
 * from 1, in the order the reports were sent). Enums by their FIX codes, the reject reason by name
 * (empty when none), amounts scaled as in the report: quantities by {@link #qtyScale}, prices and the
 * average price by {@link #priceScale}.
 */
public final class ReportRecord extends StoreRecord
{
    /** the report's position among the order's reports, from 1 */
    public int index;
    /** the journal sequence of the input that produced the report */
    public long sequence;
    public final StringBuilder orderId = new StringBuilder(24);
    public final StringBuilder execId = new StringBuilder(16);
    public final StringBuilder clOrdId = new StringBuilder(32);
    /** empty when not part of a cancel/replace chain */
    public final StringBuilder origClOrdId = new StringBuilder(32);
    /** the order's venue id (the router's for a routed parent) */
    public int venueId;
    /** LastMkt (30) when the report carried one (a routed parent's fill names its child's venue), else empty */
    public final StringBuilder lastMkt = new StringBuilder(16);
    /** FIX codes: 150, 39, 54 */
    public char execType;
    public char ordStatus;
    public char side;
    public int priceScale;
    public int qtyScale;
    public long orderQty;
    /** 0 for a market order */
    public long price;
    public long lastQty;
    public long lastPx;
    public long cumQty;
    public long leavesQty;
    public long avgPx;
    /** TransactTime (60): the sequencer's local receive time of the input, epoch nanos (journaled) */
    public long transactTimeNanos;
    /** OrderRejectReason name, empty when none */
    public final StringBuilder rejectReason = new StringBuilder(24);
    /** Text (58), empty when none */
    public final StringBuilder text = new StringBuilder(64);

    /** Copies the report; no allocation once the text fields have grown to fit. */
    public ReportRecord set(final ExecutionReport r, final int venueId, final int index, final long sequence)
    {
        this.index = index;
        this.sequence = sequence;
        set(orderId, r.orderId);
        set(execId, r.execId);
        set(clOrdId, r.clOrdId);
        set(origClOrdId, r.origClOrdId);
        this.venueId = venueId;
        lastMkt(r.customFields, lastMkt);
        execType = r.execType == null ? 0 : r.execType.fixValue();
        ordStatus = r.ordStatus == null ? 0 : r.ordStatus.fixValue();
        side = r.side == null ? 0 : r.side.fixValue();
        priceScale = r.priceScale;
        qtyScale = r.qtyScale;
        orderQty = r.orderQty;
        price = r.price;
        lastQty = r.lastQty;
        lastPx = r.lastPx;
        cumQty = r.cumQty;
        leavesQty = r.leavesQty;
        avgPx = r.avgPx;
        transactTimeNanos = r.transactTimeNanos;
        set(rejectReason, r.rejectReason == null || r.rejectReason == OrderRejectReason.NONE ? "" : r.rejectReason.name());
        set(text, r.text);
        return this;
    }

    /** The value of tag 30 among raw {@code tag=value<SOH>} pairs into {@code dst}, empty when absent. */
    static void lastMkt(final CharSequence fields, final StringBuilder dst)
    {
        dst.setLength(0);
        for (int i = 0, n = fields.length(); i + 3 <= n; )
        {
            if (fields.charAt(i) == '3' && fields.charAt(i + 1) == '0' && fields.charAt(i + 2) == '=')
            {
                for (int j = i + 3; j < n && fields.charAt(j) != '\u0001'; j++)
                {
                    dst.append(fields.charAt(j));
                }
                return;
            }
            while (i < n && fields.charAt(i) != '\u0001')
            {
                i++;
            }
            i++;
        }
    }

    protected void write(final BytesOut<?> b)
    {
        b.writeInt(index).writeLong(sequence).writeInt(venueId).writeInt(priceScale).writeInt(qtyScale);
        b.writeByte((byte)execType).writeByte((byte)ordStatus).writeByte((byte)side);
        b.writeLong(orderQty).writeLong(price).writeLong(lastQty).writeLong(lastPx).writeLong(cumQty)
            .writeLong(leavesQty).writeLong(avgPx).writeLong(transactTimeNanos);
        b.write8bit(orderId).write8bit(execId).write8bit(clOrdId).write8bit(origClOrdId).write8bit(lastMkt)
            .write8bit(rejectReason).write8bit(text);
    }

    protected void read(final BytesIn<?> b)
    {
        index = b.readInt();
        sequence = b.readLong();
        venueId = b.readInt();
        priceScale = b.readInt();
        qtyScale = b.readInt();
        execType = (char)b.readByte();
        ordStatus = (char)b.readByte();
        side = (char)b.readByte();
        orderQty = b.readLong();
        price = b.readLong();
        lastQty = b.readLong();
        lastPx = b.readLong();
        cumQty = b.readLong();
        leavesQty = b.readLong();
        avgPx = b.readLong();
        transactTimeNanos = b.readLong();
        readString(b, orderId);
        readString(b, execId);
        readString(b, clOrdId);
        readString(b, origClOrdId);
        readString(b, lastMkt);
        readString(b, rejectReason);
        readString(b, text);
    }
}
