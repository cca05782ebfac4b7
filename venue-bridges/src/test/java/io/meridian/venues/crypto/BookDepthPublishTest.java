package io.meridian.venues.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import io.meridian.oms.api.DepthSnapshot;
import io.meridian.oms.api.DepthTable;
import io.meridian.oms.api.TopOfBook;
import io.meridian.oms.api.TopOfBookTable;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the crypto books publish for the router: after a snapshot and every diff or update, the
 * {@link DepthTable} holds the book's top 20 levels a side, best first, in the instrument's scales, equal to
 * a plain sorted-map model of the venue's book built from the same messages; the top of book agrees with
 * level 0; and a lost sync withdraws the depth until the next snapshot. Messages are random (seeded) and go
 * through the real parser.
 */
class BookDepthPublishTest
{
    private static final int LEVELS = 20;
    private static final int ID = 2;
    /** prices in cents: bids at or below 60000.00, asks from 60000.50, 0.50 apart */
    private static final long BEST_BID = 6_000_000;
    private static final long BEST_ASK = 6_000_050;
    private static final long STEP = 50;
    private static final int PRICE_SLOTS = 60;

    private final DepthParser parser = new DepthParser(new JsonFactory());
    private final DepthUpdate message = new DepthUpdate();
    private final TopOfBookTable tops = new TopOfBookTable(4);
    private final DepthTable depth = new DepthTable(4, LEVELS);
    private final DepthSnapshot read = new DepthSnapshot(LEVELS);
    private final TopOfBook top = new TopOfBook();
    private final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<Long, Long> asks = new TreeMap<>();
    private final Random random = new Random(42);

    @Test
    void binanceDepthFollowsTheBookThroughSnapshotDiffsAndResync() throws Exception
    {
        final BinanceDepthSync sync = new BinanceDepthSync(new BookInstrument(ID, "BTC-USDT", "BTCUSDT", 2, 8), tops,
            depth);
        sync.startSync(BookSyncState.SYNCING, 1);
        // buffered while the snapshot is fetched: one the snapshot contains, one that bridges it
        final String containedBids = levels(true, 3, 0);
        final String bridgingAsks = levels(false, 3, 0);
        assertThat(sync.onDiff(binanceDiff(95, 100, containedBids, "[]", 1_000), 2))
            .isEqualTo(BinanceDepthSync.Result.BUFFERED);
        assertThat(sync.onDiff(binanceDiff(101, 105, "[]", bridgingAsks, 1_001), 2))
            .isEqualTo(BinanceDepthSync.Result.BUFFERED);
        assertThat(depth.read(ID, read)).isFalse();

        final String snapshotBids = levels(true, 40, 1);
        final String snapshotAsks = levels(false, 40, 1);
        // the snapshot replaces the model, then the bridging event applies on top
        bids.clear();
        asks.clear();
        apply(true, snapshotBids);
        apply(false, snapshotAsks);
        apply(false, bridgingAsks);
        parser.binance("{\"lastUpdateId\":102,\"bids\":" + snapshotBids + ",\"asks\":" + snapshotAsks + "}", message);
        assertThat(sync.onSnapshot(message, 3)).isEqualTo(BinanceDepthSync.Result.SYNCED);
        assertDepthEqualsModel(1_001, 3);

        long lastId = 105;
        for (int step = 0; step < 3_000; step++)
        {
            final String[] change = randomChange(step);
            final long venueTimeMs = 2_000 + step;
            final long first = lastId + 1;
            lastId += 1 + random.nextInt(3);
            assertThat(sync.onDiff(binanceDiff(first, lastId, change[0], change[1], venueTimeMs), 10 + step))
                .as("diff %d", step).isEqualTo(BinanceDepthSync.Result.APPLIED);
            assertDepthEqualsModel(venueTimeMs, 10 + step);
        }

        // a gap: the feed resyncs (BinanceMarketData.resync), the depth is withdrawn at once
        assertThat(sync.onDiff(binanceDiff(lastId + 2, lastId + 3, levels(true, 1, 0), "[]", 9_000), 9_000))
            .isEqualTo(BinanceDepthSync.Result.GAP);
        sync.startSync(BookSyncState.RESYNCING, 9_001);
        assertThat(depth.read(ID, read)).isFalse();
        assertThat(read.updatedMs()).isEqualTo(9_001);
        assertThat(tops.read(ID, top)).isFalse();
        assertThat(sync.onDiff(binanceDiff(lastId + 4, lastId + 5, "[]", "[]", 9_002), 9_002))
            .isEqualTo(BinanceDepthSync.Result.BUFFERED);
        assertThat(depth.read(ID, read)).isFalse();

        bids.clear();
        asks.clear();
        final String againBids = levels(true, 12, 1);
        final String againAsks = levels(false, 30, 1);
        apply(true, againBids);
        apply(false, againAsks);
        // the event buffered since the gap bridges the new snapshot
        parser.binance("{\"lastUpdateId\":" + (lastId + 4) + ",\"bids\":" + againBids + ",\"asks\":" + againAsks + "}",
            message);
        assertThat(sync.onSnapshot(message, 9_003)).isEqualTo(BinanceDepthSync.Result.SYNCED);
        assertDepthEqualsModel(9_002, 9_003);
        assertThat(read.bids()).isEqualTo(bids.size()).isLessThan(LEVELS);

        // the stream drops: withdrawn again
        sync.startSync(BookSyncState.DISCONNECTED, 9_004);
        assertThat(depth.read(ID, read)).isFalse();
    }

