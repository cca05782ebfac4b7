package io.meridian.positions.store;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * One asset balance of Meridian's account at one venue, keyed by {@code venueId|asset}: as last
 * reported by the venue and as implied by the fills applied since the store was built. Amounts are
 * scaled by {@link #SCALE} decimals.
 */
public final class BalanceRecord extends StoreRecord
{
    public static final int SCALE = 8;

    public int venueId;
    public final StringBuilder asset = new StringBuilder(8);
    /** sum of the fills' effect on this asset (bought base, paid quote, fees) */
    public long implied;
    public long impliedUpdatedNanos;
    public long fills;
    /** the writer's stamp of the last change to {@link #implied}: a replay applies a fill once */
    public long impliedStamp;
    /** last balance the venue reported; meaningful when {@link #reportedNanos} > 0 */
    public long reported;
    public long reportedNanos;

    public BalanceRecord init(final int venueId, final CharSequence asset)
    {
        this.venueId = venueId;
        set(this.asset, asset);
        implied = 0;
        impliedUpdatedNanos = 0;
        fills = 0;
        impliedStamp = 0;
        reported = 0;
        reportedNanos = 0;
        return this;
    }

    protected void write(final BytesOut<?> b)
    {
        b.writeInt(venueId).writeLong(implied).writeLong(impliedUpdatedNanos).writeLong(fills).writeLong(reported)
            .writeLong(reportedNanos).writeLong(impliedStamp);
        b.write8bit(asset);
    }

    protected void read(final BytesIn<?> b)
    {
        venueId = b.readInt();
        implied = b.readLong();
        impliedUpdatedNanos = b.readLong();
        fills = b.readLong();
        reported = b.readLong();
        reportedNanos = b.readLong();
        impliedStamp = b.readLong();
        readString(b, asset);
    }
}
