package io.meridian.venues.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import io.meridian.oms.api.TopOfBook;
import io.meridian.oms.api.TopOfBookTable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OKX books checksum on OKX's documented examples (the strings and the two published values,
 * {@code -1881014294} and {@code 831078360}), and the books sync rules on parsed pushes.
 */
class OkxBookSyncTest
{
    private final DepthParser parser = new DepthParser(new JsonFactory());
    private final DepthUpdate push = new DepthUpdate();
    private final OkxBookChecksum checksum = new OkxBookChecksum();
    private final TopOfBookTable tops = new TopOfBookTable(2);
    private final TopOfBook top = new TopOfBook();
    private final OkxBookSync sync = new OkxBookSync(new BookInstrument(1, "BTC-USDT@OKX", "BTC-USDT", 2, 8), tops,
        null, checksum);

    @Test
    void knownAnswerBothSidesInterleaved() throws Exception
    {
        final LocalOrderBook book = book("[[\"3366.1\",\"7\",\"0\",\"3\"],[\"3366\",\"6\",\"3\",\"4\"]]",
            "[[\"3366.8\",\"9\",\"10\",\"3\"],[\"3368\",\"8\",\"3\",\"4\"]]");
        assertThat(checksum.checksum(book, 2, 8)).isEqualTo(-1881014294);
        assertThat(checksum.lastText()).isEqualTo("3366.1:7:3366.8:9:3366:6:3368:8");
    }

    @Test
    void knownAnswerTheLongerSideContinuesAlone() throws Exception
    {
        final LocalOrderBook book = book("[[\"3366.1\",\"7\",\"0\",\"3\"]]",
            "[[\"3366.8\",\"9\",\"10\",\"3\"],[\"3368\",\"8\",\"3\",\"4\"],[\"3372\",\"8\",\"3\",\"4\"]]");
        assertThat(checksum.checksum(book, 2, 8)).isEqualTo(831078360);
        assertThat(checksum.lastText()).isEqualTo("3366.1:7:3366.8:9:3368:8:3372:8");
    }

    @Test
    void stringsAsSentTrailingZerosKeptAndOnlyTheTop25Levels() throws Exception
    {
        final StringBuilder bids = new StringBuilder("[");
        final StringBuilder asks = new StringBuilder("[");
        final StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 30; i++)
        {
            bids.append(i == 0 ? "" : ",").append("[\"").append(1000 - i).append(".50\",\"0.01000\",\"0\",\"1\"]");
            asks.append(i == 0 ? "" : ",").append("[\"").append(1001 + i).append(".10\",\"2\",\"0\",\"1\"]");
            if (i < 25)
            {
                expected.append(i == 0 ? "" : ":").append(1000 - i).append(".50:0.01000:").append(1001 + i)
                    .append(".10:2");
            }
        }
        final LocalOrderBook book = book(bids.append(']').toString(), asks.append(']').toString());
        final int value = checksum.checksum(book, 2, 8);
        assertThat(checksum.lastText()).isEqualTo(expected.toString());
        final CRC32 crc = new CRC32();
        crc.update(expected.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(value).isEqualTo((int)crc.getValue());
    }

    @Test
    void snapshotThenChainedUpdatesVerifiedByChecksum() throws Exception
    {
        assertThat(push("snapshot", -1, 10, "[[\"100.00\",\"1.0\",\"0\",\"1\"]]", "[[\"101.00\",\"2.0\",\"0\",\"1\"]]",
            null)).isEqualTo(OkxBookSync.Result.SYNCED);
        assertThat(tops.read(1, top)).isTrue();
        assertThat(top.bidPrice()).isEqualTo(10_000);
        assertThat(top.askQty()).isEqualTo(200_000_000L);
        assertThat(push("update", 10, 11, "[[\"100.50\",\"3.0\",\"0\",\"1\"]]", "[]", null))
            .isEqualTo(OkxBookSync.Result.APPLIED);
        assertThat(tops.read(1, top)).isTrue();
        assertThat(top.bidPrice()).isEqualTo(10_050);
        // a heartbeat-like push: seqId equals prevSeqId, nothing changed
        assertThat(push("update", 11, 11, "[]", "[]", null)).isEqualTo(OkxBookSync.Result.APPLIED);
        assertThat(push("update", 11, 12, "[[\"100.50\",\"0\",\"0\",\"0\"]]", "[]", null))
            .isEqualTo(OkxBookSync.Result.APPLIED);
        assertThat(tops.read(1, top)).isTrue();
        assertThat(top.bidPrice()).isEqualTo(10_000);
    }

