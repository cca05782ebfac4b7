package io.meridian.systemtests;

import io.meridian.simulators.binance.BinanceSimulator;
import io.meridian.simulators.binance.BinanceSimulatorConfig;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.Fill;
import io.meridian.simulators.exchange.OrderView;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.meridian.systemtests.CryptoVenues.BTC;
import static io.meridian.systemtests.Orders.cancel;
import static io.meridian.systemtests.Orders.decimal;
import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.nextClOrdId;
import static io.meridian.systemtests.Orders.replace;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * FIX client -> Meridian -> Binance spot simulator over its WebSocket API and back: new orders that
 * fill (with LastMkt naming the venue), rest, cancel and replace; filter and venue rejects with the
 * venue's code and message in Text; fills equal to the simulator's own record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
class BinanceBridgeSystemTest
{
    private FixVenueSimulator fixVenue;
    private BinanceSimulator binance;
    private MeridianTestServer meridian;
    private TestFixClient client;

    @BeforeAll
    void start(@TempDir final Path dir) throws Exception
    {
        fixVenue = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build())
            .start();
        binance = BinanceSimulator.start(BinanceSimulatorConfig.defaults(0, 7).withMakerStepMillis(0));
        meridian = new MeridianTestServer(dir.resolve("meridian"), fixVenue.port(),
            List.of(CryptoVenues.binance(binance, 3_000)), CryptoVenues.instruments(CryptoVenues.BINANCE, ""))
            .start().awaitCryptoConnected();
        client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client")).start()
            .awaitLogon();
    }

    @AfterAll
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
        if (binance != null)
        {
            binance.close();
        }
        if (fixVenue != null)
        {
            fixVenue.close();
        }
    }

    @Test
    void marketableLimitFillsWithLastMktAndTheVenuesFills() throws Exception
    {
        final List<Fill> before = CryptoVenues.binanceFills(binance, "BTCUSDT");
        final String id = nextClOrdId("bn-fill");
        client.send(limit(id, BUY, "0.01", BTC, "60100", TimeInForce.GOOD_TILL_CANCEL));

        client.await("PendingNew", report(id, 'A'));
        client.await("New", report(id, '0'));
        final List<Message> trades = new ArrayList<>();
        BigDecimal cum = BigDecimal.ZERO;
        while (cum.compareTo(new BigDecimal("0.01")) < 0)
        {
            final Message trade = client.await("Trade", report(id, 'F'));
            assertThat(field(trade, 30)).isEqualTo("BINANCE");
            cum = cum.add(decimal(trade, 32));
            assertThat(decimal(trade, 14)).isEqualByComparingTo(cum);
            trades.add(trade);
        }
        assertThat(field(trades.get(trades.size() - 1), 39)).isEqualTo("2");

        // the client's fills are the venue's fills for this order, one for one
        final List<Fill> venueFills = new ArrayList<>(CryptoVenues.binanceFills(binance, "BTCUSDT"));
        venueFills.removeAll(before);
        assertThat(venueFills).hasSize(trades.size());
        for (int i = 0; i < trades.size(); i++)
        {
            assertThat(decimal(trades.get(i), 32)).isEqualByComparingTo(Amounts.toDecimal(venueFills.get(i).qty()));
            assertThat(decimal(trades.get(i), 31)).isEqualByComparingTo(Amounts.toDecimal(venueFills.get(i).price()));
        }
        assertThat(client.drain(300)).noneMatch(m -> id.equals(field(m, 11)));
    }

    @Test
    void restingOrderIsReplacedThenCanceledAtTheVenue() throws Exception
    {
        final String id = nextClOrdId("bn-rest");
        client.send(limit(id, BUY, "0.002", BTC, "55000", TimeInForce.GOOD_TILL_CANCEL));
        client.await("New", report(id, '0'));
        assertThat(openOrders()).anyMatch(o -> o.price() == Amounts.of("55000") && o.origQty() == Amounts.of("0.002"));

        final String replaceId = nextClOrdId("bn-repl");
        client.send(replace(replaceId, id, BUY, BTC, "0.003", "55100", Orders.NO_TIF));
        final Message replaced = client.await("Replaced", report(replaceId, '5'));
        assertThat(decimal(replaced, 38)).isEqualByComparingTo("0.003");
        assertThat(openOrders()).anyMatch(o -> o.price() == Amounts.of("55100") && o.origQty() == Amounts.of("0.003"))
            .noneMatch(o -> o.price() == Amounts.of("55000"));

        final String cancelId = nextClOrdId("bn-cxl");
        client.send(cancel(cancelId, replaceId, BUY, BTC, "0.003"));
        client.await("Canceled", report(cancelId, '4'));
        assertThat(openOrders()).noneMatch(o -> o.price() == Amounts.of("55100"));
    }

    @Test
    void filterRejectBeforeSendingAndVenueRejectWithCodeInText() throws Exception
    {
        final String tooSmall = nextClOrdId("bn-lot");
        client.send(limit(tooSmall, BUY, "0.000001", BTC, "60000", TimeInForce.GOOD_TILL_CANCEL));
        final Message lot = client.await("Rejected", report(tooSmall, '8'));
        assertThat(field(lot, 58)).contains("LOT_SIZE");

        final String offTick = nextClOrdId("bn-tick");
        client.send(limit(offTick, BUY, "0.01", BTC, "59999.999", TimeInForce.GOOD_TILL_CANCEL));
        client.await("Rejected", report(offTick, '8'));

        // 40 BTC at 59000 needs 2.36M USDT: trader1 has 100000
        final String poor = nextClOrdId("bn-funds");
        client.send(limit(poor, BUY, "40", BTC, "59000", TimeInForce.GOOD_TILL_CANCEL));
        final Message rejected = client.await("Rejected", report(poor, '8'));
        assertThat(field(rejected, 58)).startsWith("BINANCE -2010");
    }

    private List<OrderView> openOrders()
    {
        return binance.onExchange(exchange -> exchange.openOrders("trader1", "BTCUSDT"));
    }
}
