package io.meridian.venues.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import io.meridian.oms.api.TopOfBook;
import io.meridian.oms.api.TopOfBookTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.meridian.venues.crypto.BinanceDepthSync.Result.APPLIED;
import static io.meridian.venues.crypto.BinanceDepthSync.Result.BUFFERED;
import static io.meridian.venues.crypto.BinanceDepthSync.Result.GAP;
import static io.meridian.venues.crypto.BinanceDepthSync.Result.SNAPSHOT_TOO_OLD;
import static io.meridian.venues.crypto.BinanceDepthSync.Result.STALE;
import static io.meridian.venues.crypto.BinanceDepthSync.Result.SYNCED;
import static org.assertj.core.api.Assertions.assertThat;

/** Binance's diff depth sync rules on real messages (parsed as they come off the stream and REST). */
class BinanceDepthSyncTest
{
    private static final int ID = 3;
    private final DepthParser parser = new DepthParser(new JsonFactory());
    private final DepthUpdate message = new DepthUpdate();
    private final TopOfBookTable tops = new TopOfBookTable(5);
    private final TopOfBook top = new TopOfBook();
    private BinanceDepthSync sync;

    @BeforeEach
    void start()
    {
        sync = new BinanceDepthSync(new BookInstrument(ID, "BTC-USDT", "BTCUSDT", 2, 8), tops, null);
        sync.startSync(BookSyncState.SYNCING, 1);
    }

    @Test
    void snapshotIsBridgedByTheBufferedEventsAndStaleOnesAreDropped() throws Exception
    {
        // u <= lastUpdateId: dropped, its level must not show
        assertThat(diff(90, 100, "[[\"59990.00\",\"9.0\"]]", "[]")).isEqualTo(BUFFERED);
        // U <= 104 <= u: the first one applied
        assertThat(diff(101, 105, "[[\"60000.00\",\"1.5\"]]", "[]")).isEqualTo(BUFFERED);
        assertThat(diff(106, 110, "[]", "[[\"60001.00\",\"2\"]]")).isEqualTo(BUFFERED);
        assertThat(tops.read(ID, top)).isFalse();

        assertThat(snapshot(103, "[[\"59999.00\",\"1\"],[\"59998.00\",\"3\"]]", "[[\"60002.00\",\"4\"]]"))
            .isEqualTo(SYNCED);
        assertThat(sync.state).isEqualTo(BookSyncState.SYNCED);
        assertThat(sync.lastUpdateId()).isEqualTo(110);
        assertTop(6_000_000, 150_000_000L, 6_000_100, 200_000_000L);
        assertThat(sync.book.bidLevels()).isEqualTo(3);

        // an event already contained: dropped; the next one in sequence: applied; qty 0 removes
        assertThat(diff(108, 110, "[[\"60000.00\",\"7\"]]", "[]")).isEqualTo(STALE);
        assertThat(diff(111, 111, "[[\"60000.00\",\"0\"]]", "[]")).isEqualTo(APPLIED);
        assertTop(5_999_900, 100_000_000L, 6_000_100, 200_000_000L);
    }

    @Test
    void aGapAfterTheSyncIsReportedAndTheTopIsWithdrawnOnResync() throws Exception
    {
        assertThat(snapshot(50, "[[\"100.00\",\"1\"]]", "[[\"101.00\",\"1\"]]")).isEqualTo(SYNCED);
        assertThat(diff(51, 52, "[[\"100.50\",\"1\"]]", "[]")).isEqualTo(APPLIED);
        assertThat(diff(54, 55, "[[\"100.60\",\"1\"]]", "[]")).isEqualTo(GAP);
        // the level of the event after the gap was not applied
        assertTop(10_050, 100_000_000L, 10_100, 100_000_000L);

        sync.startSync(BookSyncState.RESYNCING, 2);
        assertThat(tops.read(ID, top)).isFalse();
        assertThat(top.inSync()).isFalse();
        assertThat(diff(56, 57, "[[\"100.70\",\"1\"]]", "[]")).isEqualTo(BUFFERED);
        assertThat(snapshot(55, "[[\"100.60\",\"1\"]]", "[[\"101.00\",\"1\"]]")).isEqualTo(SYNCED);
        assertTop(10_070, 100_000_000L, 10_100, 100_000_000L);
    }

