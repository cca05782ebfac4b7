package io.meridian.positions.store;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

import java.math.BigInteger;

/**
 * A position in one instrument for one account, at one venue or over all venues
 * ({@link #ALL_VENUES}), by the average cost method: buys and sells that add to the position raise
 * its cost; those that reduce it realise {@code (price - average cost) * qty} (reversed for a short)
 * and leave the average cost unchanged; a fill that crosses zero closes the position and opens the
 * rest at the fill price. Costs and P&amp;L are exact sums of {@code qty * price} in units of
 * {@code 10^-(priceScale + qtyScale)}.
 */
public final class PositionRecord extends StoreRecord
{
    public static final int ALL_VENUES = -1;

    public final StringBuilder account = new StringBuilder(16);
    public int venueId;
    public int instrumentId;
    public final StringBuilder symbol = new StringBuilder(16);
    public int priceScale;
    public int qtyScale;
    /** bought minus sold, scaled by qtyScale */
    public long netQty;
    /** cost of the open position: |netQty| times the average cost, scale priceScale + qtyScale */
    public long openCost;
    /** realised profit and loss, scale priceScale + qtyScale */
    public long realisedPnl;
    public long boughtQty;
    public long soldQty;
    public long fills;
    public long updatedNanos;
    /** sequence number of the input that brought the last fill */
    public long lastSequence;
    /** the writer's stamp of the last change (input sequence and call index): a replay applies a fill once */
    public long stamp;

    public PositionRecord init(
        final CharSequence account, final int venueId, final int instrumentId, final CharSequence symbol,
        final int priceScale, final int qtyScale)
    {
        set(this.account, account);
        this.venueId = venueId;
        this.instrumentId = instrumentId;
        set(this.symbol, symbol);
        this.priceScale = priceScale;
        this.qtyScale = qtyScale;
        netQty = 0;
        openCost = 0;
        realisedPnl = 0;
        boughtQty = 0;
        soldQty = 0;
        fills = 0;
        updatedNanos = 0;
        lastSequence = 0;
        stamp = 0;
        return this;
    }

    /** Applies one fill: qty scaled by qtyScale, price by priceScale. */
    public void apply(final boolean buy, final long qty, final long price, final long nowNanos, final long sequence)
    {
        final long notional = Math.multiplyExact(qty, price);
        final long sign = buy ? 1 : -1;
        if (buy)
        {
            boughtQty += qty;
        }
        else
        {
            soldQty += qty;
        }
        if (netQty == 0 || (netQty > 0) == buy)
        {
            netQty += sign * qty;
            openCost += notional;
        }
        else
        {
            final long openQty = Math.abs(netQty);
            final long closeQty = Math.min(qty, openQty);
            final long closedCost = closeQty == openQty ? openCost : mulDivHalfEven(openCost, closeQty, openQty);
            final long closeNotional = closeQty == qty ? notional : Math.multiplyExact(closeQty, price);
            realisedPnl += netQty > 0 ? closeNotional - closedCost : closedCost - closeNotional;
            openCost -= closedCost;
            netQty += sign * closeQty;
            final long rest = qty - closeQty;
            if (rest > 0)
            {
                netQty += sign * rest;
                openCost = Math.multiplyExact(rest, price);
            }
        }
        fills++;
        updatedNanos = nowNanos;
        lastSequence = sequence;
    }

    /** @return the average cost of the open position, scaled by priceScale (half-even), 0 when flat. */
    public long avgCost()
    {
        return netQty == 0 ? 0 : mulDivHalfEven(openCost, 1, Math.abs(netQty));
    }

    /** a * b / c rounded half-even, for c &gt; 0; exact through 128 bits. */
    static long mulDivHalfEven(final long a, final long b, final long c)
    {
        final long hi = Math.multiplyHigh(a, b);
        final long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))
        {
            final long quotient = lo / c;
            final long remainder = Math.abs(lo % c);
            final long rest = c - remainder;
            if (remainder > rest || (remainder == rest && (quotient & 1) != 0))
            {
                return lo < 0 ? quotient - 1 : quotient + 1;
            }
            return quotient;
        }
        final BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
        long quotient = qr[0].longValueExact();
        final int cmp = qr[1].abs().shiftLeft(1).compareTo(BigInteger.valueOf(c));
        if (cmp > 0 || (cmp == 0 && (quotient & 1) != 0))
        {
            quotient += qr[1].signum();
        }
        return quotient;
    }

    protected void write(final BytesOut<?> b)
    {
        b.writeInt(venueId).writeInt(instrumentId).writeInt(priceScale).writeInt(qtyScale);
        b.writeLong(netQty).writeLong(openCost).writeLong(realisedPnl).writeLong(boughtQty).writeLong(soldQty)
            .writeLong(fills).writeLong(updatedNanos).writeLong(lastSequence)
            .writeLong(stamp);
        b.write8bit(account).write8bit(symbol);
    }

    protected void read(final BytesIn<?> b)
    {
        venueId = b.readInt();
        instrumentId = b.readInt();
        priceScale = b.readInt();
        qtyScale = b.readInt();
        netQty = b.readLong();
        openCost = b.readLong();
        realisedPnl = b.readLong();
        boughtQty = b.readLong();
        soldQty = b.readLong();
        fills = b.readLong();
        updatedNanos = b.readLong();
        lastSequence = b.readLong();
        stamp = b.readLong();
        readString(b, account);
        readString(b, symbol);
    }
}