    @Test
    void okxDepthFollowsTheBookThroughSnapshotUpdatesAndResubscribe() throws Exception
    {
        final OkxBookSync sync = new OkxBookSync(new BookInstrument(ID, "BTC-USDT@OKX", "BTC-USDT", 2, 8), tops, depth,
            new OkxBookChecksum());
        final String snapshotBids = levels(true, 40, 1);
        final String snapshotAsks = levels(false, 40, 1);
        bids.clear();
        asks.clear();
        apply(true, snapshotBids);
        apply(false, snapshotAsks);
        assertThat(sync.onSnapshot(okxPush("snapshot", -1, 10, snapshotBids, snapshotAsks, 1_000), 2))
            .isEqualTo(OkxBookSync.Result.SYNCED);
        assertDepthEqualsModel(1_000, 2);

        long seqId = 10;
        for (int step = 0; step < 3_000; step++)
        {
            final String[] change = randomChange(step);
            final long next = seqId + 1 + random.nextInt(3);
            final long venueTimeMs = 2_000 + step;
            assertThat(sync.onUpdate(okxPush("update", seqId, next, change[0], change[1], venueTimeMs), 10 + step))
                .as("update %d", step).isEqualTo(OkxBookSync.Result.APPLIED);
            seqId = next;
            assertDepthEqualsModel(venueTimeMs, 10 + step);
        }

        // a gap: the feed resubscribes (OkxMarketData.failed), the depth is withdrawn until the snapshot
        assertThat(sync.onUpdate(okxPush("update", seqId + 1, seqId + 2, levels(true, 1, 0), "[]", 9_000), 9_000))
            .isEqualTo(OkxBookSync.Result.GAP);
        sync.lostSync(BookSyncState.RESYNCING, 9_001);
        assertThat(depth.read(ID, read)).isFalse();
        assertThat(tops.read(ID, top)).isFalse();
        assertThat(sync.onUpdate(okxPush("update", seqId, seqId + 1, "[]", "[]", 9_002), 9_002))
            .isEqualTo(OkxBookSync.Result.IGNORED);
        assertThat(depth.read(ID, read)).isFalse();

        bids.clear();
        asks.clear();
        final String againBids = levels(true, 25, 1);
        final String againAsks = levels(false, 5, 1);
        apply(true, againBids);
        apply(false, againAsks);
        assertThat(sync.onSnapshot(okxPush("snapshot", -1, 500, againBids, againAsks, 9_003), 9_004))
            .isEqualTo(OkxBookSync.Result.SYNCED);
        assertDepthEqualsModel(9_003, 9_004);
        assertThat(read.asks()).isEqualTo(asks.size()).isLessThan(LEVELS);
    }