    @Test
    void theFirstEventAfterTheSnapshotMustCoverLastUpdateIdPlusOne() throws Exception
    {
        assertThat(snapshot(100, "[[\"100.00\",\"1\"]]", "[]")).isEqualTo(SYNCED);
        // nothing buffered: the first live event must satisfy U <= 101 <= u
        assertThat(diff(103, 104, "[[\"100.10\",\"1\"]]", "[]")).isEqualTo(GAP);
    }

    @Test
    void theFirstLiveEventMayOverlapTheSnapshot() throws Exception
    {
        assertThat(snapshot(100, "[[\"100.00\",\"1\"]]", "[]")).isEqualTo(SYNCED);
        assertThat(diff(95, 103, "[[\"100.10\",\"1\"]]", "[]")).isEqualTo(APPLIED);
        assertThat(diff(104, 104, "[[\"100.20\",\"1\"]]", "[]")).isEqualTo(APPLIED);
        assertThat(diff(106, 106, "[[\"100.30\",\"1\"]]", "[]")).isEqualTo(GAP);
    }

    @Test
    void aSnapshotOlderThanTheBufferedEventsIsRefusedAndTheEventsKept() throws Exception
    {
        assertThat(diff(200, 205, "[[\"100.00\",\"1\"]]", "[]")).isEqualTo(BUFFERED);
        assertThat(diff(206, 210, "[[\"100.10\",\"2\"]]", "[]")).isEqualTo(BUFFERED);
        assertThat(snapshot(150, "[[\"99.00\",\"1\"]]", "[]")).isEqualTo(SNAPSHOT_TOO_OLD);
        assertThat(tops.read(ID, top)).isFalse();
        assertThat(sync.buffered()).isEqualTo(2);
        assertThat(snapshot(207, "[[\"99.00\",\"1\"],[\"100.00\",\"1\"]]", "[]")).isEqualTo(SYNCED);
        assertTop(10_010, 200_000_000L, 0, 0);
        assertThat(sync.lastUpdateId()).isEqualTo(210);
    }

    @Test
    void aGapInsideTheBufferedEventsIsAGap() throws Exception
    {
        assertThat(diff(101, 105, "[]", "[]")).isEqualTo(BUFFERED);
        assertThat(diff(107, 110, "[]", "[]")).isEqualTo(BUFFERED);
        assertThat(snapshot(103, "[[\"1.00\",\"1\"]]", "[]")).isEqualTo(GAP);
        assertThat(tops.read(ID, top)).isFalse();
    }

    @Test
    void aPriceFinerThanTheInstrumentScaleIsUnusable() throws Exception
    {
        assertThat(snapshot(1, "[[\"100.001\",\"1\"]]", "[]")).isEqualTo(BinanceDepthSync.Result.UNUSABLE);
        assertThat(tops.read(ID, top)).isFalse();
    }

    private BinanceDepthSync.Result diff(final long first, final long last, final String bids, final String asks)
        throws Exception
    {
        parser.binance("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1700000000000," +
            "\"s\":\"BTCUSDT\",\"U\":" + first + ",\"u\":" + last + ",\"b\":" + bids + ",\"a\":" + asks + "}}", message);
        assertThat(message.kind).isEqualTo(DepthUpdate.Kind.UPDATE);
        assertThat(sync.is(message.symbol)).isTrue();
        return sync.onDiff(message, 10);
    }

    private BinanceDepthSync.Result snapshot(final long lastUpdateId, final String bids, final String asks)
        throws Exception
    {
        parser.binance("{\"lastUpdateId\":" + lastUpdateId + ",\"bids\":" + bids + ",\"asks\":" + asks + "}", message);
        assertThat(message.kind).isEqualTo(DepthUpdate.Kind.SNAPSHOT);
        return sync.onSnapshot(message, 10);
    }

    private void assertTop(final long bidPrice, final long bidQty, final long askPrice, final long askQty)
    {
        assertThat(tops.read(ID, top)).isTrue();
        assertThat(top.inSync()).isTrue();
        assertThat(top.bidPrice()).isEqualTo(bidPrice);
        assertThat(top.bidQty()).isEqualTo(bidQty);
        assertThat(top.askPrice()).isEqualTo(askPrice);
        assertThat(top.askQty()).isEqualTo(askQty);
    }
}
