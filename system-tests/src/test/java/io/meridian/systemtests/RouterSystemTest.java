package io.meridian.systemtests;

import io.meridian.admin.InstrumentSettings;
import io.meridian.admin.RouterSettings;
import io.meridian.oms.api.DepthSnapshot;
import io.meridian.oms.api.InstrumentRules;
import io.meridian.simulators.binance.BinanceSimulator;
import io.meridian.simulators.binance.BinanceSimulatorConfig;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.Fill;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.fix.QuoteLadder;
import io.meridian.simulators.okx.OkxSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.meridian.systemtests.Orders.cancel;
import static io.meridian.systemtests.Orders.decimal;
import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.nextClOrdId;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * One client order for BTC-USDT@SOR routed across the Binance and OKX simulators (real sockets, their own
 * books, read from Meridian's depth books): the client sees one order whose fills, each with its venue in
 * LastMkt, add up to its CumQty and to the simulators' own records; and when a venue fails mid-order
 * (OKX in maintenance) the rest goes to the other venue, with no overfill and no child left working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class RouterSystemTest
{
    private static final String ROUTED = "BTC-USDT@SOR";
    private static final String FIX_LEG = "BTC-USDT@SIMVENUE";
    private static final BigDecimal QTY_UNIT = new BigDecimal("100000000");
    private static final BigDecimal PRICE_UNIT = new BigDecimal("100");

    private FixVenueSimulator fixVenue;
    private BinanceSimulator binance;
    private OkxSimulator okx;
    private MeridianTestServer meridian;
    private TestFixClient client;

    @BeforeAll
    void start(@TempDir final Path dir) throws Exception
    {
        // the FIX venue quotes BTC-USDT with the crypto simulators' ladder, its own seed: three books that differ
        fixVenue = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks()
            .quoteLadders(QuoteLadder.cryptoStandard()).marketMaker(0, 0, 41).build()).start();
        binance = BinanceSimulator.start(BinanceSimulatorConfig.defaults(0, 31).withMakerStepMillis(0));
        okx = OkxSimulator.start(OkxSimulator.Config.defaults(0, 37).withMakerStepMs(0));
        final List<InstrumentSettings> instruments = new ArrayList<>(CryptoVenues.instruments(CryptoVenues.BINANCE, ""));
        instruments.addAll(CryptoVenues.instruments(CryptoVenues.OKX, "@OKX"));
        instruments.add(new InstrumentSettings(ROUTED, RouterSettings.DEFAULT_VENUE_NAME, 2, 8,
            new BigDecimal("60000.00"), new BigDecimal("50"), new BigDecimal("50000000"), 1000));
        meridian = new MeridianTestServer(dir.resolve("meridian"), fixVenue.port(),
            List.of(CryptoVenues.binance(binance, 3_000), CryptoVenues.okx(okx, 2, 3_000)), instruments)
            .fixVenueMarketData(List.of(new InstrumentSettings(FIX_LEG, "SIMVENUE", 2, 8, new BigDecimal("60000.00"),
                new BigDecimal("50"), new BigDecimal("5000000"), 1000)))
            .router(new RouterSettings(RouterSettings.DEFAULT_VENUE_NAME,
                Map.of(ROUTED, List.of(FIX_LEG, CryptoVenues.BTC, CryptoVenues.BTC + "@OKX")),
                Map.of(CryptoVenues.BINANCE, new RouterSettings.Fees(BigDecimal.TEN, BigDecimal.TEN),
                    CryptoVenues.OKX, new RouterSettings.Fees(BigDecimal.TEN, new BigDecimal("8")),
                    "SIMVENUE", new RouterSettings.Fees(new BigDecimal("5"), new BigDecimal("2")))))
            .start().awaitCryptoConnected().awaitVenueConnected();
        client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client")).start()
            .awaitLogon();
    }

    @AfterAll
    void stop()
    {
        org.agrona.CloseHelper.closeAll(client, meridian, binance, okx, fixVenue);
    }

    @Test
    @Order(1)
    void aMarketableOrderIsSplitAcrossThreeVenuesAndItsFillsAddUpExactly() throws Exception
    {
        final DepthSnapshot fixBook = awaitBook(FIX_LEG);
        final DepthSnapshot binanceBook = awaitBook(CryptoVenues.BTC);
        final DepthSnapshot okxBook = awaitBook(CryptoVenues.BTC + "@OKX");
        // a limit at the worst of the three best asks: everything at or under it, at every venue, is wanted
        final long limit = Math.max(fixBook.askPrice(0), Math.max(binanceBook.askPrice(0), okxBook.askPrice(0)));
        final long qty = askQtyUpTo(fixBook, limit) + askQtyUpTo(binanceBook, limit) + askQtyUpTo(okxBook, limit);
        final BigDecimal fixBefore = fixVenueFilled();
        final List<Fill> binanceBefore = CryptoVenues.binanceFills(binance, "BTCUSDT");
        final List<Fill> okxBefore = CryptoVenues.okxFills(okx, "BTC-USDT");

        final String id = nextClOrdId("sor");
        client.send(limit(id, BUY, qtyText(qty), ROUTED, priceText(limit), TimeInForce.IMMEDIATE_OR_CANCEL));
        client.await("PendingNew", report(id, 'A'));
        client.await("New", report(id, '0'));

        final Set<String> venues = new HashSet<>();
        BigDecimal cum = BigDecimal.ZERO;
        Message last = null;
        while (last == null || !isDone(last))
        {
            last = client.await("a fill or the end", m -> id.equals(field(m, 11)) && "8".equals(TestFixClient.msgType(m)));
            if ("F".equals(field(last, 150)))
            {
                venues.add(field(last, 30));
                cum = cum.add(decimal(last, 32));
                assertThat(decimal(last, 14)).isEqualByComparingTo(cum);
            }
        }
        assertThat(venues).containsExactlyInAnyOrder("SIMVENUE", CryptoVenues.BINANCE, CryptoVenues.OKX);
        assertThat(cum).isEqualByComparingTo(qtyText(qty));
        assertThat(field(last, 39)).isEqualTo("2");

        // the venues' own records: exactly what the client was told, split between them
        final BigDecimal atBinance = sum(newFills(CryptoVenues.binanceFills(binance, "BTCUSDT"), binanceBefore));
        final BigDecimal atOkx = sum(newFills(CryptoVenues.okxFills(okx, "BTC-USDT"), okxBefore));
        final BigDecimal atFixVenue = fixVenueFilled().subtract(fixBefore);
        assertThat(atFixVenue.signum()).isPositive();
        assertThat(atBinance.signum()).isPositive();
        assertThat(atOkx.signum()).isPositive();
        assertThat(atFixVenue.add(atBinance).add(atOkx)).isEqualByComparingTo(cum);

        // its cost analysis: both venues' shares, the arrival book, a slippage, and the day's summary counts it
        final String orderId = field(last, 37);
        final java.net.http.HttpResponse<String> tca = meridian.send("admin", "GET", "/tca/" + orderId, null, null);
        assertThat(tca.statusCode()).isEqualTo(200);
        assertThat(tca.body()).contains("\"venue\":\"BINANCE\"").contains("\"venue\":\"OKX\"")
            .contains("\"arrivalAsk\":").contains("\"slippageBps\":").contains("\"ackLatencyMicros\":");
        final java.net.http.HttpResponse<String> daily = meridian.send("admin", "GET", "/tca", null, null);
        assertThat(daily.statusCode()).isEqualTo(200);
        assertThat(daily.body()).contains("\"orders\":").doesNotContain("\"orders\":0,");
        assertThat(meridian.send("admin", "GET", "/tca/NO-SUCH-ORDER", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aVenueFailingMidOrderLosesTheRestToTheOtherWithNoOverfill() throws Exception
    {
        // everything within the limit at all three venues: OKX's share is needed, and it refuses it
        final DepthSnapshot fixBook = awaitBook(FIX_LEG);
        final DepthSnapshot binanceBook = awaitBook(CryptoVenues.BTC);
        final DepthSnapshot okxBook = awaitBook(CryptoVenues.BTC + "@OKX");
        final long limit = Math.max(fixBook.askPrice(0), Math.max(binanceBook.askPrice(0), okxBook.askPrice(0)));
        final long qty = askQtyUpTo(fixBook, limit) + askQtyUpTo(binanceBook, limit) + askQtyUpTo(okxBook, limit);
        final List<Fill> binanceBefore = CryptoVenues.binanceFills(binance, "BTCUSDT");
        final List<Fill> okxBefore = CryptoVenues.okxFills(okx, "BTC-USDT");
        final BigDecimal fixBefore = fixVenueFilled();
        okx.faults().inject(FaultSpec.of(FaultType.MAINTENANCE).forMillis(4_000));

        final String id = nextClOrdId("sor-fail");
        client.send(limit(id, BUY, qtyText(qty), ROUTED, priceText(limit), TimeInForce.DAY));
        client.await("New", report(id, '0'));
        // OKX refuses its child; what it was to take is swept at Binance or rests there at the limit
        await("OKX refused a child", () -> meridian.server().parentRouter().metrics().childRejects() > 0);
        await("nothing left to route", () -> workingAtBinance() > 0 ||
            fixVenue.control().clientOrders().stream().anyMatch(o -> o.isLive()) ||
            sum(newFills(CryptoVenues.binanceFills(binance, "BTCUSDT"), binanceBefore))
                .add(fixVenueFilled().subtract(fixBefore)).compareTo(bigQty(qty)) >= 0);
        client.send(cancel(nextClOrdId("sor-cancel"), id, BUY, ROUTED, qtyText(qty)));

        Message last = null;
        BigDecimal cum = BigDecimal.ZERO;
        while (last == null || !isDone(last))
        {
            last = client.await("a fill or the end", m -> "8".equals(TestFixClient.msgType(m)) &&
                (id.equals(field(m, 11)) || id.equals(field(m, 41))));
            if ("F".equals(field(last, 150)))
            {
                assertThat(field(last, 30)).isIn(CryptoVenues.BINANCE, "SIMVENUE");
                cum = cum.add(decimal(last, 32));
            }
        }
        final BigDecimal atBinance = sum(newFills(CryptoVenues.binanceFills(binance, "BTCUSDT"), binanceBefore));
        assertThat(newFills(CryptoVenues.okxFills(okx, "BTC-USDT"), okxBefore)).isEmpty();
        assertThat(atBinance.add(fixVenueFilled().subtract(fixBefore))).isEqualByComparingTo(cum);
        assertThat(cum).isLessThanOrEqualTo(bigQty(qty));
        assertThat(decimal(last, 14)).isEqualByComparingTo(cum);
        await("no child left working at Binance or the FIX venue", () -> workingAtBinance() == 0 &&
            fixVenue.control().clientOrders().stream().noneMatch(o -> o.isLive()));
        assertThat(meridian.server().parentRouter().openParents()).isZero();
    }

    @Test
    @Order(3)
    void aVenueWithNoRateLimitHeadroomIsSkipped() throws Exception
    {
        // Binance answers 429 with Retry-After 30 s: its bridge backs off, so the router leaves it out and the
        // order fills at OKX and the FIX venue
        okx.faults().clear();
        final DepthSnapshot before = awaitBook(CryptoVenues.BTC);
        binance.faults().inject(FaultSpec.of(FaultType.RATE_LIMIT_BURST).withParam(30).times(1));
        final String direct = nextClOrdId("bn-429");
        client.send(limit(direct, BUY, "0.001", CryptoVenues.BTC, priceText(before.bidPrice(0)), TimeInForce.DAY));
        client.await("the direct order refused by the rate limit", report(direct, '8'));
        await("Binance's bridge backs off", () -> meridian.server().cryptoBridges().stream()
            .filter(b -> b.venueId() == 1).allMatch(b -> b.rateLimitHeadroomPpm(System.currentTimeMillis()) == 0));

        final DepthSnapshot binanceBook = awaitBook(CryptoVenues.BTC);
        final DepthSnapshot okxBook = awaitBook(CryptoVenues.BTC + "@OKX");
        final long limit = Math.max(binanceBook.askPrice(0), okxBook.askPrice(0));
        final long qty = askQtyUpTo(binanceBook, limit) + askQtyUpTo(okxBook, limit);
        final List<Fill> binanceBefore = CryptoVenues.binanceFills(binance, "BTCUSDT");
        final String id = nextClOrdId("sor-429");
        client.send(limit(id, BUY, qtyText(qty), ROUTED, priceText(limit), TimeInForce.IMMEDIATE_OR_CANCEL));
        Message last = null;
        while (last == null || !isDone(last))
        {
            last = client.await("a fill or the end", m -> id.equals(field(m, 11)) && "8".equals(TestFixClient.msgType(m)));
            if ("F".equals(field(last, 150)))
            {
                assertThat(field(last, 30)).isNotEqualTo(CryptoVenues.BINANCE);
            }
        }
        assertThat(decimal(last, 14).signum()).isPositive();
        assertThat(newFills(CryptoVenues.binanceFills(binance, "BTCUSDT"), binanceBefore)).isEmpty();
        binance.faults().clear();
    }

    @Test
    @Order(4)
    void aQuantityOffTheVenuesLotIsRoundedNotRejected() throws Exception
    {
        binance.faults().clear();
        await("Binance's bridge takes orders again", () -> meridian.server().cryptoBridges().stream()
            .filter(b -> b.venueId() == 1).allMatch(b -> b.rateLimitHeadroomPpm(System.currentTimeMillis()) > 0));
        final InstrumentRules binanceRules = new InstrumentRules();
        await("Binance's rules are known", () -> meridian.server().tradingRules().read(
            meridian.server().instruments().bySymbol(CryptoVenues.BTC).id(), binanceRules) && binanceRules.lotSize() > 1);
        final long lot = binanceRules.lotSize();
        final DepthSnapshot binanceBook = awaitBook(CryptoVenues.BTC);
        // Binance first (a preference list), for a quantity that is no multiple of its lot
        final long qty = Math.min(askQtyUpTo(binanceBook, binanceBook.askPrice(0)), 10_000_000L) / lot * lot + lot / 3;
        final long rejectsBefore = meridian.server().parentRouter().metrics().childRejects();
        final List<Fill> binanceBefore = CryptoVenues.binanceFills(binance, "BTCUSDT");
        final String id = nextClOrdId("sor-lot");
        final quickfix.fix44.NewOrderSingle order =
            limit(id, BUY, qtyText(qty), ROUTED, priceText(binanceBook.askPrice(0)), TimeInForce.IMMEDIATE_OR_CANCEL);
        order.setInt(20100, 3);
        order.setString(20101, "BINANCE OKX");
        client.send(order);
        Message last = null;
        while (last == null || !isDone(last))
        {
            last = client.await("a fill or the end", m -> id.equals(field(m, 11)) && "8".equals(TestFixClient.msgType(m)));
        }
        final BigDecimal atBinance = sum(newFills(CryptoVenues.binanceFills(binance, "BTCUSDT"), binanceBefore));
        assertThat(atBinance.signum()).isPositive();
        assertThat(atBinance.remainder(bigQty(lot)).signum()).as("whole lots at Binance").isZero();
        assertThat(meridian.server().parentRouter().metrics().childRejects()).as("no venue refused a child")
            .isEqualTo(rejectsBefore);
        assertThat(decimal(last, 14)).isLessThanOrEqualTo(bigQty(qty));
    }

    // ------------------------------------------------------------------------------------ helpers

    /** What the FIX venue simulator filled of Meridian's orders, all symbols. */
    private BigDecimal fixVenueFilled()
    {
        return fixVenue.control().clientOrders().stream().map(o -> o.cumQty()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private long workingAtBinance()
    {
        return binance.onExchange(exchange -> exchange.openOrders("trader1", "BTCUSDT")).size();
    }

    private static boolean isDone(final Message report)
    {
        final String status = field(report, 39);
        return "2".equals(status) || "4".equals(status) || "8".equals(status) || "C".equals(status);
    }

    private DepthSnapshot awaitBook(final String symbol) throws InterruptedException
    {
        final int id = meridian.server().instruments().bySymbol(symbol).id();
        final DepthSnapshot book = new DepthSnapshot(20);
        await(symbol + " depth in Meridian", () -> meridian.server().depthBooks().read(id, book) && book.asks() > 0);
        return book;
    }

    private static long askQtyUpTo(final DepthSnapshot book, final long limit)
    {
        long qty = 0;
        for (int i = 0; i < book.asks() && book.askPrice(i) <= limit; i++)
        {
            qty += book.askQty(i);
        }
        return qty;
    }

    private static List<Fill> newFills(final List<Fill> now, final List<Fill> before)
    {
        final List<Fill> fills = new ArrayList<>(now);
        fills.removeAll(before);
        return fills;
    }

    private static BigDecimal sum(final List<Fill> fills)
    {
        BigDecimal sum = BigDecimal.ZERO;
        for (final Fill fill : fills)
        {
            sum = sum.add(Amounts.toDecimal(fill.qty()));
        }
        return sum;
    }

    private static BigDecimal bigQty(final long qty)
    {
        return new BigDecimal(qty).divide(QTY_UNIT);
    }

    private static String qtyText(final long qty)
    {
        return bigQty(qty).toPlainString();
    }

    private static String priceText(final long price)
    {
        return new BigDecimal(price).divide(PRICE_UNIT).toPlainString();
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(20);
        }
    }
}
