package io.meridian.oms.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DepthTableTest
{
    @Test
    void readsWhatWasPublishedCappedAtEachSideAndNothingOnceOutOfSync()
    {
        final DepthTable table = new DepthTable(2, 3);
        final DepthSnapshot depth = new DepthSnapshot(2);
        assertThat(table.read(0, depth)).isFalse();
        assertThat(table.read(2, depth)).isFalse();
        table.publish(1, new long[]{100, 99, 98, 97}, new long[]{1, 2, 3, 4}, 4,
            new long[]{101, 102}, new long[]{5, 6}, 2, 1_000, 2_000);
        assertThat(table.read(1, depth)).isTrue();
        assertThat(depth.bids()).isEqualTo(2);
        assertThat(depth.bidPrice(0)).isEqualTo(100);
        assertThat(depth.bidQty(1)).isEqualTo(2);
        assertThat(depth.asks()).isEqualTo(2);
        assertThat(depth.askPrice(1)).isEqualTo(102);
        assertThat(depth.askQty(0)).isEqualTo(5);
        assertThat(depth.venueTimeMs()).isEqualTo(1_000);
        assertThat(depth.updatedMs()).isEqualTo(2_000);
        final DepthSnapshot deeper = new DepthSnapshot(5);
        assertThat(table.read(1, deeper)).isTrue();
        assertThat(deeper.bids()).isEqualTo(3);
        assertThat(deeper.bidPrice(2)).isEqualTo(98);
        assertThat(table.read(0, depth)).isFalse();
        table.outOfSync(1, 3_000);
        assertThat(table.read(1, depth)).isFalse();
        table.publish(1, new long[0], new long[0], 0, new long[]{105}, new long[]{1}, 1, 4_000, 4_000);
        assertThat(table.read(1, depth)).isTrue();
        assertThat(depth.bids()).isZero();
        assertThat(depth.askPrice(0)).isEqualTo(105);
    }

    /** Every level derives from one counter: a reader never sees levels of two publications. */
    @Test
    @Timeout(30)
    void aReaderNeverSeesATornBook() throws Exception
    {
        final int levels = 20;
        final DepthTable table = new DepthTable(1, levels);
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<String> torn = new AtomicReference<>();
        final AtomicLong consistentReads = new AtomicLong();
        final Thread reader = new Thread(() ->
        {
            final DepthSnapshot depth = new DepthSnapshot(levels);
            while (!stop.get())
            {
                if (table.read(0, depth))
                {
                    final long n = depth.venueTimeMs();
                    final int expectedLevels = (int)(n % levels) + 1;
                    boolean ok = depth.bids() == expectedLevels && depth.asks() == expectedLevels;
                    for (int i = 0; ok && i < depth.bids(); i++)
                    {
                        ok = depth.bidPrice(i) == n - i && depth.bidQty(i) == n * 2 &&
                            depth.askPrice(i) == n + 1 + i && depth.askQty(i) == n * 3;
                    }
                    if (!ok)
                    {
                        torn.compareAndSet(null, "n=" + n + " bids=" + depth.bids());
                    }
                    consistentReads.incrementAndGet();
                }
            }
        });
        reader.start();
        final long[] bidPx = new long[levels];
        final long[] bidQty = new long[levels];
        final long[] askPx = new long[levels];
        final long[] askQty = new long[levels];
        for (long n = 100; n <= 500_000 || consistentReads.get() < 1_000; n++)
        {
            final int count = (int)(n % levels) + 1;
            for (int i = 0; i < count; i++)
            {
                bidPx[i] = n - i;
                bidQty[i] = n * 2;
                askPx[i] = n + 1 + i;
                askQty[i] = n * 3;
            }
            table.publish(0, bidPx, bidQty, count, askPx, askQty, count, n, n);
        }
        stop.set(true);
        reader.join();
        assertThat(torn.get()).isNull();
        assertThat(consistentReads.get()).isGreaterThanOrEqualTo(1_000);
    }
}
