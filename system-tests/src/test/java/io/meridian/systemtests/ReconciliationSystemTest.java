package io.meridian.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.admin.ReconciliationSettings;
import io.meridian.simulators.binance.BinanceSimulator;
import io.meridian.simulators.binance.BinanceSimulatorConfig;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.BookTop;
import io.meridian.simulators.exchange.NewOrder;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.matching.Side;
import io.meridian.simulators.okx.OkxSimulator;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.field.TimeInForce;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.nextClOrdId;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * Continuous reconciliation against real simulators: a FIX venue that forgets an order, a fill it
 * never reports, a position moved outside Meridian; a Binance that drops a fill from its stream and a
 * balance that moves. Each becomes a drift event of the right cause within the bound (the measured
 * detection latencies are printed); the halt policy refuses new orders to that venue only and lifts
 * when the events are resolved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReconciliationSystemTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long INTERVAL_MS = 250;
    private static final long SETTLE_MS = 100;
    /** how long the start waits for a down venue: long enough to see RECONCILING on a loaded machine */
    private static final long STARTUP_TIMEOUT_MS = 4_000;
    /** the worst case for a drift the venue never signals */
    private static final long BOUND_MS = 1_000;

    private FixVenueSimulator venue;
    private BinanceSimulator binance;
    private OkxSimulator okx;
    private MeridianTestServer meridian;
    private TestFixClient client;
    private final List<String> latencies = new ArrayList<>();

    @BeforeAll
    void start(@TempDir final Path dir) throws Exception
    {
        venue = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
        binance = BinanceSimulator.start(BinanceSimulatorConfig.defaults(0, 7L).withMakerStepMillis(0));
        okx = OkxSimulator.start(OkxSimulator.Config.defaults(0, 7L).withMakerStepMs(0));
        final List<io.meridian.admin.InstrumentSettings> instruments =
            new ArrayList<>(CryptoVenues.instruments(CryptoVenues.BINANCE, ""));
        instruments.addAll(CryptoVenues.instruments(CryptoVenues.OKX, "@OKX"));
        meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port(),
            List.of(CryptoVenues.binance(binance, 1_500), CryptoVenues.okx(okx, 2, 1_500)), instruments)
            .reconciliation(ReconciliationSettings.defaults().withTiming(INTERVAL_MS, SETTLE_MS)
                .withPolicy("SIMVENUE", ReconciliationSettings.Policy.HALT)
                // Binance's request weight allows about one full view (72) a second beside the orders
                .withInterval(CryptoVenues.BINANCE, 1_200).withInterval(CryptoVenues.OKX, 1_200))
            .start().awaitVenueConnected().awaitCryptoConnected();
        client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client")).start()
            .awaitLogon();
    }

    @AfterAll
    void stop()
    {
        System.out.println("drift detection latency (venue-side change -> drift event): " + latencies);
        org.agrona.CloseHelper.closeAll(client, meridian, binance, okx, venue);
    }

    @Test
    @Order(1)
    void theStartWaitsForEachVenuesFirstReconciliationThenOpens() throws Exception
    {
        awaitJson("health OPEN", "/health", health -> "OPEN".equals(health.path("phase").asText()));
        final JsonNode summary = JSON.readTree(meridian.get("/reconciliation").body());
        assertThat(summary.path("enabled").asBoolean()).isTrue();
        assertThat(summary.path("venues")).hasSize(3).allSatisfy(v ->
        {
            assertThat(v.path("notReconciled").asBoolean()).as(v.toString()).isFalse();
            assertThat(v.path("lastReconciledMsAgo").isNumber()).as(v.toString()).isTrue();
        });
        assertThat(JSON.readTree(meridian.get("/drift-events").body())).as("nothing differs yet").isEmpty();
        // the orders go through once the venues are reconciled
        venue.control().addLiquidity("AAPL", Side.SELL, "5", "190.00");
        final String id = nextClOrdId("recon-open");
        client.send(limit(id, BUY, "5", "AAPL", "190.00", TimeInForce.DAY));
        client.await("fill", report(id, 'F'));
    }

    @Test
    @Order(2)
    void anOrderTheFixVenueForgotIsDriftAndHaltsOnlyThatVenueUntilResolved() throws Exception
    {
        final String id = nextClOrdId("forgotten");
        client.send(limit(id, BUY, "7", "AAPL", "180.00", TimeInForce.DAY));
        final String orderId = field(client.await("New", report(id, '0')), 37);

        final long changedNs = System.nanoTime();
        venue.control().forgetOrder(orderId + "-1");
        final JsonNode event = awaitEvent("ORDER_UNKNOWN_TO_VENUE", orderId);
        latency("FIX forgotten order", changedNs);
        assertThat(event.path("venue").asText()).isEqualTo("SIMVENUE");
        assertThat(event.path("likelyCause").asText()).contains("not open at the venue");
        assertThat(event.path("sinceNanos").asLong()).isPositive().isLessThanOrEqualTo(event.path("detectedNanos").asLong());

        // halt policy: SIMVENUE refuses new orders, Binance trades on
        awaitJson("SIMVENUE drift-halted", "/reconciliation",
            s -> s.path("venues").get(0).path("driftHalted").asBoolean());
        final String refused = nextClOrdId("drift-halted");
        client.send(limit(refused, BUY, "1", "AAPL", "180.00", TimeInForce.DAY));
        assertThat(field(client.await("refused", report(refused, '8')), 58)).contains("reconciliation");
        final String elsewhere = nextClOrdId("other-venue");
        client.send(limit(elsewhere, BUY, "0.001", CryptoVenues.BTC, restingBtcPrice(), TimeInForce.GOOD_TILL_CANCEL));
        client.await("accepted at Binance", report(elsewhere, '0'));

        final long eventId = event.path("id").asLong();
        assertThat(meridian.send("viewer", "POST", "/drift-events/" + eventId + "/resolve", MediaType.APPLICATION_JSON,
            "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        final HttpResponse<String> resolved = meridian.send("operator", "POST", "/drift-events/" + eventId + "/resolve",
            MediaType.APPLICATION_JSON, "{\"reason\":\"order re-entered by phone\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.body()).contains("resolved by operator: order re-entered by phone");
        assertThat(meridian.send("operator", "POST", "/drift-events/" + eventId + "/resolve", MediaType.APPLICATION_JSON,
            "{}").statusCode()).as("no longer open").isEqualTo(404);

        final String again = nextClOrdId("after-resolve");
        client.send(limit(again, BUY, "1", "AAPL", "180.00", TimeInForce.DAY));
        client.await("accepted again", report(again, '0'));
        assertThat(Files.readAllLines(meridian.config().dataDir().resolve("audit.log")))
            .anySatisfy(line -> assertThat(line).contains("\"action\":\"POST /drift-events/" + eventId + "/resolve\"")
                .contains("\"user\":\"operator\""));
        // the acknowledged difference is not raised again while it persists
        Thread.sleep(3 * INTERVAL_MS);
        assertThat(openEvents()).noneMatch(e -> e.path("subject").asText().equals(orderId));
    }

    @Test
    @Order(3)
    void aFillTheFixVenueNeverReportedIsAMissingFillAndItsPositionMoves() throws Exception
    {
        venue.control().addLiquidity("MSFT", Side.SELL, "4", "420.00");
        venue.control().suppressNextFillReports(1);
        final long changedNs = System.nanoTime();
        final String id = nextClOrdId("suppressed");
        client.send(limit(id, BUY, "10", "MSFT", "420.00", TimeInForce.DAY));
        final String orderId = field(client.await("New", report(id, '0')), 37);
        final JsonNode missing = awaitEvent("MISSING_FILL", orderId);
        latency("FIX fill never reported", changedNs);
        assertThat(new BigDecimal(missing.path("amount").asText())).isEqualByComparingTo("4");
        assertThat(missing.path("venueSays").asText()).contains("cum 4");
        final JsonNode position = awaitEvent("POSITION_MISMATCH", "MSFT");
        assertThat(new BigDecimal(position.path("amount").asText())).isEqualByComparingTo("4");
        resolve(missing);
        resolve(position);
    }

    @Test
    @Order(4)
    void aPositionMovedOutsideMeridianIsAPositionMismatch() throws Exception
    {
        awaitJson("AAPL has a baseline", "/reconciliation", s -> holding(s, "SIMVENUE", "AAPL") != null &&
            holding(s, "SIMVENUE", "AAPL").hasNonNull("baseline"));
        final long changedNs = System.nanoTime();
        venue.control().adjustPosition("MERIDIAN", "AAPL", new BigDecimal("-3"));
        final JsonNode event = awaitEvent("POSITION_MISMATCH", "AAPL");
        latency("FIX position moved", changedNs);
        assertThat(new BigDecimal(event.path("amount").asText())).isEqualByComparingTo("-3");
        resolve(event);
        Thread.sleep(3 * INTERVAL_MS);
        assertThat(openEvents()).as("accepted as the new baseline").noneMatch(e -> e.path("subject").asText().equals("AAPL"));
    }

    @Test
    @Order(5)
    void aFillBinanceDroppedFromItsStreamIsFoundAppliedAndReportedToTheClient() throws Exception
    {
        // our buy the best bid, inside the spread: another account's sell fills it while it rests, so only
        // the private stream (which drops the event) would have told us
        final BookTop top = binance.onExchange(exchange -> exchange.bookTop("BTCUSDT").orElseThrow());
        final BigDecimal bid = Amounts.toDecimal(top.bidPrice());
        final BigDecimal price = bid.add(new BigDecimal("0.01"));
        assertThat(price).isLessThan(Amounts.toDecimal(top.askPrice()));
        final String id = nextClOrdId("dropped");
        client.send(limit(id, BUY, "0.001", CryptoVenues.BTC, price.toPlainString(), TimeInForce.GOOD_TILL_CANCEL));
        final String orderId = field(client.await("New", report(id, '0')), 37);
        binance.faults().inject(FaultSpec.of(FaultType.DROP_FILL_EVENTS).times(1));
        final long changedNs = System.nanoTime();
        final boolean sold = binance.onExchange(exchange -> exchange.submit(NewOrder.limit("trader2", "BTCUSDT",
            Side.SELL, io.meridian.simulators.matching.TimeInForce.IOC, Amounts.of(price.toPlainString()),
            Amounts.of("0.001"), null)).accepted());
        assertThat(sold).isTrue();
        client.await("the fill, recovered from the venue's trade list", m ->
            id.equals(field(m, 11)) && "2".equals(field(m, 39)));
        final JsonNode event = awaitEvent(e -> e.path("cause").asText().equals("MISSING_FILL") &&
            e.path("subject").asText().equals(orderId), "all");
        latency("Binance fill dropped from the stream", changedNs);
        assertThat(binance.faults().firings()).anyMatch(f -> f.spec().type() == FaultType.DROP_FILL_EVENTS);
        assertThat(event.path("venue").asText()).isEqualTo("BINANCE");
        awaitEvent(e -> e.path("id").asLong() == event.path("id").asLong() && e.path("resolvedNanos").asLong() > 0, "all");
        assertThat(meridian.get("/fills?orderId=" + orderId).body()).contains("\"venueTradeId\"");
    }

    @Test
    @Order(6)
    void aBinanceBalanceMovedOutsideMeridianIsBalanceMovedAndReachesTheStore() throws Exception
    {
        awaitJson("USDT has a baseline", "/reconciliation", s -> holding(s, "BINANCE", "USDT") != null &&
            holding(s, "BINANCE", "USDT").hasNonNull("baseline"));
        final long changedNs = System.nanoTime();
        binance.onExchange(exchange ->
        {
            exchange.adjustBalance("trader1", "USDT", 250_00000000L);
            return null;
        });
        final JsonNode event = awaitEvent(e -> e.path("venue").asText().equals("BINANCE") &&
            e.path("cause").asText().equals("BALANCE_MOVED") && e.path("subject").asText().equals("USDT"), "open");
        latency("Binance balance moved", changedNs);
        assertThat(new BigDecimal(event.path("amount").asText())).isEqualByComparingTo("250");
        awaitJson("reported balance in the store", "/balances", balances ->
        {
            for (final JsonNode b : balances)
            {
                if (b.path("asset").asText().equals("USDT") && b.path("venueId").asInt() == 1 && b.hasNonNull("reported"))
                {
                    return true;
                }
            }
            return false;
        });
        resolve(event);
    }

    @Test
    @Order(7)
    void anOrderOkxForgotAndABalanceItReportsWrongAreDrift() throws Exception
    {
        okx.faults().inject(FaultSpec.of(FaultType.FORGET_ORDER).times(1).withParam(20));
        final BookTop top = okx.onExchange(exchange -> exchange.bookTop("BTC-USDT").orElseThrow());
        final String price = Amounts.toDecimal(top.bidPrice()).subtract(new BigDecimal("50")).toPlainString();
        final String id = nextClOrdId("okx-forgotten");
        final long changedNs = System.nanoTime();
        client.send(limit(id, BUY, "0.001", CryptoVenues.BTC + "@OKX", price, TimeInForce.GOOD_TILL_CANCEL));
        final String orderId = field(client.await("New", report(id, '0')), 37);
        final JsonNode forgotten = awaitEvent("ORDER_UNKNOWN_TO_VENUE", orderId);
        latency("OKX forgotten order (its interval 1.2 s)", changedNs);
        assertThat(forgotten.path("venue").asText()).isEqualTo("OKX");
        resolve(forgotten);

        awaitJson("OKX USDT has a baseline", "/reconciliation", s -> holding(s, "OKX", "USDT") != null &&
            holding(s, "OKX", "USDT").hasNonNull("baseline"));
        final long driftNs = System.nanoTime();
        okx.faults().inject(FaultSpec.of(FaultType.BALANCE_DRIFT).withParam(-12_50000000L).withAsset("USDT"));
        final JsonNode drift = awaitEvent(e -> e.path("venue").asText().equals("OKX") &&
            e.path("cause").asText().equals("BALANCE_MOVED") && e.path("subject").asText().equals("USDT"), "open");
        latency("OKX balance reported off by 12.5 (its interval 1.2 s)", driftNs);
        assertThat(drift.path("venue").asText()).isEqualTo("OKX");
        assertThat(new BigDecimal(drift.path("amount").asText())).isEqualByComparingTo("-12.5");
        okx.faults().clear();
        awaitEvent(e -> e.path("id").asLong() == drift.path("id").asLong() && e.path("resolvedNanos").asLong() > 0, "all");
    }

    @Test
    @Order(8)
    void theDashboardsCryptoAndDriftPanelsReadExportedMetrics() throws Exception
    {
        // after the drift tests above, so that the drift counters exist
        final java.util.Set<String> panels = new java.util.TreeSet<>(DeployedMetrics.referenced());
        panels.removeIf(name -> !name.startsWith("meridian_crypto_") && !name.startsWith("meridian_drift_") &&
            !name.startsWith("meridian_reconciliation_"));
        assertThat(panels).contains("meridian_crypto_rate_limit_used", "meridian_drift_events_open",
            "meridian_drift_events_total", "meridian_reconciliation_age_seconds");
        DeployedMetrics.assertExported(meridian.get("/prometheus").body(), panels);
    }

    @Test
    @Order(9)
    void aVenueNotReconciledAtTheStartRefusesNewOrdersUntilItIs(@TempDir final Path dir) throws Exception
    {
        final int venuePort = MeridianTestServer.freePort();
        FixVenueSimulator late = null;
        TestFixClient secondClient = null;
        // a Binance of its own: the request weight of the first server's views is the shared one's
        try (BinanceSimulator ownBinance = BinanceSimulator.start(BinanceSimulatorConfig.defaults(0, 8L)
                .withMakerStepMillis(0));
            MeridianTestServer second = new MeridianTestServer(dir.resolve("meridian"), venuePort,
                List.of(CryptoVenues.binance(ownBinance, 1_500)), CryptoVenues.instruments(CryptoVenues.BINANCE, ""))
            .reconciliation(ReconciliationSettings.defaults().withTiming(INTERVAL_MS, SETTLE_MS)
                .withInterval(CryptoVenues.BINANCE, 1_200).withStartupTimeout(STARTUP_TIMEOUT_MS))
            .start())
        {
            // the FIX venue is down: the start waits for it, then opens with it still refusing new orders
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int reconcilingAnswers = 0;
            JsonNode health = JSON.readTree(second.get("/health").body());
            while (health.path("phase").asText().equals("RECONCILING") && System.nanoTime() < deadline)
            {
                assertThat(health.path("status").asText()).as("503 and why").isEqualTo("RECONCILING");
                reconcilingAnswers++;
                Thread.sleep(20);
                health = JSON.readTree(second.get("/health").body());
            }
            assertThat(reconcilingAnswers).as("RECONCILING while the start waits").isPositive();
            assertThat(health.path("phase").asText()).isEqualTo("OPEN");
            assertThat(health.path("status").asText()).as("the FIX venue is still down").isEqualTo("DEGRADED");
            final JsonNode venues = JSON.readTree(second.get("/reconciliation").body()).path("venues");
            assertThat(venues.get(0).path("notReconciled").asBoolean()).as(venues.toString()).isTrue();
            assertThat(venues.get(1).path("notReconciled").asBoolean()).as(venues.toString()).isFalse();
            secondClient = new TestFixClient(second.fixPort(), MeridianTestServer.CLIENT, dir.resolve("c"))
                .start().awaitLogon();
            final String refused = nextClOrdId("not-reconciled");
            secondClient.send(limit(refused, BUY, "1", "AAPL", "180.00", TimeInForce.DAY));
            assertThat(field(secondClient.await("refused", report(refused, '8')), 58)).contains("not reconciled");

            late = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(venuePort).emptyBooks()
                .build()).start();
            second.awaitVenueConnected();
            final long reconciledBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (JSON.readTree(second.get("/reconciliation").body()).path("venues").get(0).path("notReconciled")
                .asBoolean())
            {
                assertThat(System.nanoTime()).as("reconciled once the venue is up").isLessThan(reconciledBy);
                Thread.sleep(20);
            }
            final String accepted = nextClOrdId("reconciled");
            secondClient.send(limit(accepted, BUY, "1", "AAPL", "180.00", TimeInForce.DAY));
            secondClient.await("accepted", report(accepted, '0'));
        }
        finally
        {
            org.agrona.CloseHelper.closeAll(secondClient, late);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private String restingBtcPrice()
    {
        final BookTop top = binance.onExchange(exchange -> exchange.bookTop("BTCUSDT").orElseThrow());
        return Amounts.toDecimal(top.bidPrice()).subtract(new BigDecimal("50")).toPlainString();
    }

    private void latency(final String what, final long changedNs)
    {
        final long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changedNs);
        latencies.add(what + " " + ms + " ms");
        assertThat(ms).as(what + ": detected within the bound (interval " + INTERVAL_MS + " ms, settle " + SETTLE_MS +
            " ms)").isLessThanOrEqualTo(BOUND_MS + 1_000);
    }

    private void resolve(final JsonNode event) throws Exception
    {
        final HttpResponse<String> response = meridian.send("operator", "POST",
            "/drift-events/" + event.path("id").asLong() + "/resolve", MediaType.APPLICATION_JSON, "{\"reason\":\"test\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static JsonNode holding(final JsonNode summary, final String venue, final String subject)
    {
        for (final JsonNode v : summary.path("venues"))
        {
            if (v.path("venue").asText().equals(venue))
            {
                for (final JsonNode h : v.path("holdings"))
                {
                    if (h.path("subject").asText().equals(subject))
                    {
                        return h;
                    }
                }
            }
        }
        return null;
    }

    private List<JsonNode> openEvents() throws Exception
    {
        final List<JsonNode> events = new ArrayList<>();
        JSON.readTree(meridian.get("/drift-events").body()).forEach(events::add);
        return events;
    }

    private JsonNode awaitEvent(final String cause, final String subject) throws Exception
    {
        return awaitEvent(e -> e.path("cause").asText().equals(cause) && e.path("subject").asText().equals(subject), "open");
    }

    private JsonNode awaitEvent(final Predicate<JsonNode> match, final String status) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode events = null;
        while (System.nanoTime() < deadline)
        {
            events = JSON.readTree(meridian.get("/drift-events?status=" + status).body());
            for (final JsonNode e : events)
            {
                if (match.test(e))
                {
                    return e;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no such drift event; events: " + events + "; reconciliation: " +
            meridian.get("/reconciliation").body());
    }

    private void awaitJson(final String what, final String path, final Predicate<JsonNode> condition) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String body = "";
        while (System.nanoTime() < deadline)
        {
            body = meridian.get(path).body();
            if (condition.test(JSON.readTree(body)))
            {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(what + ": " + body);
    }
}
