package io.meridian.systemtests;

import io.meridian.admin.InstrumentSettings;
import io.meridian.oms.api.DepthSnapshot;
import io.meridian.oms.api.TopOfBook;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.fix.QuoteLadder;
import io.meridian.simulators.fix.VenueBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    @BeforeEach
    void start(@TempDir final Path dir) throws Exception
    {
        venue = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks()
            .quoteLadders(QuoteLadder.cryptoStandard()).marketMaker(0, 0, 5).build()).start();
        meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port())
            .fixVenueMarketData(List.of(
                new InstrumentSettings(BTC, "SIMVENUE", PRICE_SCALE, QTY_SCALE, new BigDecimal("60000.00"),
                    new BigDecimal("50"), new BigDecimal("5000000"), 500),
                new InstrumentSettings(ETH, "SIMVENUE", PRICE_SCALE, QTY_SCALE, new BigDecimal("3000.00"),
                    new BigDecimal("500"), new BigDecimal("5000000"), 500)))
            .start().awaitVenueConnected();
        client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client")).start()
            .awaitLogon();
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
        awaitSameBook(BTC, "BTC-USDT");
        awaitSameBook(ETH, "ETH-USDT");
        assertThat(depth(BTC).bids()).as("the ladder's 10 levels a side").isEqualTo(10);

        for (int step = 0; step < 5; step++)
        {
            venue.control().stepMarketMaker();
            awaitSameBook(BTC, "BTC-USDT");
            awaitSameBook(ETH, "ETH-USDT");
        }

        final VenueBook before = venue.control().book("BTC-USDT");
        final BigDecimal bestAsk = before.asks().get(0).price();
        final BigDecimal secondAsk = before.asks().get(1).price();
        final String id = nextClOrdId("mdbuy");
        client.send(limit(id, BUY, "0.7", BTC, secondAsk.toPlainString(), TimeInForce.IMMEDIATE_OR_CANCEL));
        final Message filled = client.await("filled", m -> report(id, 'F').test(m) && "2".equals(field(m, 39)));
        assertThat(decimal(filled, 14)).isEqualByComparingTo("0.7");
        assertThat(venue.control().clientOrders()).anySatisfy(order ->
        {
            assertThat(order.symbol()).as("the venue's own symbol").isEqualTo("BTC-USDT");
            assertThat(order.cumQty()).isEqualByComparingTo("0.7");
        });

        final VenueBook after = venue.control().book("BTC-USDT");
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

    private void awaitSameBook(final String instrument, final String venueSymbol) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
        List<String> expected = List.of();
        List<String> actual = List.of();
        while (System.nanoTime() < deadline)
        {
            expected = describe(venue.control().book(venueSymbol));
            final DepthSnapshot snapshot = new DepthSnapshot(20);
            if (meridian.server().depthBooks().read(id(instrument), snapshot))
            {
                actual = describe(snapshot);
                if (actual.equals(expected))
                {
                    final TopOfBook top = new TopOfBook();
                    assertThat(meridian.server().topOfBook().read(id(instrument), top)).isTrue();
                    assertThat(top.bidPrice()).isEqualTo(snapshot.bidPrice(0));
                    assertThat(top.askPrice()).isEqualTo(snapshot.askPrice(0));
                    assertThat(top.bidQty()).isEqualTo(snapshot.bidQty(0));
                    assertThat(top.askQty()).isEqualTo(snapshot.askQty(0));
                    return;
                }
            }
            Thread.sleep(10);
        }
        assertThat(actual).as(instrument + " in Meridian's depth table").isEqualTo(expected);
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
