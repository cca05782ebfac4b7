package io.meridian.venues.fix;

import io.meridian.fix.codecs.builder.MarketDataRequestEncoder;
import io.meridian.oms.api.DepthSnapshot;
import io.meridian.oms.api.DepthTable;
import io.meridian.oms.api.TopOfBook;
import io.meridian.oms.api.TopOfBookTable;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A FIX venue's book from its W and X messages (as FIX bytes), on the test thread as on the bridge's:
 * what it subscribes, the levels it keeps in Meridian's scales, what it publishes and when it is out of sync.
 */
class VenueMarketDataTest
{
    private static final int VENUE = 0;
    private static final String HEADER = "34=5|49=VENUE|56=MERIDIAN|52=20261207-14:00:00.123|";

    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        new Instrument(0, "BTC-USDT", 2, 8, 1, 0, Long.MAX_VALUE, Long.MAX_VALUE, 0),
        new Instrument(1, "BTC-USDT@SIMVENUE", 2, 8, VENUE, 0, Long.MAX_VALUE, Long.MAX_VALUE, 0),
        new Instrument(2, "ETH-USDT@SIMVENUE", 2, 8, VENUE, 0, Long.MAX_VALUE, Long.MAX_VALUE, 0)));
    private final TopOfBookTable tops = new TopOfBookTable(3);
    private final DepthTable depths = new DepthTable(3, VenueMarketData.DEPTH);
    private final VenueMarketData marketData =
        new VenueMarketData("SIMVENUE", new VenueSymbols(instruments, VENUE, Map.of()), instruments.size());
    private final List<String> requests = new ArrayList<>();

    @Test
    void subscribesEveryRoutedInstrumentByItsVenueSymbolThenKeepsAndPublishesItsBook()
    {
        marketData.tables(tops, depths);
        assertThat(marketData.subscribe(this::send)).isEqualTo(2);
        assertThat(marketData.subscribed()).isTrue();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).startsWith("MD1 263=1 264=20 265=1").contains("BTC-USDT").doesNotContain("@");
        assertThat(requests.get(1)).startsWith("MD2 ").contains("ETH-USDT");

        apply("35=W|262=MD1|55=BTC-USDT|268=4|269=0|270=59999.5|271=0.5|269=0|270=59999|271=0.5|" +
            "269=1|270=60000.5|271=0.5|269=1|270=60001|271=0.5|");
        assertThat(book(1)).containsExactly("B 5999950@50000000", "B 5999900@50000000",
            "A 6000050@50000000", "A 6000100@50000000");
        final TopOfBook top = new TopOfBook();
        assertThat(tops.read(1, top)).isTrue();
        assertThat(top.askPrice()).isEqualTo(6000050);
        assertThat(top.venueTimeMs()).as("the venue's SendingTime")
            .isEqualTo(java.time.Instant.parse("2026-12-07T14:00:00.123Z").toEpochMilli());

        // change, delete and new in one message, a better bid inserted first, a deeper ask last
        apply("35=X|262=MD1|268=4|279=1|269=1|55=BTC-USDT|270=60000.5|271=0.2|" +
            "279=2|269=0|55=BTC-USDT|270=59999|279=0|269=0|55=BTC-USDT|270=60000|271=1.25|" +
            "279=0|269=1|55=BTC-USDT|270=60002|271=3|");
        assertThat(book(1)).containsExactly("B 6000000@125000000", "B 5999950@50000000",
            "A 6000050@20000000", "A 6000100@50000000", "A 6000200@300000000");
        assertThat(tops.read(1, top)).isTrue();
        assertThat(top.bidPrice()).isEqualTo(6000000);
        assertThat(top.askQty()).isEqualTo(20000000);
        assertThat(depths.read(2, new DepthSnapshot(20))).as("ETH has no snapshot yet").isFalse();
        assertThat(depths.read(0, new DepthSnapshot(20))).as("Binance's BTC-USDT is not this venue's").isFalse();
    }

    @Test
    void aReplayedOrUnknownMessageIsIgnoredAndRejectsAndDisconnectsPutBooksOutOfSync()
    {
        marketData.tables(tops, depths);
        marketData.subscribe(this::send);
        apply("35=X|262=MD1|268=1|279=0|269=0|55=BTC-USDT|270=1|271=1|");
        assertThat(depths.read(1, new DepthSnapshot(20))).as("an update before the snapshot is not applied").isFalse();
        apply("35=W|262=MD1|55=BTC-USDT|268=1|269=1|270=60000.5|271=0.5|");
        apply("35=W|262=MD2|55=ETH-USDT|268=1|269=0|270=2999.9|271=5|");
        assertThat(book(1)).containsExactly("A 6000050@50000000");

        final MutableAsciiBuffer replay = buffer("35=X|262=MD1|268=1|279=2|269=1|55=BTC-USDT|270=60000.5|", "43=Y|");
        marketData.onIncremental(replay, 0, replay.capacity(), 1_000);
        assertThat(book(1)).as("a resend of an earlier session's update").containsExactly("A 6000050@50000000");

        final MutableAsciiBuffer reject = buffer("35=Y|262=MD2|281=0|58=unknown symbol|", "");
        marketData.onReject(reject, 0, reject.capacity(), 2_000);
        assertThat(depths.read(2, new DepthSnapshot(20))).isFalse();
        assertThat(tops.read(2, new TopOfBook())).isFalse();
        assertThat(depths.read(1, new DepthSnapshot(20))).as("the other book stays").isTrue();

        marketData.onDisconnect(3_000);
        assertThat(depths.read(1, new DepthSnapshot(20))).isFalse();
        assertThat(tops.read(1, new TopOfBook())).isFalse();
        assertThat(marketData.subscribed()).as("asked again after the next logon").isFalse();
        requests.clear();
        assertThat(marketData.subscribe(this::send)).isEqualTo(2);
    }

    @Test
    void aSessionRefusingTheRequestLeavesItToTheNextDutyCycle()
    {
        marketData.tables(tops, depths);
        assertThat(marketData.subscribe(encoder -> -1)).isZero();
        assertThat(marketData.subscribed()).isFalse();
        assertThat(marketData.subscribe(this::send)).isEqualTo(2);
    }

    private int send(final Encoder encoder)
    {
        final MarketDataRequestEncoder request = (MarketDataRequestEncoder)encoder;
        requests.add(request.mDReqIDAsString() + " 263=" + request.subscriptionRequestType() + " 264=" +
            request.marketDepth() + " 265=" + request.mDUpdateType() + " " + request);
        return requests.size();
    }

    private void apply(final String body)
    {
        final MutableAsciiBuffer buffer = buffer(body, "");
        if (body.startsWith("35=W"))
        {
            marketData.onSnapshot(buffer, 0, buffer.capacity(), 1_000);
        }
        else
        {
            marketData.onIncremental(buffer, 0, buffer.capacity(), 1_000);
        }
    }

    /** A venue message: {@code body} starts with its MsgType; {@code extraHeader} such as PossDupFlag. */
    private static MutableAsciiBuffer buffer(final String body, final String extraHeader)
    {
        final int msgTypeEnd = body.indexOf('|') + 1;
        final String fix = "8=FIX.4.4|9=100|" + body.substring(0, msgTypeEnd) + HEADER + extraHeader +
            body.substring(msgTypeEnd) + "10=000|";
        return new MutableAsciiBuffer(fix.replace('|', '\u0001').getBytes(StandardCharsets.US_ASCII));
    }

    private List<String> book(final int instrumentId)
    {
        final DepthSnapshot snapshot = new DepthSnapshot(20);
        assertThat(depths.read(instrumentId, snapshot)).isTrue();
        final List<String> levels = new ArrayList<>();
        for (int i = 0; i < snapshot.bids(); i++)
        {
            levels.add("B " + snapshot.bidPrice(i) + "@" + snapshot.bidQty(i));
        }
        for (int i = 0; i < snapshot.asks(); i++)
        {
            levels.add("A " + snapshot.askPrice(i) + "@" + snapshot.askQty(i));
        }
        return levels;
    }
}
