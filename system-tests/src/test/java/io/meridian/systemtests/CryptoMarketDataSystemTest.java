package io.meridian.systemtests;

import io.meridian.admin.InstrumentSettings;
import io.meridian.oms.api.TopOfBook;
import io.meridian.simulators.binance.BinanceSimulator;
import io.meridian.simulators.binance.BinanceSimulatorConfig;
import io.meridian.simulators.exchange.BookTop;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.okx.OkxSimulator;
import io.meridian.venues.crypto.CryptoVenueBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crypto market data end to end: Meridian keeps local books from the Binance and OKX simulators' public
 * depth streams (real sockets, free ports). With DEPTH_GAP (both venues) and BAD_CHECKSUM (OKX) injected
 * by seed, the bridge detects the fault, counts it, resyncs, and its published top of book equals the
 * simulator's own book top afterwards, and keeps following it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class CryptoMarketDataSystemTest
{
    private static final long SEED = 23;
    /** simulator amounts have 8 decimals; our BTC-USDT prices have 2 */
    private static final long PRICE_DIVISOR = 1_000_000;

    private FixVenueSimulator fixVenue;
    private BinanceSimulator binance;
    private OkxSimulator okx;
    private MeridianTestServer meridian;
    private final TopOfBook top = new TopOfBook();

    @BeforeAll
    void start(@TempDir final Path dir) throws Exception
    {
        fixVenue = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build())
            .start();
        binance = BinanceSimulator.start(BinanceSimulatorConfig.defaults(0, SEED).withMakerStepMillis(0));
        okx = OkxSimulator.start(OkxSimulator.Config.defaults(0, SEED).withMakerStepMs(0));
        final List<InstrumentSettings> instruments = new ArrayList<>(CryptoVenues.instruments(CryptoVenues.BINANCE, ""));
        instruments.addAll(CryptoVenues.instruments(CryptoVenues.OKX, "@OKX"));
        meridian = new MeridianTestServer(dir.resolve("meridian"), fixVenue.port(),
            List.of(CryptoVenues.binance(binance, 1_500), CryptoVenues.okx(okx, 2, 1_500)), instruments)
            .start().awaitCryptoConnected();
        awaitSynced(CryptoVenues.BINANCE, "BTCUSDT");
        awaitSynced(CryptoVenues.OKX, "BTC-USDT");
    }

    @AfterEach
    void clearFaults()
    {
        binance.faults().clear();
        okx.faults().clear();
    }

    @AfterAll
    void stop()
    {
        org.agrona.CloseHelper.closeAll(meridian, binance, okx, fixVenue);
    }

    @Test
    void booksAreSyncedAndShownByTheAdminApi() throws Exception
    {
        awaitTopEqualsBinance();
        awaitTopEqualsOkx();
        assertThat(bridge(CryptoVenues.BINANCE).status().bookSync()).isEqualTo("BTCUSDT=synced,ETHUSDT=synced");
        assertThat(bridge(CryptoVenues.OKX).status().bookSync()).isEqualTo("BTC-USDT=synced,ETH-USDT=synced");
        final HttpResponse<String> sessions = meridian.send("admin", "GET", "/sessions", null, null);
        assertThat(sessions.statusCode()).isEqualTo(200);
        assertThat(sessions.body()).contains("BTCUSDT=synced").contains("BTC-USDT=synced");
        final HttpResponse<String> prometheus = meridian.send("admin", "GET", "/prometheus", null, null);
        assertThat(prometheus.body()).contains("meridian_crypto_book_updates").contains("meridian_crypto_books_synced")
            .contains("meridian_crypto_checksum_failures");
    }

    @Test
    void binanceDepthGapIsDetectedAndTheBookResynced() throws Exception
    {
        final CryptoVenueBridge bridge = bridge(CryptoVenues.BINANCE);
        awaitTopEqualsBinance();
        final long gaps = bridge.metrics().bookGaps();
        final long resyncs = bridge.metrics().resyncs();
        final long snapshots = bridge.metrics().snapshots();
        binance.faults().inject(FaultSpec.of(FaultType.DEPTH_GAP).onSymbol("BTCUSDT").times(1));
        awaitWhileStepping("the Binance bridge saw the gap", () -> bridge.metrics().bookGaps() > gaps, this::stepBinance);
        assertThat(binance.faults().firings()).anyMatch(f -> f.spec().type() == FaultType.DEPTH_GAP);
        await("resynced from a new snapshot", () -> bridge.metrics().resyncs() > resyncs &&
            bridge.metrics().snapshots() > snapshots && bridge.status().bookSync().contains("BTCUSDT=synced"));
        awaitTopEqualsBinance();
        // and it follows the venue again
        for (int i = 0; i < 5; i++)
        {
            stepBinance();
        }
        awaitTopEqualsBinance();
        assertThat(bridge.metrics().bookGaps()).isEqualTo(gaps + 1);
    }

    @Test
    void okxDepthGapIsDetectedAndTheBookResubscribed() throws Exception
    {
        final CryptoVenueBridge bridge = bridge(CryptoVenues.OKX);
        awaitTopEqualsOkx();
        final long gaps = bridge.metrics().bookGaps();
        final long resyncs = bridge.metrics().resyncs();
        okx.faults().inject(FaultSpec.of(FaultType.DEPTH_GAP).onSymbol("BTC-USDT").times(1));
        awaitWhileStepping("the OKX bridge saw the gap", () -> bridge.metrics().bookGaps() > gaps, () -> okx.stepMarket(1));
        assertThat(okx.faults().firings()).anyMatch(f -> f.spec().type() == FaultType.DEPTH_GAP);
        await("resubscribed", () -> bridge.metrics().resyncs() > resyncs &&
            bridge.status().bookSync().contains("BTC-USDT=synced"));
        awaitTopEqualsOkx();
        okx.stepMarket(5);
        awaitTopEqualsOkx();
    }

    @Test
    void okxBadChecksumIsDetectedAndTheBookResubscribed() throws Exception
    {
        final CryptoVenueBridge bridge = bridge(CryptoVenues.OKX);
        awaitTopEqualsOkx();
        final long failures = bridge.metrics().checksumFailures();
        final long resyncs = bridge.metrics().resyncs();
        okx.faults().inject(FaultSpec.of(FaultType.BAD_CHECKSUM).onSymbol("BTC-USDT").times(1));
        awaitWhileStepping("the OKX bridge saw the bad checksum", () -> bridge.metrics().checksumFailures() > failures,
            () -> okx.stepMarket(1));
        assertThat(okx.faults().firings()).anyMatch(f -> f.spec().type() == FaultType.BAD_CHECKSUM);
        await("resubscribed", () -> bridge.metrics().resyncs() > resyncs &&
            bridge.status().bookSync().contains("BTC-USDT=synced"));
        awaitTopEqualsOkx();
        okx.stepMarket(5);
        awaitTopEqualsOkx();
        assertThat(bridge.metrics().checksumFailures()).isEqualTo(failures + 1);
    }

    @Test
    void aVenueDownWithdrawsTheTopUntilTheBookIsRebuilt() throws Exception
    {
        awaitTopEqualsBinance();
        final int id = instrumentId(CryptoVenues.BTC);
        binance.faults().inject(FaultSpec.of(FaultType.VENUE_DOWN).forMillis(3_000));
        await("the top is out of sync", () -> !meridian.server().topOfBook().read(id, top) && !top.inSync());
        assertThat(bridge(CryptoVenues.BINANCE).status().bookSync()).doesNotContain("BTCUSDT=synced");
        awaitSynced(CryptoVenues.BINANCE, "BTCUSDT");
        awaitTopEqualsBinance();
        meridian.awaitCryptoConnected();
    }

    private void stepBinance()
    {
        binance.stepMarketMaker();
        binance.flushDepthStreams();
    }

    private void awaitTopEqualsBinance() throws InterruptedException
    {
        final int id = instrumentId(CryptoVenues.BTC);
        await("Meridian's BTC-USDT top equals the Binance simulator's", () ->
            equalsTop(id, binance.onExchange(exchange -> exchange.bookTop("BTCUSDT").orElseThrow())));
    }

    private void awaitTopEqualsOkx() throws InterruptedException
    {
        final int id = instrumentId(CryptoVenues.BTC + "@OKX");
        await("Meridian's BTC-USDT@OKX top equals the OKX simulator's", () ->
            equalsTop(id, okx.onExchange(exchange -> exchange.bookTop("BTC-USDT").orElseThrow())));
    }

    private boolean equalsTop(final int instrumentId, final BookTop venue)
    {
        return meridian.server().topOfBook().read(instrumentId, top) && top.inSync() &&
            top.bidPrice() * PRICE_DIVISOR == venue.bidPrice() && top.bidQty() == venue.bidQty() &&
            top.askPrice() * PRICE_DIVISOR == venue.askPrice() && top.askQty() == venue.askQty();
    }

    private int instrumentId(final String symbol)
    {
        return meridian.server().instruments().bySymbol(symbol).id();
    }

    private CryptoVenueBridge bridge(final String name)
    {
        return meridian.server().cryptoBridges().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    private void awaitSynced(final String venue, final String venueSymbol) throws InterruptedException
    {
        await(venue + " " + venueSymbol + " synced", () -> bridge(venue).status().bookSync().contains(venueSymbol + "=synced"));
    }

    /** Moves the venue's market until the condition holds (each step changes the book, the fault fires on one). */
    private static void awaitWhileStepping(final String what, final BooleanSupplier condition, final Runnable step)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting until " + what);
            }
            step.run();
            Thread.sleep(50);
        }
    }

    private void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting until " + what + "; top " + top + ", binance " +
                    bridge(CryptoVenues.BINANCE).status().bookSync() + ", okx " + bridge(CryptoVenues.OKX).status().bookSync());
            }
            Thread.sleep(20);
        }
    }
}
