package io.meridian.simulators.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.fault.FaultFiring;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per fault: its effect as a client sees it through the public API, and the same seed
 * giving the same outcome (the scenario runs twice after a reset with the same seed).
 */
class BinanceFaultTest {
    private static final long WAIT_SECONDS = 10;
    private static final long SEED = 21;
    private static BinanceSimulator sim;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        sim = BinanceSimulator.start(BinanceSimulatorConfig.defaults(0, SEED).withMakerStepMillis(0).withLimits(6000, 100, 8, 60_000));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Runs {@code scenario} twice from the same seed; both runs must observe the same thing. */
    private static List<String> twice(Scenario scenario) throws Exception {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            sim.reset(SEED);
            List<String> observed = new ArrayList<>(scenario.run());
            sim.faults().firings().forEach(f -> observed.add("fired " + f.type() + " " + f.symbol()));
            runs.add(observed);
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        return runs.get(0);
    }

    @FunctionalInterface
    private interface Scenario {
        List<String> run() throws Exception;
    }

    @Test
    void delayedFillsReachTheStreamAfterLaterEvents() throws Exception {
        List<String> observed = twice(() -> {
            try (Stream stream = Stream.user("trader1")) {
                rest("trader1", "POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.1&price=60000&newClientOrderId=a");
                stream.next(e -> e.optString("x").equals("NEW"));
                sim.faults().inject(FaultSpec.of(FaultType.DELAY_FILLS).withParam(1500));
                String fill = rest("trader2", "POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=60000").body();
                rest("trader1", "POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.1&price=60010&newClientOrderId=b");
                List<String> order = new ArrayList<>();
                order.add(new JSONObject(fill).getString("status"));
                order.add(stream.next(e -> e.has("x")).getString("c"));
                order.add(stream.next(e -> e.has("x")).getString("x"));
                return order;
            }
        });
        assertThat(observed).startsWith("FILLED", "b", "TRADE");
    }

    @Test
    void duplicateFillsAreReplayedAfterAReconnect() throws Exception {
        List<String> observed = twice(() -> {
            long tradeId;
            try (Stream stream = Stream.user("trader1")) {
                rest("trader1", "POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.1");
                tradeId = stream.next(e -> e.optString("x").equals("TRADE")).getLong("t");
            }
            sim.faults().inject(FaultSpec.of(FaultType.DUPLICATE_FILLS_ON_RECONNECT).times(1));
            try (Stream again = Stream.user("trader1")) {
                JSONObject replayed = again.next(e -> e.optString("x").equals("TRADE"));
                return List.of(String.valueOf(replayed.getLong("t") == tradeId));
            }
        });
        assertThat(observed).startsWith("true");
    }

    @Test
    void outOfOrderEventsArriveSwapped() throws Exception {
        List<String> observed = twice(() -> {
            try (Stream stream = Stream.user("trader1")) {
                sim.faults().inject(FaultSpec.of(FaultType.OUT_OF_ORDER_EVENTS).times(1));
                rest("trader1", "POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.1");
                return List.of(stream.next(e -> e.has("x")).getString("x"), stream.next(e -> e.has("x")).getString("x"));
            }
        });
        assertThat(observed).startsWith("TRADE", "NEW");
    }

    @Test
    void ackThenRejectLeavesTheOrderUnknown() throws Exception {
        List<String> observed = twice(() -> {
            try (Stream stream = Stream.user("trader1")) {
                sim.faults().inject(FaultSpec.of(FaultType.ACK_THEN_REJECT).withParam(20));
                HttpResponse<String> ack = rest("trader1", "POST", "/api/v3/order",
                    "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=59000&newClientOrderId=ack");
                JSONObject rejected = stream.next(e -> e.optString("x").equals("REJECTED"));
                HttpResponse<String> query = rest("trader1", "GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=ack");
                return List.of(new JSONObject(ack.body()).getString("status"), rejected.getString("X"),
                    query.statusCode() + " " + new JSONObject(query.body()).getInt("code"));
            }
        });
        assertThat(observed).startsWith("NEW", "REJECTED", "400 -2013");
    }

    @Test
    void restLagsBehindTheStreamWhileTheyDisagree() throws Exception {
        List<String> observed = twice(() -> {
            rest("trader1", "POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.1&price=60000&newClientOrderId=d");
            sim.faults().inject(FaultSpec.of(FaultType.REST_STREAM_DISAGREE).forMillis(60_000));
            rest("trader2", "POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=60000");
            String during = new JSONObject(rest("trader1", "GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=d").body()).getString("status");
            sim.faults().clear();
            String after = new JSONObject(rest("trader1", "GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=d").body()).getString("status");
            return List.of(during, after);
        });
        assertThat(observed).startsWith("NEW", "FILLED");
    }