    /**
     * Publishing the depth with every update allocates nothing on the market-data thread once warm: under
     * one byte per update over 20,000 (an array or boxed value per update would be 16+ bytes each).
     */
    @Test
    void publishingTheDepthAllocatesNothingPerUpdate() throws Exception
    {
        final BinanceDepthSync sync = new BinanceDepthSync(new BookInstrument(ID, "BTC-USDT", "BTCUSDT", 2, 8), tops,
            depth);
        sync.startSync(BookSyncState.SYNCING, 1);
        parser.binance("{\"lastUpdateId\":10,\"bids\":" + levels(true, 40, 1) + ",\"asks\":" + levels(false, 40, 1) +
            "}", message);
        assertThat(sync.onSnapshot(message, 2)).isEqualTo(BinanceDepthSync.Result.SYNCED);
        final DepthUpdate add = binanceDiff(0, 0, "[[\"59999.75\",\"1.5\"]]", "[[\"60000.25\",\"2\"]]", 3);
        final DepthUpdate remove = binanceDiff(0, 0, "[[\"59999.75\",\"0\"]]", "[[\"60000.25\",\"0\"]]", 4);
        final DepthUpdate[] updates = {add, remove};
        long id = 11;
        for (int i = 0; i < 20_000; i++)
        {
            id = applyNext(sync, updates[i & 1], id);
        }
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        final int count = 20_000;
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < count; i++)
        {
            id = applyNext(sync, updates[i & 1], id);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(depth.read(ID, read)).isTrue();
        assertThat(read.bids()).isEqualTo(LEVELS);
        assertThat(allocated).as("bytes allocated over %d updates", count).isLessThan(count);
    }

    private static long applyNext(final BinanceDepthSync sync, final DepthUpdate update, final long id)
    {
        update.firstId = id;
        update.lastId = id;
        if (sync.onDiff(update, id) != BinanceDepthSync.Result.APPLIED)
        {
            throw new AssertionError("not applied at " + id);
        }
        return id + 1;
    }

    /** One to five level changes, mostly near the top; for a while mostly removals so the book thins out. */
    private String[] randomChange(final int step)
    {
        final boolean thinning = step >= 1_000 && step < 1_400;
        final StringBuilder b = new StringBuilder("[");
        final StringBuilder a = new StringBuilder("[");
        for (int n = 1 + random.nextInt(5); n > 0; n--)
        {
            final boolean bid = random.nextBoolean();
            final long price = bid ? BEST_BID - random.nextInt(PRICE_SLOTS) * STEP :
                BEST_ASK + random.nextInt(PRICE_SLOTS) * STEP;
            final boolean remove = random.nextInt(100) < (thinning ? 90 : 33);
            final long qty = remove ? 0 : qty();
            final StringBuilder side = bid ? b : a;
            side.append(side.length() == 1 ? "" : ",").append(level(price, qty));
            (bid ? bids : asks).remove(price);
            if (qty > 0)
            {
                (bid ? bids : asks).put(price, qty);
            }
        }
        return new String[]{b.append(']').toString(), a.append(']').toString()};
    }

    /** {@code count} random levels of a side as JSON, {@code minSlot} or more slots from the best (the model unchanged). */
    private String levels(final boolean bid, final int count, final int minSlot)
    {
        final StringBuilder s = new StringBuilder("[");
        final java.util.Set<Long> prices = new java.util.TreeSet<>();
        while (prices.size() < count)
        {
            final long slot = minSlot + random.nextInt(PRICE_SLOTS - minSlot);
            prices.add(bid ? BEST_BID - slot * STEP : BEST_ASK + slot * STEP);
        }
        for (final long price : prices)
        {
            s.append(s.length() == 1 ? "" : ",").append(level(price, qty()));
        }
        return s.append(']').toString();
    }