    @Test
    void aGapOrAWrongChecksumIsReportedAndUpdatesAreIgnoredUntilTheNextSnapshot() throws Exception
    {
        assertThat(push("snapshot", -1, 10, "[[\"100.00\",\"1\",\"0\",\"1\"]]", "[]", null))
            .isEqualTo(OkxBookSync.Result.SYNCED);
        assertThat(push("update", 11, 12, "[[\"100.10\",\"1\",\"0\",\"1\"]]", "[]", null))
            .isEqualTo(OkxBookSync.Result.GAP);
        assertThat(push("update", 10, 11, "[[\"100.10\",\"1\",\"0\",\"1\"]]", "[]", 12345))
            .isEqualTo(OkxBookSync.Result.CHECKSUM_MISMATCH);
        sync.lostSync(BookSyncState.RESYNCING, 5);
        assertThat(tops.read(1, top)).isFalse();
        assertThat(push("update", 11, 12, "[]", "[]", null)).isEqualTo(OkxBookSync.Result.IGNORED);
        assertThat(push("snapshot", -1, 20, "[[\"99.00\",\"1\",\"0\",\"1\"]]", "[]", null))
            .isEqualTo(OkxBookSync.Result.SYNCED);
        assertThat(tops.read(1, top)).isTrue();
        assertThat(top.bidPrice()).isEqualTo(9_900);
    }

    /** A push as OKX sends it; the checksum is the right one unless {@code wrongChecksum} is given. */
    private OkxBookSync.Result push(
        final String action, final long prevSeqId, final long seqId, final String bids, final String asks,
        final Integer wrongChecksum) throws Exception
    {
        int value = 0;
        if (wrongChecksum == null)
        {
            // the checksum of the book as it will be after this push, from an independent copy
            final LocalOrderBook after = copyAfter(action, bids, asks);
            value = checksum.checksum(after, 2, 8);
        }
        else
        {
            value = wrongChecksum;
        }
        parser.okx("{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"" + action +
            "\",\"data\":[{\"asks\":" + asks + ",\"bids\":" + bids + ",\"ts\":\"1700000000000\",\"checksum\":" + value +
            ",\"prevSeqId\":" + prevSeqId + ",\"seqId\":" + seqId + "}]}", push);
        return "snapshot".equals(action) ? sync.onSnapshot(push, 1) : sync.onUpdate(push, 1);
    }

    private final LocalOrderBook mirror = new LocalOrderBook(4);

    private LocalOrderBook copyAfter(final String action, final String bids, final String asks) throws Exception
    {
        if ("snapshot".equals(action))
        {
            mirror.clear();
        }
        final DepthUpdate levels = new DepthUpdate();
        parser.okx("{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\",\"data\":[{\"asks\":" +
            asks + ",\"bids\":" + bids + "}]}", levels);
        final InstrumentBook apply = new InstrumentBook(new BookInstrument(0, "x", "x", 2, 8), null, null);
        for (int i = 0; i < mirror.bidLevels(); i++)
        {
            apply.book.bid(mirror.bidPrice(i), mirror.bidQty(i), mirror.bidPriceDigits(i), mirror.bidQtyDigits(i));
        }
        for (int i = 0; i < mirror.askLevels(); i++)
        {
            apply.book.ask(mirror.askPrice(i), mirror.askQty(i), mirror.askPriceDigits(i), mirror.askQtyDigits(i));
        }
        assertThat(apply.apply(levels)).isTrue();
        mirror.clear();
        for (int i = 0; i < apply.book.bidLevels(); i++)
        {
            mirror.bid(apply.book.bidPrice(i), apply.book.bidQty(i), apply.book.bidPriceDigits(i),
                apply.book.bidQtyDigits(i));
        }
        for (int i = 0; i < apply.book.askLevels(); i++)
        {
            mirror.ask(apply.book.askPrice(i), apply.book.askQty(i), apply.book.askPriceDigits(i),
                apply.book.askQtyDigits(i));
        }
        return mirror;
    }

    private LocalOrderBook book(final String bids, final String asks) throws Exception
    {
        parser.okx("{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"snapshot\",\"data\":[{\"asks\":" +
            asks + ",\"bids\":" + bids + ",\"checksum\":0,\"prevSeqId\":-1,\"seqId\":1}]}", push);
        assertThat(push.kind).isEqualTo(DepthUpdate.Kind.SNAPSHOT);
        final InstrumentBook book = new InstrumentBook(new BookInstrument(0, "BTC-USDT", "BTC-USDT", 2, 8), null, null);
        assertThat(book.apply(push)).isTrue();
        return book.book;
    }
}
