package io.meridian.simulators.binance;

import static io.meridian.simulators.binance.BinanceConnectorTest.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.WebSocketStreamClientImpl;
import com.binance.connector.client.impl.websocketapi.WebSocketApiAuth;
import com.binance.connector.client.impl.websocketapi.WebSocketApiTrade;
import com.binance.connector.client.impl.websocketapi.WebSocketApiUserDataStream;
import com.binance.connector.client.utils.RequestBuilder;
import com.binance.connector.client.utils.WebSocketConnection;
import com.binance.connector.client.utils.httpclient.WebSocketApiHttpClientSingleton;
import com.binance.connector.client.utils.signaturegenerator.Ed25519SignatureGenerator;
import com.binance.connector.client.utils.websocketapi.WebSocketApiRequestHandler;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.DepthSnapshot;
import io.meridian.simulators.exchange.PriceQty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official connector's WebSocket parts against the simulator: WebSocket API logon (Ed25519)
 * and user data, the listenKey stream, and a depth stream kept in sync with the REST snapshot.
 */
class BinanceWebSocketTest {
    private static final long WAIT_SECONDS = 10;
    private static BinanceSimulator sim;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        BinanceSimulatorConfig defaults = BinanceSimulatorConfig.defaults(0, 11).withMakerStepMillis(0);
        List<BinanceApiKey> keys = new ArrayList<>(defaults.apiKeys());
        keys.add(BinanceApiKey.ed25519(TestKeys.ED_API_KEY, TestKeys.publicPem(), "trader1"));
        sim = BinanceSimulator.start(defaults.withApiKeys(keys));
        new SpotClientImpl(sim.restUrl()).createMarket().ping();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset(11);
    }

    @Test
    void webSocketApiLogonSubscribeAndUserDataEventsInOrder() throws Exception {
        BlockingQueue<JSONObject> messages = new LinkedBlockingQueue<>();
        CountDownLatch open = new CountDownLatch(1);
        WebSocketConnection connection = new WebSocketConnection(response -> open.countDown(), text -> messages.add(new JSONObject(text)),
            (code, reason) -> { }, (code, reason) -> { }, (failure, response) -> { },
            RequestBuilder.buildWebSocketRequest(sim.wsApiUrl()), WebSocketApiHttpClientSingleton.getHttpClient());
        connection.connect();
        assertThat(open.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        WebSocketApiRequestHandler handler = new WebSocketApiRequestHandler(connection, TestKeys.ED_API_KEY,
            new Ed25519SignatureGenerator(TestKeys.privatePemFile(dir).toString()));
        try {
            new WebSocketApiAuth(handler).logon(new JSONObject().put("requestId", "logon"));
            JSONObject logon = next(messages, m -> "logon".equals(m.optString("id")));
            assertThat(logon.getInt("status")).isEqualTo(200);
            assertThat(logon.getJSONObject("result").getString("apiKey")).isEqualTo(TestKeys.ED_API_KEY);
            assertThat(connection.getSessionStatus()).isTrue();

            handler.publicRequest("userDataStream.subscribe", new JSONObject().put("requestId", "sub"));
            JSONObject subscribed = next(messages, m -> "sub".equals(m.optString("id")));
            int subscriptionId = subscribed.getJSONObject("result").getInt("subscriptionId");

            // after logon the connector sends signed requests without apiKey/signature: the session's account trades
            new WebSocketApiTrade(handler).newOrder("BTCUSDT", "BUY", "LIMIT", new JSONObject().put("requestId", "place")
                .put("timeInForce", "GTC").put("quantity", 0.6).put("price", 60001.0).put("newClientOrderId", "ws-1"));

            List<JSONObject> events = new ArrayList<>();
            JSONObject placed = null;
            while (placed == null || events.size() < 4) {
                JSONObject message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(message).as("message").isNotNull();
                if (message.has("event")) {
                    assertThat(message.getInt("subscriptionId")).isEqualTo(subscriptionId);
                    events.add(message.getJSONObject("event"));
                } else if ("place".equals(message.optString("id"))) {
                    placed = message;
                }
            }
            assertThat(placed.getInt("status")).isEqualTo(200);
            assertThat(placed.getJSONObject("result").getString("status")).isEqualTo("FILLED");
            assertThat(events).extracting(e -> e.getString("e") + ":" + e.optString("x"))
                .containsExactly("executionReport:NEW", "executionReport:TRADE", "executionReport:TRADE", "outboundAccountPosition:");
            JSONObject lastFill = events.get(2);
            assertThat(lastFill.getString("c")).isEqualTo("ws-1");
            assertThat(lastFill.getString("X")).isEqualTo("FILLED");
            assertThat(lastFill.getString("l")).isEqualTo("0.10000000");
            assertThat(lastFill.getString("L")).isEqualTo("60001.00000000");
            assertThat(lastFill.getString("z")).isEqualTo("0.60000000");
            assertThat(lastFill.getString("n")).isEqualTo("0.00010000");
            assertThat(lastFill.getString("N")).isEqualTo("BTC");
            assertThat(lastFill.getLong("t")).isPositive();
            assertThat(lastFill.getBoolean("m")).isFalse();
            JSONArray balances = events.get(3).getJSONArray("B");
            assertThat(balances.toList()).hasSize(2);

            WebSocketApiTrade trade = new WebSocketApiTrade(handler);
            trade.newOrder("BTCUSDT", "SELL", "LIMIT", new JSONObject().put("requestId", "rest")
                .put("timeInForce", "GTC").put("quantity", 0.1).put("price", 61000.0).put("newClientOrderId", "ws-2"));
            long restingId = next(messages, m -> "rest".equals(m.optString("id"))).getJSONObject("result").getLong("orderId");
            trade.getOrder("BTCUSDT", new JSONObject().put("requestId", "status").put("orderId", restingId));
            assertThat(next(messages, m -> "status".equals(m.optString("id"))).getJSONObject("result").getString("status")).isEqualTo("NEW");
            trade.cancelOrder("BTCUSDT", new JSONObject().put("requestId", "cancel").put("origClientOrderId", "ws-2"));
            // the venue pushes the event while it cancels, before it answers
            assertThat(next(messages, m -> m.has("event") && m.getJSONObject("event").optString("x").equals("CANCELED"))
                .getJSONObject("event").getString("c")).isEqualTo("ws-2");
            assertThat(next(messages, m -> "cancel".equals(m.optString("id"))).getJSONObject("result").getString("status"))
                .isEqualTo("CANCELED");

            WebSocketApiUserDataStream userData = new WebSocketApiUserDataStream(handler);
            userData.userDataStreamStart(new JSONObject().put("requestId", "start"));
            String listenKey = next(messages, m -> "start".equals(m.optString("id"))).getJSONObject("result").getString("listenKey");
            userData.userDataStreamPing(listenKey, new JSONObject().put("requestId", "ping"));
            assertThat(next(messages, m -> "ping".equals(m.optString("id"))).getInt("status")).isEqualTo(200);
            userData.userDataStreamStop(listenKey, new JSONObject().put("requestId", "stop"));
            assertThat(next(messages, m -> "stop".equals(m.optString("id"))).getInt("status")).isEqualTo(200);
            userData.userDataStreamPing(listenKey, new JSONObject().put("requestId", "gone"));
            assertThat(next(messages, m -> "gone".equals(m.optString("id"))).getJSONObject("error").getInt("code")).isEqualTo(-1125);
        } finally {
            connection.close();
        }
    }

    @Test
    void listenKeyStreamCarriesExecutionReports() throws Exception {
        SpotClientImpl rest = new SpotClientImpl(BinanceSimulatorConfig.TRADER2_KEY, BinanceSimulatorConfig.TRADER2_SECRET, sim.restUrl());
        String listenKey = new JSONObject(rest.createUserData().createListenKey()).getString("listenKey");
        BlockingQueue<JSONObject> events = new LinkedBlockingQueue<>();
        CountDownLatch open = new CountDownLatch(1);
        WebSocketStreamClientImpl streams = new WebSocketStreamClientImpl(sim.wsUrl());
        int id = streams.listenUserStream(listenKey, response -> open.countDown(), text -> events.add(new JSONObject(text)),
            (c, r) -> { }, (c, r) -> { }, (f, r) -> { });
        try {
            assertThat(open.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            rest.createTrade().newOrder(params("symbol", "ETHUSDT", "side", "SELL", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "1", "price", "3100", "newClientOrderId", "lk-1"));
            JSONObject report = next(events, e -> e.getString("e").equals("executionReport"));
            assertThat(report.getString("x")).isEqualTo("NEW");
            assertThat(report.getString("c")).isEqualTo("lk-1");
            assertThat(report.getString("s")).isEqualTo("ETHUSDT");
            assertThat(rest.createUserData().extendListenKey(params("listenKey", listenKey))).isEqualTo("{}");
            assertThat(rest.createUserData().closeListenKey(params("listenKey", listenKey))).isEqualTo("{}");
        } finally {
            streams.closeConnection(id);
        }
    }

    @Test
    void depthStreamSyncsToTheSnapshotWithNoGapAndEqualsTheBookAfterEveryStep() throws Exception {
        BlockingQueue<JSONObject> diffs = new LinkedBlockingQueue<>();
        BlockingQueue<JSONObject> combined = new LinkedBlockingQueue<>();
        CountDownLatch open = new CountDownLatch(2);
        WebSocketStreamClientImpl streams = new WebSocketStreamClientImpl(sim.wsUrl());
        int depthId = streams.diffDepthStream("BTCUSDT", 100, response -> open.countDown(), text -> diffs.add(new JSONObject(text)),
            (c, r) -> { }, (c, r) -> { }, (f, r) -> { });
        int combinedId = streams.combineStreams(new ArrayList<>(List.of("btcusdt@bookTicker", "btcusdt@trade")),
            response -> open.countDown(), text -> combined.add(new JSONObject(text)), (c, r) -> { }, (c, r) -> { }, (f, r) -> { });
        try {
            assertThat(open.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            JSONObject snapshot = new JSONObject(new SpotClientImpl(sim.restUrl()).createMarket().depth(params("symbol", "BTCUSDT", "limit", 1000)));
            LocalBook book = new LocalBook(snapshot);
            for (int step = 0; step < 25; step++) {
                sim.stepMarketMaker();
                long target = sim.onExchange(ex -> ex.depthUpdateId("BTCUSDT"));
                while (book.lastUpdateId < target) {
                    JSONObject diff = diffs.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                    assertThat(diff).as("depth diff up to " + target).isNotNull();
                    book.apply(diff);
                }
                DepthSnapshot truth = sim.onExchange(ex -> ex.depth("BTCUSDT", 1000).orElseThrow());
                assertThat(book.lastUpdateId).isEqualTo(truth.lastUpdateId());
                assertThat(book.bids).isEqualTo(toMap(truth.bids()));
                assertThat(book.asks).isEqualTo(toMap(truth.asks()));
            }
            assertThat(book.applied).isPositive();
            JSONObject ticker = next(combined, m -> m.getString("stream").equals("btcusdt@bookTicker"));
            assertThat(ticker.getJSONObject("data").getString("s")).isEqualTo("BTCUSDT");
            JSONObject trade = next(combined, m -> m.getString("stream").equals("btcusdt@trade"));
            assertThat(trade.getJSONObject("data").getString("e")).isEqualTo("trade");
        } finally {
            streams.closeConnection(depthId);
            streams.closeConnection(combinedId);
        }
    }

    /** A client's local book kept as Binance documents it: snapshot, then diffs with U/u checks. */
    static final class LocalBook {
        final TreeMap<String, String> bids = new TreeMap<>();
        final TreeMap<String, String> asks = new TreeMap<>();
        long lastUpdateId;
        int applied;

        LocalBook(JSONObject snapshot) {
            lastUpdateId = snapshot.getLong("lastUpdateId");
            load(bids, snapshot.getJSONArray("bids"));
            load(asks, snapshot.getJSONArray("asks"));
        }

        void apply(JSONObject diff) {
            long first = diff.getLong("U");
            long last = diff.getLong("u");
            if (last <= lastUpdateId) {
                return;
            }
            if (applied == 0) {
                assertThat(first).as("first event straddles the snapshot").isLessThanOrEqualTo(lastUpdateId + 1);
            } else {
                assertThat(first).as("no gap").isEqualTo(lastUpdateId + 1);
            }
            load(bids, diff.getJSONArray("b"));
            load(asks, diff.getJSONArray("a"));
            lastUpdateId = last;
            applied++;
        }

        private static void load(TreeMap<String, String> side, JSONArray levels) {
            for (int i = 0; i < levels.length(); i++) {
                JSONArray level = levels.getJSONArray(i);
                String price = new java.math.BigDecimal(level.getString(0)).toPlainString();
                if (new java.math.BigDecimal(level.getString(1)).signum() == 0) {
                    side.remove(price);
                } else {
                    side.put(price, level.getString(1));
                }
            }
        }
    }

    private static TreeMap<String, String> toMap(List<PriceQty> levels) {
        TreeMap<String, String> map = new TreeMap<>();
        for (PriceQty level : levels) {
            map.put(new java.math.BigDecimal(Amounts.format(level.price(), 8)).toPlainString(), Amounts.format(level.qty(), 8));
        }
        return map;
    }

    static JSONObject next(BlockingQueue<JSONObject> queue, Predicate<JSONObject> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            JSONObject message = queue.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no matching message within " + WAIT_SECONDS + " s");
    }
}
