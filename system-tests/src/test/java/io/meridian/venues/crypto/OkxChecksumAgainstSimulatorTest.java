package io.meridian.venues.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import io.meridian.oms.api.DepthSnapshot;
import io.meridian.oms.api.DepthTable;
import io.meridian.oms.api.TopOfBook;
import io.meridian.oms.api.TopOfBookTable;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.okx.OkxBookFeed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge's OKX book and checksum against the simulator's own books feed and checksum code
 * ({@code OkxBookFeed}, {@code io.meridian.simulators.okx.OkxBookChecksum}): random snapshot and
 * updates, every push verified, the bridge's checksum equal to the feed's, the top and the published top 20
 * levels equal to the feed's.
 */
class OkxChecksumAgainstSimulatorTest
{
    @Test
    void everyPushOfTheSimulatorsFeedVerifiesAndTheBooksAgree() throws Exception
    {
        final Random random = new Random(5);
        // the simulator prints BTC-USDT with tick 0.01 and lot 0.00001 decimals
        final OkxBookFeed feed = new OkxBookFeed("BTC-USDT", p -> Amounts.format(p, 2), q -> Amounts.format(q, 5), 100);
        final List<OkxBookFeed.Level> bids = new ArrayList<>();
        final List<OkxBookFeed.Level> asks = new ArrayList<>();
        for (int i = 0; i < 40; i++)
        {
            bids.add(new OkxBookFeed.Level(Amounts.of("60000") - i * Amounts.of("0.5"), qty(random), 1));
            asks.add(new OkxBookFeed.Level(Amounts.of("60000.5") + i * Amounts.of("0.5"), qty(random), 1));
        }
        feed.reset(bids, asks, 100);
        final TopOfBookTable tops = new TopOfBookTable(1);
        final OkxBookChecksum checksum = new OkxBookChecksum();
        final DepthTable depth = new DepthTable(1, 20);
        final OkxBookSync sync = new OkxBookSync(new BookInstrument(0, "BTC-USDT@OKX", "BTC-USDT", 2, 8), tops, depth,
            checksum);
        final DepthParser parser = new DepthParser(new JsonFactory());
        final DepthUpdate push = new DepthUpdate();

        parser.okx(feed.snapshot(1).toString(), push);
        assertThat(sync.onSnapshot(push, 1)).isEqualTo(OkxBookSync.Result.SYNCED);
        long seq = 100;
        for (int step = 0; step < 2_000; step++)
        {
            final List<OkxBookFeed.Level> bidChanges = new ArrayList<>();
            final List<OkxBookFeed.Level> askChanges = new ArrayList<>();
            for (int n = random.nextInt(4); n >= 0; n--)
            {
                final long offset = random.nextInt(60) * Amounts.of("0.5");
                final long qty = random.nextInt(3) == 0 ? 0 : qty(random);
                if (random.nextBoolean())
                {
                    bidChanges.add(new OkxBookFeed.Level(Amounts.of("60000") - offset, qty, 1));
                }
                else
                {
                    askChanges.add(new OkxBookFeed.Level(Amounts.of("60000.5") + offset, qty, 1));
                }
            }
            seq += 1 + random.nextInt(3);
            parser.okx(feed.update(bidChanges, askChanges, seq, 2).toString(), push);
            assertThat(push.checksum).isEqualTo(feed.checksum());
            assertThat(sync.onUpdate(push, 2)).as("push %d", step).isEqualTo(OkxBookSync.Result.APPLIED);
            assertThat(checksum.checksum(sync.book, 2, 8)).isEqualTo(feed.checksum());
            assertDepthEqualsFeed(depth, feed);
        }
        final TopOfBook top = new TopOfBook();
        assertThat(tops.read(0, top)).isTrue();
        assertThat(top.bidPrice() * 1_000_000).isEqualTo(feed.topBids(1).get(0).price());
        assertThat(top.bidQty()).isEqualTo(feed.topBids(1).get(0).qty());
        assertThat(top.askPrice() * 1_000_000).isEqualTo(feed.topAsks(1).get(0).price());
        assertThat(top.askQty()).isEqualTo(feed.topAsks(1).get(0).qty());

        // and a corrupted checksum from the simulator is caught
        feed.corruptNextChecksums(1);
        parser.okx(feed.update(List.of(new OkxBookFeed.Level(Amounts.of("59000"), Amounts.of("1"), 1)), List.of(),
            seq + 1, 3).toString(), push);
        assertThat(sync.onUpdate(push, 3)).isEqualTo(OkxBookSync.Result.CHECKSUM_MISMATCH);
    }

    private static void assertDepthEqualsFeed(final DepthTable depth, final OkxBookFeed feed)
    {
        final DepthSnapshot levels = new DepthSnapshot(20);
        assertThat(depth.read(0, levels)).isTrue();
        final List<OkxBookFeed.Level> bids = feed.topBids(20);
        final List<OkxBookFeed.Level> asks = feed.topAsks(20);
        assertThat(levels.bids()).isEqualTo(bids.size());
        assertThat(levels.asks()).isEqualTo(asks.size());
        for (int i = 0; i < bids.size(); i++)
        {
            assertThat(levels.bidPrice(i) * 1_000_000).isEqualTo(bids.get(i).price());
            assertThat(levels.bidQty(i)).isEqualTo(bids.get(i).qty());
        }
        for (int i = 0; i < asks.size(); i++)
        {
            assertThat(levels.askPrice(i) * 1_000_000).isEqualTo(asks.get(i).price());
            assertThat(levels.askQty(i)).isEqualTo(asks.get(i).qty());
        }
    }

    private static long qty(final Random random)
    {
        return (1 + random.nextInt(500_000)) * 1_000L;
    }
}
