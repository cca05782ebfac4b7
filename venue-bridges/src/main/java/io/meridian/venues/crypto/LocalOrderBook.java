package io.meridian.venues.crypto;

import java.util.Arrays;

/**
 * A venue order book by price level, as the bridge's thread keeps it from the venue's market data.
 * Each side is a sorted array of scaled prices and quantities (bids best = highest first, asks best =
 * lowest first), plus the number of decimals each price and quantity was printed with, so a checksum
 * over the venue's strings "as sent" can be rebuilt without keeping strings. Updates are binary search
 * plus an array shift; nothing allocates unless a side outgrows its capacity. Single-threaded.
 */
final class LocalOrderBook
{
    private final Side bids = new Side(true);
    private final Side asks = new Side(false);

    LocalOrderBook(final int initialLevels)
    {
        bids.ensure(initialLevels);
        asks.ensure(initialLevels);
    }

    void clear()
    {
        bids.count = 0;
        asks.count = 0;
    }

    /** Sets a level; quantity 0 removes it (removing an absent level is normal and ignored). */
    void bid(final long price, final long qty, final int priceDigits, final int qtyDigits)
    {
        bids.set(price, qty, priceDigits, qtyDigits);
    }

    void ask(final long price, final long qty, final int priceDigits, final int qtyDigits)
    {
        asks.set(price, qty, priceDigits, qtyDigits);
    }

    int bidLevels()
    {
        return bids.count;
    }

    int askLevels()
    {
        return asks.count;
    }

    /**
     * The bid prices, best first; valid up to {@link #bidLevels()} and only until the next update (a side
     * that outgrows its capacity gets new arrays). For copying out without a loop per level.
     */
    long[] bidPrices()
    {
        return bids.price;
    }

    long[] bidQtys()
    {
        return bids.qty;
    }

    long[] askPrices()
    {
        return asks.price;
    }

    long[] askQtys()
    {
        return asks.qty;
    }

    /** Level {@code i} from the best (0). */
    long bidPrice(final int i)
    {
        return bids.price[i];
    }

    long bidQty(final int i)
    {
        return bids.qty[i];
    }

    long askPrice(final int i)
    {
        return asks.price[i];
    }

    long askQty(final int i)
    {
        return asks.qty[i];
    }

    int bidPriceDigits(final int i)
    {
        return bids.priceDigits[i];
    }

    int bidQtyDigits(final int i)
    {
        return bids.qtyDigits[i];
    }

    int askPriceDigits(final int i)
    {
        return asks.priceDigits[i];
    }

    int askQtyDigits(final int i)
    {
        return asks.qtyDigits[i];
    }

    /** A crossed or locked book (best bid at or above best ask) is not a valid venue book. */
    boolean isCrossed()
    {
        return bids.count > 0 && asks.count > 0 && bids.price[0] >= asks.price[0];
    }

    @Override
    public String toString()
    {
        return "LocalOrderBook{bids=" + bids.count + (bids.count > 0 ? " best " + bids.qty[0] + "@" + bids.price[0] : "") +
            ", asks=" + asks.count + (asks.count > 0 ? " best " + asks.qty[0] + "@" + asks.price[0] : "") + "}";
    }

    private static final class Side
    {
        private final boolean descending;
        long[] price = new long[0];
        long[] qty = new long[0];
        byte[] priceDigits = new byte[0];
        byte[] qtyDigits = new byte[0];
        int count;

        Side(final boolean descending)
        {
            this.descending = descending;
        }

        void ensure(final int capacity)
        {
            if (price.length < capacity)
            {
                price = Arrays.copyOf(price, capacity);
                qty = Arrays.copyOf(qty, capacity);
                priceDigits = Arrays.copyOf(priceDigits, capacity);
                qtyDigits = Arrays.copyOf(qtyDigits, capacity);
            }
        }

        /** Index of the level, or -(insertion point) - 1. */
        private int find(final long p)
        {
            int low = 0;
            int high = count - 1;
            while (low <= high)
            {
                final int mid = (low + high) >>> 1;
                final long at = price[mid];
                if (at == p)
                {
                    return mid;
                }
                if (descending ? at > p : at < p)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }
            return -(low + 1);
        }

        void set(final long p, final long q, final int pDigits, final int qDigits)
        {
            final int at = find(p);
            if (at >= 0)
            {
                if (q == 0)
                {
                    final int tail = count - at - 1;
                    System.arraycopy(price, at + 1, price, at, tail);
                    System.arraycopy(qty, at + 1, qty, at, tail);
                    System.arraycopy(priceDigits, at + 1, priceDigits, at, tail);
                    System.arraycopy(qtyDigits, at + 1, qtyDigits, at, tail);
                    count--;
                }
                else
                {
                    qty[at] = q;
                    priceDigits[at] = (byte)pDigits;
                    qtyDigits[at] = (byte)qDigits;
                }
                return;
            }
            if (q == 0)
            {
                return;
            }
            final int insert = -at - 1;
            if (count == price.length)
            {
                ensure(Math.max(16, count * 2));
            }
            final int tail = count - insert;
            System.arraycopy(price, insert, price, insert + 1, tail);
            System.arraycopy(qty, insert, qty, insert + 1, tail);
            System.arraycopy(priceDigits, insert, priceDigits, insert + 1, tail);
            System.arraycopy(qtyDigits, insert, qtyDigits, insert + 1, tail);
            price[insert] = p;
            qty[insert] = q;
            priceDigits[insert] = (byte)pDigits;
            qtyDigits[insert] = (byte)qDigits;
            count++;
        }
    }
}
