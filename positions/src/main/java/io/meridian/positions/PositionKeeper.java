package io.meridian.positions;

import io.meridian.oms.api.FillListener;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.Side;
import org.agrona.collections.Object2ObjectHashMap;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Positions per (account, instrument) built from deduplicated fills. Single writer: the OMS
 * sequencer calls {@link #onFill}; read {@link #snapshot()} on the same thread, e.g. from another
 * thread through {@code oms.onSequencer(positionKeeper::snapshot)}. Allocates only when a new
 * (account, instrument) pair appears.
 */
public final class PositionKeeper implements FillListener
{
    private final Object2ObjectHashMap<Key, Position> positions;
    private final Key lookup = new Key();

    public PositionKeeper()
    {
        this(1024);
    }

    /** @param expectedPositions pre-sizes the position map. */
    public PositionKeeper(final int expectedPositions)
    {
        positions = new Object2ObjectHashMap<>(expectedPositions, 0.65f);
    }

    public void onFill(
        final CharSequence account, final Instrument instrument, final Side side, final long qty, final long price,
        final int venueId, final CharSequence venueExecId)
    {
        Position position = positions.get(lookup.set(account, instrument.id()));
        if (position == null)
        {
            position = new Position(account.toString(), instrument);
            positions.put(new Key().set(position.account, instrument.id()).freeze(), position);
        }
        position.apply(side, qty, price);
    }

    /** @return the net position, 0 when none. Sequencer thread. */
    public long netQty(final CharSequence account, final int instrumentId)
    {
        final Position position = positions.get(lookup.set(account, instrumentId));
        return position == null ? 0 : position.netQty;
    }

    /** @return every position, sorted by account then instrument id. Sequencer thread. */
    public List<PositionRow> snapshot()
    {
        final List<PositionRow> rows = new ArrayList<>(positions.size());
        for (final Position position : positions.values())
        {
            rows.add(position.row());
        }
        rows.sort(Comparator.comparing(PositionRow::account).thenComparingInt(PositionRow::instrumentId));
        return rows;
    }

    private static final class Position
    {
        final String account;
        final Instrument instrument;
        long netQty;
        long boughtQty;
        long soldQty;
        long boughtHi;
        long boughtLo;
        long soldHi;
        long soldLo;
        long fills;

        Position(final String account, final Instrument instrument)
        {
            this.account = account;
            this.instrument = instrument;
        }

        void apply(final Side side, final long qty, final long price)
        {
            final long hi = Math.multiplyHigh(qty, price);
            final long lo = qty * price;
            if (side == Side.BUY)
            {
                netQty += qty;
                boughtQty += qty;
                final long sum = boughtLo + lo;
                boughtHi += hi + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
                boughtLo = sum;
            }
            else
            {
                netQty -= qty;
                soldQty += qty;
                final long sum = soldLo + lo;
                soldHi += hi + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
                soldLo = sum;
            }
            fills++;
        }

        PositionRow row()
        {
            final int scale = instrument.priceScale() + instrument.qtyScale();
            return new PositionRow(
                account, instrument.id(), instrument.symbol(), instrument.priceScale(), instrument.qtyScale(), netQty,
                boughtQty, soldQty, toDecimal(boughtHi, boughtLo, scale), toDecimal(soldHi, soldLo, scale), fills);
        }

        private static BigDecimal toDecimal(final long hi, final long lo, final int scale)
        {
            final BigInteger value = BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
            return new BigDecimal(value, scale);
        }
    }

    /** (account, instrument) key; the lookup instance points at the caller's CharSequence. */
    private static final class Key
    {
        private CharSequence account;
        private int instrumentId;
        private int hash;

        Key set(final CharSequence account, final int instrumentId)
        {
            this.account = account;
            this.instrumentId = instrumentId;
            int h = instrumentId;
            for (int i = 0, n = account.length(); i < n; i++)
            {
                h = 31 * h + account.charAt(i);
            }
            hash = h;
            return this;
        }

        Key freeze()
        {
            account = account.toString();
            return this;
        }

        public int hashCode()
        {
            return hash;
        }

        public boolean equals(final Object o)
        {
            if (!(o instanceof Key))
            {
                return false;
            }
            final Key that = (Key)o;
            if (hash != that.hash || instrumentId != that.instrumentId || account.length() != that.account.length())
            {
                return false;
            }
            for (int i = 0, n = account.length(); i < n; i++)
            {
                if (account.charAt(i) != that.account.charAt(i))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
