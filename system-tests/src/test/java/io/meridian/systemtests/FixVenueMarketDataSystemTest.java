package io.meridian.systemtests;

import io.meridian.admin.InstrumentSettings;
import io.meridian.oms.api.DepthSnapshot;
import io.meridian.oms.api.TopOfBook;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.fix.QuoteLadder;
import io.meridian.simulators.fix.VenueBook;
import io.meridian.simulators.fix.VenueControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static io.meridian.systemtests.Orders.decimal;
import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.nextClOrdId;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * FIX venue market data end to end: the venue simulator quotes BTC-USDT and ETH-USDT with its seeded market
 * maker; Meridian (SIMVENUE with market-data, instruments BTC-USDT@SIMVENUE and ETH-USDT@SIMVENUE, which the
 * venue knows as BTC-USDT and ETH-USDT) subscribes after logon, and its DepthTable and TopOfBookTable hold
 * exactly the venue's top 20 levels through maker steps and a client's BUY filled at the venue; a lost
 * session puts them out of sync.
 */
@Timeout(90)
class FixVenueMarketDataSystemTest
{
    private static final String BTC = "BTC-USDT@SIMVENUE";
    private static final String ETH = "ETH-USDT@SIMVENUE";
    private static final int PRICE_SCALE = 2;
    private static final int QTY_SCALE = 8;

    private FixVenueSimulator venue;
    private MeridianTestServer meridian;
    private TestFixClient client;

    @TempDir
    Path dir;

    /** A venue the test owns and steps, or null for the one embedded in Meridian. */
    private void start(final FixVenueSimulator ownVenue) throws Exception
    {
        venue = ownVenue;
        final MeridianTestServer server = new MeridianTestServer(dir.resolve("meridian"),
                ownVenue == null ? MeridianTestServer.freePort() : ownVenue.port())
            .fixVenueMarketData(List.of(
                new InstrumentSettings(BTC, "SIMVENUE", PRICE_SCALE, QTY_SCALE, new BigDecimal("60000.00"),
                    new BigDecimal("50"), new BigDecimal("5000000"), 500),
                new InstrumentSettings(ETH, "SIMVENUE", PRICE_SCALE, QTY_SCALE, new BigDecimal("3000.00"),
                    new BigDecimal("500"), new BigDecimal("5000000"), 500)));
        meridian = (ownVenue == null ? server.embeddedSimulator() : server).start().awaitVenueConnected();
        client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client")).start()
            .awaitLogon();
    }

    private VenueControl control()
    {
        return venue != null ? venue.control() : meridian.server().simulator().control();
    }

    @AfterEach
    void stop()
    {
        if (client != null)
        {
            client.close();
        }
        if (meridian != null)
        {
            meridian.close();
        }
        if (venue != null)
        {
            venue.close();
        }
    }

    @Test
    void meridiansBooksFollowTheVenueAndABuyFillsAgainstIt() throws Exception
    {
        start(new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks()
            .quoteLadders(QuoteLadder.cryptoStandard()).marketMaker(0, 0, 5).build()).start());
        awaitSameBook(BTC, "BTC-USDT");
        awaitSameBook(ETH, "ETH-USDT");
        assertThat(depth(BTC).bids()).as("the ladder's 10 levels a side").isEqualTo(10);

        for (int step = 0; step < 5; step++)
        {
            control().stepMarketMaker();
            awaitSameBook(BTC, "BTC-USDT");
            awaitSameBook(ETH, "ETH-USDT");
        }

        final VenueBook before = control().book("BTC-USDT");
        final BigDecimal bestAsk = before.asks().get(0).price();
        final BigDecimal secondAsk = before.asks().get(1).price();
        final String id = nextClOrdId("mdbuy");
        client.send(limit(id, BUY, "0.7", BTC, secondAsk.toPlainString(), TimeInForce.IMMEDIATE_OR_CANCEL));
        final Message filled = client.await("filled", m -> report(id, 'F').test(m) && "2".equals(field(m, 39)));
        assertThat(decimal(filled, 14)).isEqualByComparingTo("0.7");
        assertThat(control().clientOrders()).anySatisfy(order ->
        {
            assertThat(order.symbol()).as("the venue's own symbol").isEqualTo("BTC-USDT");
            assertThat(order.cumQty()).isEqualByComparingTo("0.7");
        });

