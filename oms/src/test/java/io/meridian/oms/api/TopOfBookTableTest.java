package io.meridian.oms.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class TopOfBookTableTest
{
    @Test
    void readsWhatWasPublishedAndNothingOnceOutOfSync()
    {
        final TopOfBookTable table = new TopOfBookTable(3);
        final TopOfBook top = new TopOfBook();
        assertThat(table.read(1, top)).isFalse();
        assertThat(table.read(7, top)).isFalse();
        assertThat(table.read(-1, top)).isFalse();
        table.publish(1, 100, 5, 101, 6, 1_000, 2_000);
        assertThat(table.read(1, top)).isTrue();
        assertThat(top.bidPrice()).isEqualTo(100);
        assertThat(top.bidQty()).isEqualTo(5);
        assertThat(top.askPrice()).isEqualTo(101);
        assertThat(top.askQty()).isEqualTo(6);
        assertThat(top.venueTimeMs()).isEqualTo(1_000);
        assertThat(top.updatedMs()).isEqualTo(2_000);
        assertThat(top.inSync()).isTrue();
        assertThat(table.read(0, top)).isFalse();
        table.outOfSync(1, 3_000);
        assertThat(table.read(1, top)).isFalse();
        assertThat(top.inSync()).isFalse();
        table.publish(1, 99, 1, 0, 0, 4_000, 4_000);
        assertThat(table.read(1, top)).isTrue();
        assertThat(top.hasAsk()).isFalse();
    }

    /** A writer publishing tops whose fields all derive from one counter: a reader never sees a mix. */
    @Test
    @Timeout(30)
    void aReaderNeverSeesATornTop() throws Exception
    {
        final TopOfBookTable table = new TopOfBookTable(1);
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<String> torn = new AtomicReference<>();
        final AtomicLong consistentReads = new AtomicLong();
        final Thread reader = new Thread(() ->
        {
            final TopOfBook top = new TopOfBook();
            while (!stop.get())
            {
                if (table.read(0, top))
                {
                    final long n = top.bidPrice();
                    if (top.bidQty() != n * 2 || top.askPrice() != n + 1 || top.askQty() != n * 3 ||
                        top.venueTimeMs() != n + 7)
                    {
                        torn.compareAndSet(null, top.toString());
                    }
                    consistentReads.incrementAndGet();
                }
            }
        });
        reader.start();
        for (long n = 1; n <= 2_000_000 || consistentReads.get() < 1_000; n++)
        {
            table.publish(0, n, n * 2, n + 1, n * 3, n + 7, n);
        }
        stop.set(true);
        reader.join();
        assertThat(torn.get()).isNull();
        assertThat(consistentReads.get()).isGreaterThanOrEqualTo(1_000);
    }
}
