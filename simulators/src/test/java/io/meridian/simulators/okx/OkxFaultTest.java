package io.meridian.simulators.okx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.fault.FaultFiring;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per fault: what an OKX client observes through the public API when it is armed, and
 * that running the same scenario again after {@code reset(seed)} observes the same thing (and the
 * plan logs the same firings).
 */
class OkxFaultTest {
    private static final String BTC = "BTC-USDT";
    private static final long SEED = 5;
    private static OkxSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = OkxSimulator.start(OkxSimulator.Config.defaults(0, SEED).withMakerStepMs(0));
        // warm up the JVM's HTTP and JSON paths so that the delay scenarios below have their margin
        OkxSimulatorTradingTest.clientFor(simulator, 0).balance(null);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static OkxRestClient trader(int index) {
        return OkxSimulatorTradingTest.clientFor(simulator, index);
    }

    /** Runs the scenario on a fresh venue twice with the same seed; both runs must observe the same. */
    private static List<String> reproducible(long seed, Supplier<List<String>> scenario) {
        simulator.reset(seed);
        List<String> first = scenario.get();
        List<FaultFiring> firstFirings = simulator.faults().firings();
        simulator.reset(seed);
        List<String> second = scenario.get();
        assertThat(second).as("same seed, same observations").isEqualTo(first);
        // state faults (skew, maintenance, drift, down) are consulted, not fired: their log stays empty
        assertThat(simulator.faults().firings()).as("same seed, same firings").isEqualTo(firstFirings);
        return first;
    }

    private static String state(JsonNode push) {
        JsonNode data = push.path("data").path(0);
        return data.path("ordType").asText() + ":" + data.path("state").asText();
    }

    private static OkxWsClient ordersStream(int trader) {
        OkxWsClient ws = OkxSimulatorStreamTest.loggedIn(simulator, trader);
        ws.subscribe(OkxWsClient.arg("orders", "instType", "SPOT"));
        return ws;
    }

    @Test
    void delayedFillsReachTheStreamAfterLaterEvents() {
        List<String> seen = reproducible(SEED, () -> {
            simulator.faults().inject(FaultSpec.of(FaultType.DELAY_FILLS).onSymbol(BTC).withParam(3000));
            try (OkxWsClient ws = ordersStream(0)) {
                OkxRestClient t = trader(0);
                String market = t.placeOrder(BTC, "buy", "market", "0.01", null, null).first().path("ordId").asText();
                List<String> out = new ArrayList<>();
                out.add("rest:" + t.order(BTC, market, null).first().path("state").asText());
                String limit = t.placeOrder(BTC, "buy", "limit", "0.01", "59000.00", null).first().path("ordId").asText();
                t.cancelOrder(BTC, limit, null);
                ws.awaitPushes("orders", 4).forEach(p -> out.add(state(p)));
                return out;
            }
        });
        assertThat(seen).containsExactly("rest:filled", "market:live", "limit:live", "limit:canceled", "market:filled");
    }