        final VenueBook after = control().book("BTC-USDT");
        assertThat(after.asks().get(0).price()).as("the best offer was taken").isEqualByComparingTo(secondAsk);
        assertThat(after.asks().get(0).qty()).isEqualByComparingTo("0.3");
        assertThat(bestAsk).isLessThan(secondAsk);
        awaitSameBook(BTC, "BTC-USDT");
        final TopOfBook top = new TopOfBook();
        assertThat(meridian.server().topOfBook().read(id(BTC), top)).isTrue();
        assertThat(top.askPrice()).isEqualTo(scaled(secondAsk, PRICE_SCALE));
        assertThat(top.askQty()).isEqualTo(scaled(new BigDecimal("0.3"), QTY_SCALE));

        // the session is lost: both books are out of sync until the next snapshot
        venue.close();
        awaitTrue("books out of sync after the venue went away", () ->
            !meridian.server().depthBooks().read(id(BTC), new DepthSnapshot(20)) &&
            !meridian.server().topOfBook().read(id(ETH), new TopOfBook()));
    }

    @Test
    void theEmbeddedVenueQuotesBothPairsWithItsMakerAndMeridianFollowsIt() throws Exception
    {
        start(null);
        // the embedded maker requotes every second, walking the pairs' mids: Meridian catches up each time
        final BigDecimal firstBid = control().book("BTC-USDT").bids().get(0).price();
        awaitSameBook(BTC, "BTC-USDT");
        awaitSameBook(ETH, "ETH-USDT");
        assertThat(firstBid).isBetween(new BigDecimal("59000"), new BigDecimal("61000"));
        assertThat(control().book("ETH-USDT").asks().get(0).price()).isBetween(new BigDecimal("2950"), new BigDecimal("3050"));

        final String id = nextClOrdId("embedded");
        final BigDecimal limitPrice = control().book("BTC-USDT").asks().get(0).price().add(new BigDecimal("20"));
        client.send(limit(id, BUY, "0.25", BTC, limitPrice.toPlainString(), TimeInForce.IMMEDIATE_OR_CANCEL));
        final Message filled = client.await("filled", m -> report(id, 'F').test(m) && "2".equals(field(m, 39)));
        assertThat(decimal(filled, 14)).isEqualByComparingTo("0.25");
        awaitSameBook(BTC, "BTC-USDT");
    }

    /** Meridian's depth and top of book equal the venue's book (the embedded maker may move it meanwhile: retried). */
    private void awaitSameBook(final String instrument, final String venueSymbol) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
        List<String> expected = List.of();
        List<String> actual = List.of();
        while (System.nanoTime() < deadline)
        {
            final VenueBook book = control().book(venueSymbol);
            expected = describe(book);
            expected.add("top " + scaled(book.bids().get(0).price(), PRICE_SCALE) + "@" +
                scaled(book.bids().get(0).qty(), QTY_SCALE) + " " + scaled(book.asks().get(0).price(), PRICE_SCALE) + "@" +
                scaled(book.asks().get(0).qty(), QTY_SCALE));
            final DepthSnapshot snapshot = new DepthSnapshot(20);
            final TopOfBook top = new TopOfBook();
            if (meridian.server().depthBooks().read(id(instrument), snapshot) &&
                meridian.server().topOfBook().read(id(instrument), top))
            {
                actual = describe(snapshot);
                actual.add("top " + top.bidPrice() + "@" + top.bidQty() + " " + top.askPrice() + "@" + top.askQty());
                if (actual.equals(expected))
                {
                    return;
                }
            }
            Thread.sleep(10);
        }
        assertThat(actual).as(instrument + " in Meridian's depth table and top of book").isEqualTo(expected);
    }

    private DepthSnapshot depth(final String instrument)
    {
        final DepthSnapshot snapshot = new DepthSnapshot(20);
        assertThat(meridian.server().depthBooks().read(id(instrument), snapshot)).isTrue();
        return snapshot;
    }

    private int id(final String instrument)
    {
        return meridian.server().instruments().bySymbol(instrument).id();
    }

    private static List<String> describe(final VenueBook book)
    {
        final List<String> levels = new ArrayList<>();
        book.bids().stream().limit(20).forEach(l ->
            levels.add("B " + scaled(l.price(), PRICE_SCALE) + "@" + scaled(l.qty(), QTY_SCALE)));
        book.asks().stream().limit(20).forEach(l ->
            levels.add("A " + scaled(l.price(), PRICE_SCALE) + "@" + scaled(l.qty(), QTY_SCALE)));
        return levels;
    }

    private static List<String> describe(final DepthSnapshot snapshot)
    {
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

    private static long scaled(final BigDecimal value, final int scale)
    {
        return value.movePointRight(scale).longValueExact();
    }

    private static void awaitTrue(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