    @Test
    void timeoutWithTheOrderPlaced() throws Exception {
        List<String> observed = twice(() -> {
            sim.faults().inject(FaultSpec.of(FaultType.TIMEOUT_ORDER_PLACED).times(1).withParam(50));
            assertThatThrownBy(() -> rest("trader1", "POST", "/api/v3/order",
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=59000&newClientOrderId=t"))
                .isInstanceOf(IOException.class);
            JSONObject placed = new JSONObject(rest("trader1", "GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=t").body());
            return List.of(placed.getString("status"));
        });
        assertThat(observed).startsWith("NEW");
    }

    @Test
    void unknownOutcomeAnswers5xxWithTheOrderPlaced() throws Exception {
        List<String> observed = twice(() -> {
            sim.faults().inject(FaultSpec.of(FaultType.UNKNOWN_OUTCOME).times(1));
            HttpResponse<String> answer = rest("trader1", "POST", "/api/v3/order",
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=59000&newClientOrderId=u");
            JSONObject placed = new JSONObject(rest("trader1", "GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=u").body());
            return List.of(answer.statusCode() + " " + new JSONObject(answer.body()).getInt("code"), placed.getString("status"));
        });
        assertThat(observed).startsWith("503 -1007", "NEW");
    }

    @Test
    void rateLimitBurstsFollowTheSeedAndAClientThatKeepsGoingIsBanned() throws Exception {
        List<String> observed = twice(() -> {
            sim.faults().inject(FaultSpec.of(FaultType.RATE_LIMIT_BURST).withProbability(0.3).withParam(1));
            List<String> statuses = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                HttpResponse<String> answer = get("/api/v3/time");
                statuses.add(answer.statusCode() + answer.headers().firstValue("Retry-After").map(s -> " retry " + s).orElse(""));
            }
            return statuses;
        });
        assertThat(observed.subList(0, 7)).contains("429 retry 1").contains("200");

        sim.reset(SEED);
        sim.faults().inject(FaultSpec.of(FaultType.RATE_LIMIT_BURST).times(1).withParam(30));
        HttpResponse<String> limited = get("/api/v3/ping");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(new JSONObject(limited.body()).getInt("code")).isEqualTo(-1003);
        assertThat(limited.headers().firstValue("Retry-After")).contains("30");
        List<Integer> keptGoing = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            keptGoing.add(get("/api/v3/ping").statusCode());
        }
        assertThat(keptGoing).endsWith(418);
        assertThat(keptGoing.subList(0, 7)).containsOnly(200);
    }

    @Test
    void rateLimitBurstOnTheWebSocketApiAnswers429WithRetryAfter() throws Exception {
        List<String> observed = twice(() -> {
            try (Stream api = new Stream("/ws-api/v3")) {
                sim.faults().inject(FaultSpec.of(FaultType.RATE_LIMIT_BURST).times(1).withParam(5));
                api.ws.sendText("{\"id\":\"a\",\"method\":\"ping\"}", true).join();
                JSONObject limited = api.next(m -> "a".equals(m.optString("id")));
                api.ws.sendText("{\"id\":\"b\",\"method\":\"time\"}", true).join();
                JSONObject answered = api.next(m -> "b".equals(m.optString("id")));
                JSONObject error = limited.getJSONObject("error");
                long retryAfter = error.getJSONObject("data").getLong("retryAfter") - error.getJSONObject("data").getLong("serverTime");
                return List.of(limited.getInt("status") + " " + error.getInt("code") + " retry " + retryAfter,
                    answered.getInt("status") + " weight counted " + (answered.getJSONArray("rateLimits").getJSONObject(0).getInt("count") > 0));
            }
        });
        assertThat(observed).startsWith("429 -1003 retry 5000", "200 weight counted true");
    }

    @Test
    void droppedConnectionsCloseTheClientsStreams() throws Exception {
        List<String> observed = twice(() -> {
            CountDownLatch gone = new CountDownLatch(1);
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(sim.wsUrl() + "/ws/btcusdt@trade"), new WebSocket.Listener() {
                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        gone.countDown();
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        gone.countDown();
                        return null;
                    }
                }).get(WAIT_SECONDS, TimeUnit.SECONDS);
            sim.faults().inject(FaultSpec.of(FaultType.DROP_CONNECTIONS));
            boolean dropped = gone.await(WAIT_SECONDS, TimeUnit.SECONDS);
            ws.abort();
            return List.of("dropped " + dropped);
        });
        assertThat(observed).startsWith("dropped true");
    }

    @Test
    void depthGapSkipsUpdateIds() throws Exception {
        List<String> observed = twice(() -> {
            try (Stream depth = Stream.market("btcusdt@depth@100ms")) {
                sim.stepMarketMaker();
                long base = sim.onExchange(ex -> ex.depthUpdateId("BTCUSDT"));
                long lastU = depth.next(e -> e.getLong("u") == base).getLong("u");
                sim.faults().inject(FaultSpec.of(FaultType.DEPTH_GAP).onSymbol("BTCUSDT").times(1));
                sim.stepMarketMaker();
                sim.flushDepthStreams();
                sim.stepMarketMaker();
                sim.flushDepthStreams();
                long target = sim.onExchange(ex -> ex.depthUpdateId("BTCUSDT"));
                JSONObject after = depth.next(e -> e.getLong("u") == target);
                return List.of("gap " + (after.getLong("U") > lastU + 1));
            }
        });
        assertThat(observed).startsWith("gap true");
    }

    @Test
    void balanceDriftShowsInTheAccount() throws Exception {
        List<String> observed = twice(() -> {
            sim.faults().inject(FaultSpec.of(FaultType.BALANCE_DRIFT).withAsset("BTC").withParam(Amounts.of("0.5")));
            JSONObject account = new JSONObject(rest("trader1", "GET", "/api/v3/account", "").body());
            String reported = "";
            for (Object b : account.getJSONArray("balances")) {
                JSONObject balance = (JSONObject) b;
                if (balance.getString("asset").equals("BTC")) {
                    reported = balance.getString("free");
                }
            }
            long actual = sim.onExchange(ex -> ex.balance("trader1", "BTC").free());
            return List.of(reported, Amounts.format(actual, 8));
        });
        assertThat(observed).startsWith("10.50000000", "10.00000000");
    }

    @Test
    void clockSkewShiftsServerTimeAndTripsTheRecvWindow() throws Exception {
        List<String> observed = twice(() -> {
            sim.faults().inject(FaultSpec.of(FaultType.CLOCK_SKEW).withParam(-30_000));
            long serverTime = new JSONObject(get("/api/v3/time").body()).getLong("serverTime");
            HttpResponse<String> signed = rest("trader1", "GET", "/api/v3/account", "");
            return List.of("behind " + (System.currentTimeMillis() - serverTime >= 29_000),
                signed.statusCode() + " " + new JSONObject(signed.body()).getInt("code"));
        });
        assertThat(observed).startsWith("behind true", "400 -1021");
    }

    @Test
    void venueDownRefusesConnectionsThenComesBack() throws Exception {
        List<String> observed = twice(() -> {
            sim.faults().inject(FaultSpec.of(FaultType.VENUE_DOWN).forMillis(300));
            assertThatThrownBy(() -> get("/api/v3/ping")).isInstanceOf(ConnectException.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            int status = 0;
            while (status != 200 && System.nanoTime() < deadline) {
                try {
                    status = get("/api/v3/ping").statusCode();
                } catch (ConnectException refused) {
                    Thread.sleep(20);
                }
            }
            return List.of("back " + status);
        });
        assertThat(observed).startsWith("back 200");
    }

    @Test
    void maintenanceAnswersUntilCleared() throws Exception {
        List<String> observed = twice(() -> {
            sim.faults().inject(FaultSpec.of(FaultType.MAINTENANCE));
            HttpResponse<String> during = get("/api/v3/ping");
            sim.faults().clear(FaultType.MAINTENANCE);
            return List.of(during.statusCode() + " " + new JSONObject(during.body()).getInt("code"), "after " + get("/api/v3/ping").statusCode());
        });
        assertThat(observed).startsWith("503 -1008", "after 200");
    }

    @Test
    void droppedFillEventsNeverReachTheStreamButRestHasTheTrade() throws Exception {
        List<String> observed = twice(() -> {
            try (Stream stream = Stream.user("trader1")) {
                rest("trader1", "POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.1&price=60000&newClientOrderId=df");
                stream.next(e -> e.optString("x").equals("NEW"));
                sim.faults().inject(FaultSpec.of(FaultType.DROP_FILL_EVENTS).times(1));
                rest("trader2", "POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=60000");
                rest("trader1", "POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.1&price=60010&newClientOrderId=after");
                JSONObject next = stream.next(e -> e.has("x"));
                JSONObject order = new JSONObject(rest("trader1", "GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=df").body());
                String trades = rest("trader1", "GET", "/api/v3/myTrades", "symbol=BTCUSDT&orderId=" + order.getLong("orderId")).body();
                return List.of(next.getString("c") + " " + next.getString("x"), order.getString("status"),
                    "trades " + new org.json.JSONArray(trades).length());
            }
        });
        assertThat(observed).startsWith("after NEW", "FILLED", "trades 1", "fired DROP_FILL_EVENTS BTCUSDT");
    }

    @Test
    void forgottenOrdersVanishWithoutAnEvent() throws Exception {
        List<String> observed = twice(() -> {
            try (Stream stream = Stream.user("trader1")) {
                sim.faults().inject(FaultSpec.of(FaultType.FORGET_ORDER).times(1).withParam(20));
                HttpResponse<String> ack = rest("trader1", "POST", "/api/v3/order",
                    "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=59000&newClientOrderId=fo");
                stream.next(e -> e.optString("x").equals("NEW") && e.optString("c").equals("fo"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
                String open = rest("trader1", "GET", "/api/v3/openOrders", "symbol=BTCUSDT").body();
                while (open.contains("\"fo\"") && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                    open = rest("trader1", "GET", "/api/v3/openOrders", "symbol=BTCUSDT").body();
                }
                rest("trader1", "POST", "/api/v3/order",
                    "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=58000&newClientOrderId=next");
                JSONObject event = stream.next(e -> e.has("x"));
                HttpResponse<String> query = rest("trader1", "GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=fo");
                return List.of(new JSONObject(ack.body()).getString("status"), "open " + open.contains("\"fo\""),
                    "next event " + event.getString("c") + " " + event.getString("x"),
                    query.statusCode() + " " + new JSONObject(query.body()).getInt("code"));
            }
        });
        assertThat(observed).startsWith("NEW", "open false", "next event next NEW", "400 -2013");
    }

    @Test
    void firingsAreLoggedInOrder() throws Exception {
        twice(() -> {
            sim.faults().inject(FaultSpec.of(FaultType.UNKNOWN_OUTCOME).withProbability(0.5));
            for (int i = 0; i < 6; i++) {
                rest("trader1", "POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=59000");
            }
            return List.of();
        });
        assertThat(sim.faults().firings()).extracting(FaultFiring::type).containsOnly(FaultType.UNKNOWN_OUTCOME);
    }

    // ------------------------------------------------------------ helpers

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sim.restUrl() + path)).timeout(Duration.ofSeconds(WAIT_SECONDS)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** A SIGNED request as Binance documents it: query + timestamp, HMAC over the query, X-MBX-APIKEY. */
    private static HttpResponse<String> rest(String account, String method, String path, String query) throws IOException, InterruptedException {
        String key = account.equals("trader1") ? BinanceSimulatorConfig.TRADER1_KEY : BinanceSimulatorConfig.TRADER2_KEY;
        String secret = account.equals("trader1") ? BinanceSimulatorConfig.TRADER1_SECRET : BinanceSimulatorConfig.TRADER2_SECRET;
        String payload = (query.isEmpty() ? "" : query + "&") + "timestamp=" + System.currentTimeMillis();
        String url = sim.restUrl() + path + "?" + payload + "&signature="
            + URLEncoder.encode(BinanceSignatures.hmacSha256Hex(secret, payload), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("X-MBX-APIKEY", key)
            .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(WAIT_SECONDS)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A WebSocket stream collecting JSON messages. */
    private static final class Stream implements AutoCloseable {
        final BlockingQueue<JSONObject> messages = new LinkedBlockingQueue<>();
        final WebSocket ws;

        private Stream(String path) throws Exception {
            ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(sim.wsUrl() + path), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        messages.add(new JSONObject(text.toString()));
                        text.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        static Stream user(String account) throws Exception {
            String key = account.equals("trader1") ? BinanceSimulatorConfig.TRADER1_KEY : BinanceSimulatorConfig.TRADER2_KEY;
            HttpRequest request = HttpRequest.newBuilder(URI.create(sim.restUrl() + "/api/v3/userDataStream"))
                .header("X-MBX-APIKEY", key).POST(HttpRequest.BodyPublishers.noBody()).build();
            String listenKey = new JSONObject(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).getString("listenKey");
            long before = sim.userStreamsOpened(account);
            Stream stream = new Stream("/ws/" + listenKey);
            // the server registers the sink in its onOpen, which may run after the client's handshake
            awaitRegistered(() -> sim.userStreamsOpened(account) > before, "user stream of " + account);
            // the sink's registration hook runs on the exchange loop: a round trip there makes sure it ran
            sim.onExchange(ex -> null);
            return stream;
        }

        static Stream market(String name) throws Exception {
            Stream stream = new Stream("/ws/" + name);
            // the server registers the subscription in its onOpen, which may run after the client's handshake
            awaitRegistered(() -> sim.marketSubscribers(name) > 0, name);
            return stream;
        }

        private static void awaitRegistered(java.util.function.BooleanSupplier registered, String what)
            throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!registered.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not subscribed to " + what + " within " + WAIT_SECONDS + " s");
                }
                Thread.sleep(5);
            }
        }

        JSONObject next(Predicate<JSONObject> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < deadline) {
                JSONObject message = messages.poll(100, TimeUnit.MILLISECONDS);
                if (message != null && wanted.test(message)) {
                    return message;
                }
            }
            throw new AssertionError("no matching message within " + WAIT_SECONDS + " s");
        }

        @Override
        public void close() {
            ws.abort();
        }
    }
}