    @Test
    void fillsAreReplayedAfterAReconnect() {
        List<String> seen = reproducible(SEED, () -> {
            simulator.faults().inject(FaultSpec.of(FaultType.DUPLICATE_FILLS_ON_RECONNECT).withParam(1));
            List<String> out = new ArrayList<>();
            try (OkxWsClient ws = ordersStream(0)) {
                trader(0).placeOrder(BTC, "buy", "market", "0.01", null, null);
                JsonNode fill = ws.awaitPushes("orders", 2).get(1);
                out.add(state(fill) + ":" + fill.path("data").path(0).path("tradeId").asText());
            }
            try (OkxWsClient again = ordersStream(0)) {
                JsonNode replayed = again.awaitPushes("orders", 1).get(0);
                out.add(state(replayed) + ":" + replayed.path("data").path(0).path("tradeId").asText());
            }
            return out;
        });
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).isEqualTo(seen.get(0)).startsWith("market:filled:");
    }

    @Test
    void eventsOfOneOperationArriveOutOfOrder() {
        List<String> seen = reproducible(SEED, () -> {
            simulator.faults().inject(FaultSpec.of(FaultType.OUT_OF_ORDER_EVENTS).times(1));
            try (OkxWsClient ws = ordersStream(0)) {
                trader(0).placeOrder(BTC, "buy", "market", "0.01", null, null);
                trader(0).placeOrder(BTC, "buy", "market", "0.01", null, null);
                return ws.awaitPushes("orders", 4).stream().map(OkxFaultTest::state).toList();
            }
        });
        assertThat(seen).containsExactly("market:filled", "market:live", "market:live", "market:filled");
    }

    @Test
    void anAcknowledgedOrderIsThenCanceledBySystemAndUnknown() {
        List<String> seen = reproducible(SEED, () -> {
            simulator.faults().inject(FaultSpec.of(FaultType.ACK_THEN_REJECT).times(1));
            try (OkxWsClient ws = ordersStream(0)) {
                OkxRestClient t = trader(0);
                OkxRestClient.Response ack = t.placeOrder(BTC, "buy", "limit", "0.01", "59000.00", "atr1");
                List<JsonNode> pushes = ws.awaitPushes("orders", 2);
                String ordId = ack.first().path("ordId").asText();
                return List.of("ack:" + ack.sCode(), state(pushes.get(0)), state(pushes.get(1)),
                    "cancelSource:" + pushes.get(1).path("data").path(0).path("cancelSource").asText(),
                    "query:" + t.order(BTC, ordId, null).code(), "pending:" + t.ordersPending(BTC).body().path("data").size());
            }
        });
        assertThat(seen).containsExactly("ack:0", "limit:live", "limit:canceled", "cancelSource:0", "query:51603", "pending:0");
    }

    @Test
    void droppedFillPushesNeverArriveButRestHasTheFill() {
        List<String> seen = reproducible(SEED, () -> {
            try (OkxWsClient ws = ordersStream(0)) {
                OkxRestClient t = trader(0);
                String resting = t.placeOrder(BTC, "sell", "limit", "0.01", "60000.0", "df1").first().path("ordId").asText();
                List<String> out = new ArrayList<>();
                out.add(state(ws.awaitPushes("orders", 1).get(0)));
                simulator.faults().inject(FaultSpec.of(FaultType.DROP_FILL_EVENTS).times(1));
                trader(1).placeOrder(BTC, "buy", "limit", "0.01", "60000.0", null);
                t.placeOrder(BTC, "buy", "limit", "0.01", "59000.0", "after1");
                JsonNode next = ws.awaitPushes("orders", 1).get(0).path("data").path(0);
                out.add(next.path("clOrdId").asText() + ":" + next.path("state").asText());
                out.add("rest:" + t.order(BTC, resting, null).first().path("state").asText());
                out.add("fills:" + t.fills(BTC, resting).body().path("data").size());
                return out;
            }
        });
        assertThat(seen).containsExactly("limit:live", "after1:live", "rest:filled", "fills:1");
    }

    @Test
    void aForgottenOrderVanishesWithoutAPush() {
        List<String> seen = reproducible(SEED, () -> {
            simulator.faults().inject(FaultSpec.of(FaultType.FORGET_ORDER).times(1).withParam(20));
            try (OkxWsClient ws = ordersStream(0)) {
                OkxRestClient t = trader(0);
                OkxRestClient.Response ack = t.placeOrder(BTC, "buy", "limit", "0.01", "59000.00", "fo1");
                List<String> out = new ArrayList<>();
                out.add("ack:" + ack.sCode());
                out.add(state(ws.awaitPushes("orders", 1).get(0)));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (t.ordersPending(BTC).body().path("data").size() > 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                out.add("pending:" + t.ordersPending(BTC).body().path("data").size());
                t.placeOrder(BTC, "buy", "limit", "0.01", "58000.00", "next1");
                JsonNode next = ws.awaitPushes("orders", 1).get(0).path("data").path(0);
                out.add(next.path("clOrdId").asText() + ":" + next.path("state").asText());
                out.add("query:" + t.order(BTC, ack.first().path("ordId").asText(), null).code());
                return out;
            }
        });
        assertThat(seen).containsExactly("ack:0", "limit:live", "pending:0", "next1:live", "query:51603");
    }

    @Test
    void restLagsTheStreamWhileArmed() {
        List<String> seen = reproducible(SEED, () -> {
            simulator.faults().inject(FaultSpec.of(FaultType.REST_STREAM_DISAGREE).withParam(60_000));
            try (OkxWsClient ws = ordersStream(0)) {
                OkxRestClient t = trader(0);
                String ordId = t.placeOrder(BTC, "buy", "limit", "0.01", "59000.00", null).first().path("ordId").asText();
                List<String> out = new ArrayList<>();
                out.add("stream:" + state(ws.awaitPushes("orders", 1).get(0)));
                out.add("rest:" + t.order(BTC, ordId, null).code());
                t.cancelOrder(BTC, ordId, null);
                out.add("stream:" + state(ws.awaitPushes("orders", 1).get(0)));
                out.add("rest:" + t.order(BTC, ordId, null).first().path("state").asText());
                simulator.faults().clear(FaultType.REST_STREAM_DISAGREE);
                out.add("rest:" + t.order(BTC, ordId, null).first().path("state").asText());
                return out;
            }
        });
        assertThat(seen).containsExactly("stream:limit:live", "rest:51603", "stream:limit:canceled", "rest:live", "rest:canceled");
    }

    @Test
    void aTimedOutRequestStillPlacedTheOrder() {
        List<String> seen = reproducible(SEED, () -> {
            OkxRestClient impatient = trader(0);
            impatient.time();
            // the connection is open now, so the timeout below only runs while the venue withholds its answer
            impatient.withTimeout(Duration.ofMillis(1500));
            simulator.faults().inject(FaultSpec.of(FaultType.TIMEOUT_ORDER_PLACED).times(1));
            List<String> out = new ArrayList<>();
            try {
                impatient.placeOrder(BTC, "buy", "limit", "0.01", "59000.00", "to1");
                out.add("answered");
            } catch (UncheckedIOException e) {
                out.add(e.getCause().getClass().getSimpleName());
            }
            JsonNode pending = trader(0).ordersPending(BTC).body().path("data");
            out.add("pending:" + pending.size() + ":" + pending.path(0).path("clOrdId").asText());
            return out;
        });
        assertThat(seen).containsExactly(HttpTimeoutException.class.getSimpleName(), "pending:1:to1");
    }

    @Test
    void unknownOutcomeAnswersStillPlacedTheOrder() {
        List<String> seen = reproducible(SEED, () -> {
            simulator.faults().inject(FaultSpec.of(FaultType.UNKNOWN_OUTCOME).times(1));
            OkxRestClient.Response first = trader(0).placeOrder(BTC, "buy", "limit", "0.01", "59000.00", "uo1");
            simulator.faults().inject(FaultSpec.of(FaultType.UNKNOWN_OUTCOME).times(1).withParam(1));
            OkxRestClient.Response second = trader(0).placeOrder(BTC, "buy", "limit", "0.01", "59000.00", "uo2");
            JsonNode pending = trader(0).ordersPending(BTC).body().path("data");
            return List.of(first.status() + ":" + first.code(), second.status() + ":" + second.code(), "pending:" + pending.size());
        });
        assertThat(seen).containsExactly("400:50004", "500:51054", "pending:2");
    }

    @Test
    void rateLimitBurstsFollowTheSeed() {
        Supplier<List<String>> burst = () -> {
            simulator.faults().inject(FaultSpec.of(FaultType.RATE_LIMIT_BURST).withProbability(0.5));
            List<String> out = new ArrayList<>();
            OkxRestClient t = trader(0);
            for (int i = 0; i < 12; i++) {
                OkxRestClient.Response r = t.time();
                out.add(r.status() + ":" + r.code());
            }
            return out;
        };
        List<String> seen = reproducible(SEED, burst);
        assertThat(seen).contains("200:0", "429:50011");
        assertThat(reproducible(SEED + 1, burst)).isNotEqualTo(seen);
    }

    @Test
    void droppedWebSocketsCloseWithoutACloseFrame() {
        List<String> seen = reproducible(SEED, () -> {
            try (OkxWsClient ws = ordersStream(0)) {
                simulator.faults().inject(FaultSpec.of(FaultType.DROP_CONNECTIONS).times(1));
                int code = ws.awaitClosed();
                try (OkxWsClient again = ordersStream(0)) {
                    return List.of("closed:" + (code != 1000), "reconnected:" + !again.isClosed());
                }
            }
        });
        assertThat(seen).containsExactly("closed:true", "reconnected:true");
    }

    @Test
    void aSkippedBooksUpdateIsASequenceGapUntilResubscribed() {
        assertThat(booksScenario(FaultType.DEPTH_GAP)).containsExactly("OK", "SEQUENCE_GAP", "resubscribed:OK", "OK");
    }

    @Test
    void aWrongChecksumIsDetectedUntilResubscribed() {
        assertThat(booksScenario(FaultType.BAD_CHECKSUM)).containsExactly("OK", "CHECKSUM_MISMATCH", "resubscribed:OK", "OK");
    }

    private static List<String> booksScenario(FaultType type) {
        return reproducible(SEED, () -> {
            try (OkxWsClient ws = OkxWsClient.connect(simulator.publicWsUri())) {
                ws.subscribe(OkxWsClient.arg("books", "instId", BTC));
                OkxLocalBook book = new OkxLocalBook();
                List<String> out = new ArrayList<>();
                out.add(book.apply(ws.awaitPushes("books", 1).get(0)).name());
                simulator.faults().inject(FaultSpec.of(type).onSymbol(BTC).times(1));
                trader(0).placeOrder(BTC, "buy", "limit", "0.01", "59000.00", null);
                trader(0).placeOrder(BTC, "buy", "limit", "0.01", "59001.00", null);
                out.add(book.apply(ws.awaitPushes("books", 1).get(0)).name());
                ws.send("{\"op\":\"unsubscribe\",\"args\":[{\"channel\":\"books\",\"instId\":\"" + BTC + "\"}]}");
                ws.await(m -> m.path("event").asText().equals("unsubscribe"));
                ws.subscribe(OkxWsClient.arg("books", "instId", BTC));
                out.add("resubscribed:" + book.apply(ws.awaitPushes("books", 1).get(0)).name());
                trader(0).placeOrder(BTC, "buy", "limit", "0.01", "59002.00", null);
                out.add(book.apply(ws.awaitPushes("books", 1).get(0)).name());
                return out;
            }
        });
    }

    @Test
    void reportedBalancesDriftFromTheFills() {
        List<String> seen = reproducible(SEED, () -> {
            simulator.faults().inject(FaultSpec.of(FaultType.BALANCE_DRIFT).withAsset("BTC").withParam(Amounts.of("0.5")));
            OkxRestClient t = trader(0);
            t.placeOrder(BTC, "buy", "market", "0.1", null, null);
            JsonNode fill = t.fills(BTC, null).body().path("data").path(0);
            return List.of("fill:" + fill.path("fillSz").asText() + ":" + fill.path("fee").asText(),
                "balance:" + t.balanceOf("BTC").path("cashBal").asText());
        });
        // the fills add up to 10.0999 BTC; the balance says half a bitcoin more
        assertThat(seen).containsExactly("fill:0.10000:-0.0001", "balance:10.5999");
    }

    @Test
    void aSkewedVenueClockRefusesCorrectlyTimedRequests() {
        List<String> seen = reproducible(SEED, () -> {
            simulator.faults().inject(FaultSpec.of(FaultType.CLOCK_SKEW).withParam(-120_000));
            OkxRestClient t = trader(0);
            long venueTime = Long.parseLong(t.time().first().path("ts").asText());
            long skew = venueTime - System.currentTimeMillis();
            String refused = t.balance(null).code();
            // a client that signs with the venue's own time (as OKX recommends) is accepted
            String synced = t.withClock(() -> System.currentTimeMillis() + skew).balance(null).code();
            return List.of("skewed:" + (skew < -100_000), "refused:" + refused, "synced:" + synced);
        });
        assertThat(seen).containsExactly("skewed:true", "refused:50102", "synced:0");
    }

    @Test
    void aDownVenueRefusesConnectionsThenComesBack() {
        List<String> seen = reproducible(SEED, () -> {
            simulator.faults().inject(FaultSpec.of(FaultType.VENUE_DOWN).forMillis(1_000));
            List<String> out = new ArrayList<>();
            try {
                trader(0).time();
                out.add("answered");
            } catch (UncheckedIOException e) {
                out.add(e.getCause() instanceof ConnectException ? "refused" : e.getCause().getClass().getSimpleName());
            }
            out.add("back:" + awaitUp());
            return out;
        });
        assertThat(seen).containsExactly("refused", "back:0");
    }

    private static String awaitUp() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                return trader(0).time().code();
            } catch (UncheckedIOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }

    @Test
    void maintenanceAnswersServiceUnavailableUntilCleared() {
        List<String> seen = reproducible(SEED, () -> {
            simulator.faults().inject(FaultSpec.of(FaultType.MAINTENANCE));
            OkxRestClient.Response during = trader(0).placeOrder(BTC, "buy", "limit", "0.01", "59000.00", null);
            simulator.faults().clear(FaultType.MAINTENANCE);
            simulator.faults().fire(FaultType.MAINTENANCE, null);
            OkxRestClient.Response after = trader(0).time();
            return List.of(during.status() + ":" + during.code(), after.status() + ":" + after.code());
        });
        assertThat(seen).containsExactly("503:50001", "200:0");
    }

    @Test
    void unsupportedCallsAreRefusedCleanly() {
        assertThatThrownBy(() -> OkxRestClient.JSON.readTree("{")).isInstanceOf(Exception.class);
        OkxRestClient.Response garbage = trader(0).postPrivate("/api/v5/trade/order", OkxRestClient.JSON.getNodeFactory().textNode("x"));
        assertThat(garbage.code()).isEqualTo("50002");
    }
}
