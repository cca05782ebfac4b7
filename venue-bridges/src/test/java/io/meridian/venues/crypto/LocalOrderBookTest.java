package io.meridian.venues.crypto;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The array book against a TreeMap reference under random level updates (qty 0 removes). */
class LocalOrderBookTest
{
    @Test
    void matchesASortedMapUnderRandomUpdates()
    {
        final Random random = new Random(42);
        final LocalOrderBook book = new LocalOrderBook(2);
        final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, Long> asks = new TreeMap<>();
        for (int step = 0; step < 20_000; step++)
        {
            final boolean bid = random.nextBoolean();
            final long price = bid ? 900 + random.nextInt(100) : 1000 + random.nextInt(100);
            final long qty = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(1000);
            if (bid)
            {
                book.bid(price, qty, 2, 8);
                if (qty == 0)
                {
                    bids.remove(price);
                }
                else
                {
                    bids.put(price, qty);
                }
            }
            else
            {
                book.ask(price, qty, 2, 8);
                if (qty == 0)
                {
                    asks.remove(price);
                }
                else
                {
                    asks.put(price, qty);
                }
            }
        }
        assertSame(book, bids, asks);
        assertThat(book.isCrossed()).isFalse();
        book.clear();
        assertThat(book.bidLevels()).isZero();
        assertThat(book.askLevels()).isZero();
    }

    private static void assertSame(final LocalOrderBook book, final TreeMap<Long, Long> bids, final TreeMap<Long, Long> asks)
    {
        assertThat(book.bidLevels()).isEqualTo(bids.size());
        assertThat(book.askLevels()).isEqualTo(asks.size());
        int i = 0;
        for (final Map.Entry<Long, Long> level : bids.entrySet())
        {
            assertThat(book.bidPrice(i)).isEqualTo(level.getKey());
            assertThat(book.bidQty(i++)).isEqualTo(level.getValue());
        }
        i = 0;
        for (final Map.Entry<Long, Long> level : asks.entrySet())
        {
            assertThat(book.askPrice(i)).isEqualTo(level.getKey());
            assertThat(book.askQty(i++)).isEqualTo(level.getValue());
        }
    }
}
