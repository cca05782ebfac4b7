package io.meridian.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.admin.InstrumentSettings;
import io.meridian.oms.api.DepthSnapshot;
import io.meridian.oms.api.InstrumentRules;
import io.meridian.simulators.binance.BinanceSimulator;
import io.meridian.simulators.binance.BinanceSimulatorConfig;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.NewOrder;
import io.meridian.simulators.exchange.SimulatedExchange;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.matching.Side;
import io.meridian.simulators.matching.TimeInForce;
import io.meridian.simulators.okx.OkxSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the router will read, end to end: Meridian's {@code DepthTable} for BTC-USDT (Binance) and BTC-USDT@OKX
 * equals the simulators' own REST depth ({@code GET /api/v3/depth}, {@code GET /api/v5/market/books}), top 20
 * levels a side, as the books move (books made deeper than 20 levels with resting orders), and is withdrawn
 * while a venue is down; its {@code TradingRules} equal the simulators' exchangeInfo filters and OKX instrument
 * sizes converted to the instruments' scales, and a FIX venue instrument has the rules configured for it.
 * Real sockets, free ports; the simulators' market makers move only when a test steps them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class CryptoDepthAndRulesSystemTest
{
    private static final long SEED = 29;
    private static final int LEVELS = 20;
    /** an instrument on the FIX venue, with configured rules */
    private static final String FIX_INSTRUMENT = "ETH-USD";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final DepthSnapshot depth = new DepthSnapshot(LEVELS);
    private FixVenueSimulator fixVenue;
    private BinanceSimulator binance;
    private OkxSimulator okx;
    private MeridianTestServer meridian;
    private String lastDifference = "";

    @BeforeAll
    void start(@TempDir final Path dir) throws Exception
    {
        fixVenue = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build())
            .start();
        binance = BinanceSimulator.start(BinanceSimulatorConfig.defaults(0, SEED).withMakerStepMillis(0));
        okx = OkxSimulator.start(OkxSimulator.Config.defaults(0, SEED).withMakerStepMs(0));
        final List<InstrumentSettings> instruments = new ArrayList<>(CryptoVenues.instruments(CryptoVenues.BINANCE, ""));
        instruments.addAll(CryptoVenues.instruments(CryptoVenues.OKX, "@OKX"));
        instruments.add(new InstrumentSettings(FIX_INSTRUMENT, "SIMVENUE", 2, 8, new BigDecimal("3000.00"),
            new BigDecimal("500"), new BigDecimal("5000000"), 500)
            .withTradingRules(new BigDecimal("0.05"), new BigDecimal("0.0001"), new BigDecimal("0.001"),
                new BigDecimal("10")));
        meridian = new MeridianTestServer(dir.resolve("meridian"), fixVenue.port(),
            List.of(CryptoVenues.binance(binance, 1_500), CryptoVenues.okx(okx, 2, 1_500)), instruments)
            .start().awaitCryptoConnected();
        // deeper than the 20 levels published: resting orders of another account below and above the maker's
        deepen(binance::onExchange, "BTCUSDT");
        deepen(okx::onExchange, "BTC-USDT");
        binance.flushDepthStreams();
    }

    @AfterAll
    void stop()
    {
        org.agrona.CloseHelper.closeAll(meridian, binance, okx, fixVenue);
    }

    @Test
    void binanceDepthEqualsTheSimulatorsRestDepthAsTheBookMoves() throws Exception
    {
        final int id = instrumentId(CryptoVenues.BTC);
        awaitDepthEquals("Binance", id, this::binanceRestDepth);
        assertThat(depth.bids()).isEqualTo(LEVELS);
        assertThat(depth.asks()).isEqualTo(LEVELS);
        int moved = 0;
        for (int step = 0; step < 10; step++)
        {
            final String before = levelsText();
            binance.stepMarketMaker();
            binance.flushDepthStreams();
            awaitDepthEquals("Binance after step " + step, id, this::binanceRestDepth);
            moved += before.equals(levelsText()) ? 0 : 1;
        }
        assertThat(moved).as("steps that changed the top 20 levels").isGreaterThan(5);
    }

    @Test
    void okxDepthEqualsTheSimulatorsRestBooksAsTheBookMoves() throws Exception
    {
        final int id = instrumentId(CryptoVenues.BTC + "@OKX");
        awaitDepthEquals("OKX", id, this::okxRestBooks);
        assertThat(depth.bids()).isEqualTo(LEVELS);
        assertThat(depth.asks()).isEqualTo(LEVELS);
        int moved = 0;
        for (int step = 0; step < 10; step++)
        {
            final String before = levelsText();
            okx.stepMarket(1);
            awaitDepthEquals("OKX after step " + step, id, this::okxRestBooks);
            moved += before.equals(levelsText()) ? 0 : 1;
        }
        assertThat(moved).as("steps that changed the top 20 levels").isGreaterThan(5);
    }

    @Test
    void theDepthIsWithdrawnWhileTheVenueIsDownAndRebuiltAfter() throws Exception
    {
        final int id = instrumentId(CryptoVenues.BTC);
        awaitDepthEquals("Binance", id, this::binanceRestDepth);
        binance.faults().inject(FaultSpec.of(FaultType.VENUE_DOWN).forMillis(3_000));
        await("the Binance depth is out of sync", () -> !meridian.server().depthBooks().read(id, depth));
        awaitDepthEquals("Binance after the outage", id, this::binanceRestDepth);
        meridian.awaitCryptoConnected();
    }

    @Test
    void tradingRulesAreTheVenuesConvertedToTheInstrumentsScales() throws Exception
    {
        for (final String symbol : List.of("BTCUSDT", "ETHUSDT"))
        {
            final JsonNode filters = get(binance.restUrl() + "/api/v3/exchangeInfo?symbol=" + symbol)
                .path("symbols").path(0).path("filters");
            final long[] expected = new long[4];
            for (final JsonNode filter : filters)
            {
                switch (filter.path("filterType").asText())
                {
                    case "PRICE_FILTER" -> expected[0] = scaled(filter.path("tickSize").asText(), 2);
                    case "LOT_SIZE" ->
                    {
                        expected[1] = scaled(filter.path("stepSize").asText(), 8);
                        expected[2] = scaled(filter.path("minQty").asText(), 8);
                    }
                    case "NOTIONAL", "MIN_NOTIONAL" -> expected[3] = scaled(filter.path("minNotional").asText(), 2);
                    default ->
                    {
                    }
                }
            }
            final String instrument = symbol.equals("BTCUSDT") ? CryptoVenues.BTC : "ETH-USDT";
            assertRules(instrument, expected);
        }
        assertRules(CryptoVenues.BTC, new long[]{1, 1_000, 1_000, 5_00});
        assertRules("ETH-USDT", new long[]{1, 10_000, 10_000, 5_00});

        for (final String instId : List.of("BTC-USDT", "ETH-USDT"))
        {
            final JsonNode instrument = get(okx.restUri() + "/api/v5/public/instruments?instType=SPOT&instId=" + instId)
                .path("data").path(0);
            // OKX lists no minimum notional
            assertRules(instId + "@OKX", new long[]{scaled(instrument.path("tickSz").asText(), 2),
                scaled(instrument.path("lotSz").asText(), 8), scaled(instrument.path("minSz").asText(), 8), 0});
        }
        assertRules(CryptoVenues.BTC + "@OKX", new long[]{1, 1_000, 1_000, 0});

        // the FIX venue publishes none: the configured ones, in the instrument's scales
        assertRules(FIX_INSTRUMENT, new long[]{5, 10_000, 100_000, 10_00});
        final InstrumentRules rules = new InstrumentRules();
        assertThat(meridian.server().tradingRules().read(instrumentId("BTC-USD"), rules)).as("none configured").isFalse();
    }

    private String levelsText()
    {
        final StringBuilder s = new StringBuilder();
        for (int i = 0; i < depth.bids(); i++)
        {
            s.append(depth.bidQty(i)).append('@').append(depth.bidPrice(i)).append(' ');
        }
        for (int i = 0; i < depth.asks(); i++)
        {
            s.append(depth.askQty(i)).append('@').append(depth.askPrice(i)).append(' ');
        }
        return s.toString();
    }

    private void assertRules(final String instrument, final long[] expected) throws InterruptedException
    {
        final InstrumentRules rules = new InstrumentRules();
        final int id = instrumentId(instrument);
        await(instrument + "'s rules published", () -> meridian.server().tradingRules().read(id, rules));
        assertThat(new long[]{rules.tickSize(), rules.lotSize(), rules.minQty(), rules.minNotional()})
            .as(instrument + " tick, lot, min qty, min notional").containsExactly(expected);
    }

    /** 25 orders of 0.001 a side, 1.00 apart, 1,000 from the maker's mid of 60,000. */
    private static void deepen(final java.util.function.Function<java.util.function.Function<SimulatedExchange, Object>,
        Object> onExchange, final String symbol)
    {
        onExchange.apply(exchange ->
        {
            for (int i = 0; i < 25; i++)
            {
                final long offset = Amounts.of("1000") + i * Amounts.ONE;
                assertThat(exchange.submit(NewOrder.limit("trader2", symbol, Side.BUY, TimeInForce.GTC,
                    Amounts.of("60000") - offset, Amounts.of("0.001"), null)).reject()).isNull();
                assertThat(exchange.submit(NewOrder.limit("trader2", symbol, Side.SELL, TimeInForce.GTC,
                    Amounts.of("60000") + offset, Amounts.of("0.001"), null)).reject()).isNull();
            }
            return null;
        });
    }

    /**
     * The venue's levels as [side][level][price, qty] in the instrument's scales (price 2, qty 8); null when
     * the venue does not answer (down).
     */
    private long[][][] binanceRestDepth()
    {
        final JsonNode book = tryGet(binance.restUrl() + "/api/v3/depth?symbol=BTCUSDT&limit=" + LEVELS);
        return book == null ? null : new long[][][]{levels(book.path("bids")), levels(book.path("asks"))};
    }

    private long[][][] okxRestBooks()
    {
        final JsonNode answer = tryGet(okx.restUri() + "/api/v5/market/books?instId=BTC-USDT&sz=" + LEVELS);
        final JsonNode book = answer == null ? null : answer.path("data").path(0);
        return book == null ? null : new long[][][]{levels(book.path("bids")), levels(book.path("asks"))};
    }

    private static long[][] levels(final JsonNode side)
    {
        final long[][] levels = new long[side.size()][];
        for (int i = 0; i < side.size(); i++)
        {
            levels[i] = new long[]{scaled(side.get(i).get(0).asText(), 2), scaled(side.get(i).get(1).asText(), 8)};
        }
        return levels;
    }

    private static long scaled(final String decimal, final int scale)
    {
        return new BigDecimal(decimal).setScale(scale).unscaledValue().longValueExact();
    }

    /**
     * The venue's book moves only when the test steps it: Meridian's copy must come to equal it (it may be
     * one update behind when first compared).
     */
    private void awaitDepthEquals(
        final String what, final int id, final java.util.function.Supplier<long[][][]> venue)
        throws InterruptedException
    {
        await(what + ": Meridian's depth equals the venue's REST depth", () ->
        {
            final long[][][] levels = venue.get();
            if (levels == null)
            {
                lastDifference = "the venue's REST depth did not answer";
                return false;
            }
            if (!meridian.server().depthBooks().read(id, depth))
            {
                lastDifference = "out of sync";
                return false;
            }
            return sideEquals("bids", levels[0], depth.bids(), true) && sideEquals("asks", levels[1], depth.asks(), false);
        });
    }

    private boolean sideEquals(final String name, final long[][] venue, final int count, final boolean bid)
    {
        if (count != venue.length)
        {
            lastDifference = name + ": " + count + " levels, the venue " + venue.length;
            return false;
        }
        for (int i = 0; i < count; i++)
        {
            final long price = bid ? depth.bidPrice(i) : depth.askPrice(i);
            final long qty = bid ? depth.bidQty(i) : depth.askQty(i);
            if (price != venue[i][0] || qty != venue[i][1])
            {
                lastDifference = name + " level " + i + ": " + qty + "@" + price + ", the venue " + venue[i][1] + "@" +
                    venue[i][0];
                return false;
            }
        }
        return true;
    }

    private JsonNode get(final String url)
    {
        final JsonNode answer = tryGet(url);
        assertThat(answer).as(url).isNotNull();
        return answer;
    }

    /** The answer, or null when the venue answers no 200 or not at all. */
    private JsonNode tryGet(final String url)
    {
        try
        {
            final HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        }
        catch (final java.io.IOException e)
        {
            return null;
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int instrumentId(final String symbol)
    {
        return meridian.server().instruments().bySymbol(symbol).id();
    }

    private void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting until " + what + " (" + lastDifference + ")");
            }
            Thread.sleep(50);
        }
    }
}