    private long qty()
    {
        return (1 + random.nextInt(300_000)) * 1_000L;
    }

    /** As the venues print it: 2 price decimals, the quantity with 8 (trailing zeros and all). */
    private static String level(final long priceCents, final long qty)
    {
        return "[\"" + Decimals.format(priceCents, 2) + "\",\"" + java.math.BigDecimal.valueOf(qty, 8).toPlainString() +
            "\"]";
    }

    /** Applies a JSON side to the model, as the venue defines it (quantity 0 removes). */
    private void apply(final boolean bid, final String json) throws Exception
    {
        final Map<Long, Long> side = bid ? bids : asks;
        for (final com.fasterxml.jackson.databind.JsonNode level :
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(json))
        {
            final long price = new java.math.BigDecimal(level.get(0).asText()).movePointRight(2).longValueExact();
            final long qty = new java.math.BigDecimal(level.get(1).asText()).movePointRight(8).longValueExact();
            side.remove(price);
            if (qty > 0)
            {
                side.put(price, qty);
            }
        }
    }

    private DepthUpdate binanceDiff(
        final long first, final long last, final String bidsJson, final String asksJson, final long venueTimeMs)
        throws Exception
    {
        final DepthUpdate update = new DepthUpdate();
        parser.binance("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":" + venueTimeMs +
            ",\"s\":\"BTCUSDT\",\"U\":" + first + ",\"u\":" + last + ",\"b\":" + bidsJson + ",\"a\":" + asksJson + "}}",
            update);
        assertThat(update.kind).isEqualTo(DepthUpdate.Kind.UPDATE);
        return update;
    }

    private DepthUpdate okxPush(
        final String action, final long prevSeqId, final long seqId, final String bidsJson, final String asksJson,
        final long venueTimeMs) throws Exception
    {
        parser.okx("{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"" + action +
            "\",\"data\":[{\"asks\":" + okxLevels(asksJson) + ",\"bids\":" + okxLevels(bidsJson) + ",\"ts\":\"" +
            venueTimeMs + "\",\"prevSeqId\":" + prevSeqId + ",\"seqId\":" + seqId + "}]}", message);
        return message;
    }

    /** OKX levels carry two more fields (deprecated, order count). */
    private static String okxLevels(final String json)
    {
        return json.replace("\"]", "\",\"0\",\"1\"]");
    }

    private void assertDepthEqualsModel(final long venueTimeMs, final long nowMs)
    {
        assertThat(depth.read(ID, read)).isTrue();
        assertSide("bids", bids, read.bids(), true);
        assertSide("asks", asks, read.asks(), false);
        assertThat(read.venueTimeMs()).isEqualTo(venueTimeMs);
        assertThat(read.updatedMs()).isEqualTo(nowMs);
        assertThat(tops.read(ID, top)).isTrue();
        assertThat(top.bidPrice()).isEqualTo(read.bids() > 0 ? read.bidPrice(0) : 0);
        assertThat(top.bidQty()).isEqualTo(read.bids() > 0 ? read.bidQty(0) : 0);
        assertThat(top.askPrice()).isEqualTo(read.asks() > 0 ? read.askPrice(0) : 0);
        assertThat(top.askQty()).isEqualTo(read.asks() > 0 ? read.askQty(0) : 0);
    }

    private void assertSide(final String name, final NavigableMap<Long, Long> model, final int count, final boolean bid)
    {
        assertThat(count).as(name).isEqualTo(Math.min(LEVELS, model.size()));
        int i = 0;
        for (final Map.Entry<Long, Long> level : model.entrySet())
        {
            if (i == count)
            {
                break;
            }
            final long price = bid ? read.bidPrice(i) : read.askPrice(i);
            final long qty = bid ? read.bidQty(i) : read.askQty(i);
            assertThat(price).as("%s level %d price", name, i).isEqualTo(level.getKey());
            assertThat(qty).as("%s level %d qty", name, i).isEqualTo(level.getValue());
            i++;
        }
    }
}
