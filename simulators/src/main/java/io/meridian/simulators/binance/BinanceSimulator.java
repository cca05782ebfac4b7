package io.meridian.simulators.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meridian.simulators.exchange.Balance;
import io.meridian.simulators.exchange.ExchangeLoop;
import io.meridian.simulators.exchange.MarketMaker;
import io.meridian.simulators.exchange.OrderUpdate;
import io.meridian.simulators.exchange.OrderView;
import io.meridian.simulators.exchange.SimulatedExchange;
import io.meridian.simulators.fault.FaultPlan;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import io.meridian.simulators.net.ControlledVenue;
import io.meridian.simulators.net.HttpRequest;
import io.meridian.simulators.net.HttpResponse;
import io.meridian.simulators.net.SimServer;
import io.meridian.simulators.net.WebSocketHandler;
import io.meridian.simulators.net.WebSocketSession;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A Binance spot venue: REST {@code /api/v3}, the WebSocket API {@code /ws-api/v3}, market and
 * user-data streams, on one port, over a {@link SimulatedExchange} that lives on one
 * {@link ExchangeLoop}. Start with {@link #start}; point a client's base URLs at {@link #restUrl()}
 * and {@link #wsUrl()}.
 */
public final class BinanceSimulator implements ControlledVenue, AutoCloseable {
    private final BinanceSimulatorConfig config;
    private final ExchangeLoop loop = new ExchangeLoop("binance-exchange");
    private final FaultPlan faults;
    private final BinanceLimits limits;
    private final BinanceTrading trading = new BinanceTrading(this);
    private final BinanceStreams streams = new BinanceStreams(this);
    private final Map<String, BinanceApiKey> keys = new HashMap<>();
    private final Map<String, PublicKey> edKeys = new HashMap<>();
    private final Map<String, String> listenKeys = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final SimServer server;
    // loop-confined run state
    private SimulatedExchange exchange;
    private MarketMaker maker;
    private ScheduledFuture<?> makerTask;
    private final Set<Long> vanished = new HashSet<>();
    /** FORGET_ORDER: orders dropped without any event (also in {@code vanished}, so REST does not know them) */
    private final Set<Long> forgotten = new HashSet<>();
    private final Map<Long, OrderView[]> lastViews = new HashMap<>();

    private BinanceSimulator(BinanceSimulatorConfig config) {
        this.config = config;
        this.faults = new FaultPlan("binance", config.exchange().seed(), () -> config.clock().epochNanos() / 1_000_000);
        this.limits = new BinanceLimits(config);
        for (BinanceApiKey key : config.apiKeys()) {
            keys.put(key.apiKey(), key);
            if (key.isEd25519()) {
                edKeys.put(key.apiKey(), BinanceSignatures.ed25519PublicKey(key.ed25519PublicKey()));
            }
        }
        await(loop.call(() -> {
            build(config.exchange().seed());
            return null;
        }));
        loop.every(streams::flushDepth, 100);
        this.server = SimServer.start("binance", config.host(), config.port(), this::handleHttp, this::acceptWebSocket);
        faults.onInject(this::onFaultInjected);
    }

    /** Starts a simulator; it listens when this returns. */
    public static BinanceSimulator start(BinanceSimulatorConfig config) {
        return new BinanceSimulator(config);
    }

    @Override
    public String venue() {
        return "binance";
    }

    @Override
    public FaultPlan faults() {
        return faults;
    }

    public int port() {
        return server.port();
    }

    /** REST base URL, e.g. {@code http://127.0.0.1:40123} (paths start with /api/v3). */
    public String restUrl() {
        return server.httpUrl();
    }

    /** WebSocket base URL for streams ({@code /ws/...}, {@code /stream?...}). */
    public String wsUrl() {
        return server.wsUrl();
    }

    /** WebSocket API URL ({@code /ws-api/v3}). */
    public String wsApiUrl() {
        return server.wsUrl() + "/ws-api/v3";
    }

    public BinanceSimulatorConfig config() {
        return config;
    }

    /** Runs {@code action} on the exchange's loop and waits for it (tests, tools). */
    public <T> T onExchange(Function<SimulatedExchange, T> action) {
        return await(loop.call(() -> action.apply(exchange)));
    }

    /** One market-maker tick, on the loop (tests drive the book this way when the maker timer is off). */
    public void stepMarketMaker() {
        await(loop.call(() -> {
            maker.step();
            return null;
        }));
    }

    /** Sessions subscribed to a market stream such as {@code btcusdt@depth@100ms} (tests wait for a subscription). */
    public int marketSubscribers(String stream) {
        return streams.subscribers(stream);
    }

    /** User data streams ever registered for an account (monotonic: tests wait for theirs to be registered). */
    public long userStreamsOpened(String account) {
        return streams.userStreamsOpened(account);
    }

    /** Sends the merged @depth@100ms diffs due now instead of at the next 100 ms tick (tests). */
    public void flushDepthStreams() {
        await(loop.call(() -> {
            streams.flushDepth();
            return null;
        }));
    }

    @Override
    public void reset(long seed) {
        faults.reseed(seed);
        limits.reset();
        listenKeys.clear();
        server.dropWebSockets();
        await(loop.call(() -> {
            build(seed);
            return null;
        }));
    }

    @Override
    public void close() {
        server.close();
        loop.close();
    }

    // ------------------------------------------------------------------ venue hooks (loop thread)

    SimulatedExchange exchange() {
        return exchange;
    }

    ExchangeLoop loop() {
        return loop;
    }

    /** Venue time in ms: the clock plus any injected skew. */
    long serverTimeMillis() {
        long skew = faults.active(FaultType.CLOCK_SKEW, null).map(FaultSpec::param).orElse(0L);
        return config.clock().epochNanos() / 1_000_000 + skew;
    }

    boolean vanished(long orderId) {
        return vanished.contains(orderId);
    }

    boolean forgotten(long orderId) {
        return forgotten.contains(orderId);
    }

    /**
     * ACK_THEN_REJECT: the order was acknowledged; a moment later the venue drops it and forgets it.
     * FORGET_ORDER: the same without any event.
     */
    void afterPlace(OrderView order) {
        if (order.status().isOpen() && faults.fire(FaultType.FORGET_ORDER, order.symbol()).isPresent()) {
            long delay = faults.active(FaultType.FORGET_ORDER, order.symbol()).map(FaultSpec::param).orElse(50L);
            loop.schedule(() -> {
                forgotten.add(order.orderId());
                vanished.add(order.orderId());
                exchange.cancel(order.account(), order.symbol(), order.orderId());
            }, Math.max(1, delay));
            return;
        }
        if (order.status().isOpen() && faults.fire(FaultType.ACK_THEN_REJECT, order.symbol()).isPresent()) {
            long delay = faults.active(FaultType.ACK_THEN_REJECT, order.symbol()).map(FaultSpec::param).orElse(50L);
            loop.schedule(() -> {
                vanished.add(order.orderId());
                exchange.cancel(order.account(), order.symbol(), order.orderId());
            }, Math.max(1, delay));
        }
    }

    /** REST_STREAM_DISAGREE: while armed, REST shows an order as it was before its last change. */
    OrderView restView(OrderView current) {
        Optional<FaultSpec> disagree = faults.active(FaultType.REST_STREAM_DISAGREE, current.symbol());
        OrderView[] views = lastViews.get(current.orderId());
        if (disagree.isPresent() && views != null && views[0] != null) {
            faults.fire(FaultType.REST_STREAM_DISAGREE, current.symbol());
            return views[0];
        }
        return current;
    }

    /** Balances as REST and the stream report them (BALANCE_DRIFT shifts one asset). */
    List<Balance> reportedBalances(String account) {
        Optional<FaultSpec> drift = faults.active(FaultType.BALANCE_DRIFT, null);
        List<Balance> result = new ArrayList<>();
        for (Balance balance : exchange.balances(account)) {
            if (drift.isPresent() && balance.asset().equals(drift.get().asset())) {
                result.add(new Balance(balance.asset(), balance.free() + drift.get().param(), balance.locked()));
            } else {
                result.add(balance);
            }
        }
        return result;
    }

    private void build(long seed) {
        if (makerTask != null) {
            makerTask.cancel(false);
        }
        vanished.clear();
        forgotten.clear();
        lastViews.clear();
        streams.clear();
        exchange = new SimulatedExchange(config.exchange().withSeed(seed), config.clock());
        exchange.addListener(new io.meridian.simulators.exchange.ExchangeListener() {
            @Override
            public void onOrderUpdate(OrderUpdate update) {
                if (!update.order().account().startsWith("sim-")) {
                    if (lastViews.size() > 100_000) {
                        lastViews.clear();
                    }
                    OrderView[] views = lastViews.computeIfAbsent(update.order().orderId(), k -> new OrderView[2]);
                    views[0] = update.execType() == io.meridian.simulators.exchange.ExecType.NEW ? null : views[1];
                    views[1] = update.order();
                }
            }
        });
        exchange.addListener(streams);
        maker = new MarketMaker(exchange, config.exchange().makers(), seed);
        maker.start();
        if (config.makerStepMillis() > 0) {
            makerTask = loop.every(maker::step, config.makerStepMillis());
        }
    }

    private void onFaultInjected(FaultSpec spec) {
        if (spec.type() == FaultType.DROP_CONNECTIONS) {
            server.dropWebSockets();
        } else if (spec.type() == FaultType.VENUE_DOWN) {
            server.goDown(spec.durationMs() > 0 ? spec.durationMs() : 1000);
        }
    }

    // ------------------------------------------------------------------ REST

    private enum Security { NONE, API_KEY, SIGNED }

    @FunctionalInterface
    private interface Handler {
        Object handle(String account, Map<String, String> params);
    }

    private record Route(int weight, Security security, boolean order, Handler handler) {
    }

    private Map<String, Route> routes() {
        Map<String, Route> r = new LinkedHashMap<>();
        r.put("GET /api/v3/ping", new Route(1, Security.NONE, false, (a, p) -> BinanceJson.object()));
        r.put("GET /api/v3/time", new Route(1, Security.NONE, false, (a, p) -> BinanceJson.object().put("serverTime", serverTimeMillis())));
        r.put("GET /api/v3/exchangeInfo", new Route(20, Security.NONE, false, (a, p) -> exchangeInfo(p)));
        r.put("GET /api/v3/depth", new Route(5, Security.NONE, false, (a, p) -> depth(p)));
        r.put("POST /api/v3/order", new Route(1, Security.SIGNED, true, trading::place));
        r.put("POST /api/v3/order/test", new Route(1, Security.SIGNED, false, trading::test));
        r.put("GET /api/v3/order", new Route(4, Security.SIGNED, false, trading::query));
        r.put("DELETE /api/v3/order", new Route(1, Security.SIGNED, false, trading::cancel));
        r.put("DELETE /api/v3/openOrders", new Route(1, Security.SIGNED, false, trading::cancelAll));
        r.put("GET /api/v3/openOrders", new Route(6, Security.SIGNED, false, trading::openOrders));
        r.put("GET /api/v3/allOrders", new Route(20, Security.SIGNED, false, trading::allOrders));
        r.put("POST /api/v3/order/cancelReplace", new Route(1, Security.SIGNED, true, trading::cancelReplace));
        r.put("GET /api/v3/account", new Route(20, Security.SIGNED, false, (a, p) -> trading.account(a)));
        r.put("GET /api/v3/myTrades", new Route(20, Security.SIGNED, false, trading::myTrades));
        r.put("POST /api/v3/userDataStream", new Route(2, Security.API_KEY, false, (a, p) -> newListenKey(a)));
        r.put("PUT /api/v3/userDataStream", new Route(2, Security.API_KEY, false, this::keepListenKey));
        r.put("DELETE /api/v3/userDataStream", new Route(2, Security.API_KEY, false, this::closeListenKey));
        r.put("GET /sapi/v1/capital/config/getall", new Route(10, Security.SIGNED, false,
            (a, p) -> BinanceCoins.coins(exchange.allRules(), reportedBalances(a))));
        return r;
    }

    private final Map<String, Route> routes = routes();

    private CompletableFuture<HttpResponse> handleHttp(HttpRequest request) {
        Route route = routes.get(request.method() + " " + request.path());
        if (route == null) {
            return done(HttpResponse.json(404, BinanceJson.error(new BinanceError(404, -1, "Not found."))));
        }
        Map<String, String> params = new LinkedHashMap<>();
        request.params().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        String symbol = params.get("symbol");
        if (faults.active(FaultType.MAINTENANCE, symbol).isPresent()) {
            return done(error(BinanceError.MAINTENANCE, Map.of()));
        }
        long now = serverTimeMillis();
        long forcedRetry = faults.fire(FaultType.RATE_LIMIT_BURST, symbol).map(s -> s.param() > 0 ? s.param() : 1L).orElse(0L);
        BinanceLimits.Verdict verdict = limits.charge(route.weight(), route.order(), now, forcedRetry);
        Map<String, String> usage = new LinkedHashMap<>();
        usage.put("X-MBX-USED-WEIGHT-1M", String.valueOf(verdict.weight()));
        if (route.order()) {
            usage.put("X-MBX-ORDER-COUNT-10S", String.valueOf(verdict.orders10s()));
            usage.put("X-MBX-ORDER-COUNT-1D", String.valueOf(verdict.ordersDay()));
        }
        if (verdict.error() != null) {
            usage.put("Retry-After", String.valueOf(verdict.retryAfterSeconds()));
            return done(error(verdict.error(), usage));
        }
        String account;
        try {
            account = authenticate(route.security(), request, params, now);
        } catch (BinanceException e) {
            return done(error(e.error, usage));
        }
        boolean order = route.order();
        Optional<FaultSpec> unknown = order ? faults.fire(FaultType.UNKNOWN_OUTCOME, symbol) : Optional.empty();
        Optional<FaultSpec> timeout = order && unknown.isEmpty() ? faults.fire(FaultType.TIMEOUT_ORDER_PLACED, symbol) : Optional.empty();
        CompletableFuture<HttpResponse> answer = loop.call(() -> {
            try {
                Object result = route.handler().handle(account, params);
                if (result instanceof BinanceTrading.CancelReplace cr) {
                    return HttpResponse.json(cr.status(), cr.body().toString()).withHeaders(usage);
                }
                return HttpResponse.json(200, ((JsonNode) result).toString()).withHeaders(usage);
            } catch (BinanceException e) {
                return error(e.error, usage);
            }
        });
        if (unknown.isPresent()) {
            return answer.thenApply(ignored -> error(BinanceError.UNKNOWN_OUTCOME, usage));
        }
        if (timeout.isPresent()) {
            long holdMillis = Math.max(1, timeout.get().param());
            return answer.thenCompose(ignored -> {
                CompletableFuture<HttpResponse> dropped = new CompletableFuture<>();
                loop.schedule(() -> dropped.complete(HttpResponse.drop()), holdMillis);
                return dropped;
            });
        }
        return answer;
    }

    private static CompletableFuture<HttpResponse> done(HttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    private static HttpResponse error(BinanceError error, Map<String, String> headers) {
        return HttpResponse.json(error.httpStatus(), BinanceJson.error(error)).withHeaders(headers);
    }

    /** Checks the API key and, for SIGNED endpoints, timestamp, recvWindow and signature; returns the account. */
    private String authenticate(Security security, HttpRequest request, Map<String, String> params, long now) {
        if (security == Security.NONE) {
            return null;
        }
        String apiKey = request.header("X-MBX-APIKEY");
        if (apiKey == null || apiKey.isEmpty()) {
            throw new BinanceException(BinanceError.KEY_FORMAT);
        }
        BinanceApiKey key = keys.get(apiKey);
        if (key == null) {
            throw new BinanceException(BinanceError.INVALID_KEY);
        }
        if (security == Security.API_KEY) {
            return key.account();
        }
        checkTimestamp(params, now);
        String signature = params.get("signature");
        if (signature == null || signature.isEmpty()) {
            throw new BinanceException(BinanceError.mandatory("signature"));
        }
        String payload = signaturePayload(request.rawQuery(), request.body());
        if (!verify(key, payload, signature)) {
            throw new BinanceException(BinanceError.BAD_SIGNATURE);
        }
        return key.account();
    }

    private void checkTimestamp(Map<String, String> params, long now) {
        long timestamp = BinanceTrading.longParam(params, "timestamp");
        long recvWindow = 5000;
        if (params.get("recvWindow") != null) {
            recvWindow = BinanceTrading.longParam(params, "recvWindow");
            if (recvWindow > 60_000) {
                throw new BinanceException(BinanceError.BAD_RECV_WINDOW);
            }
        }
        if (timestamp >= now + 1000) {
            throw new BinanceException(BinanceError.AHEAD_OF_SERVER);
        }
        if (now - timestamp > recvWindow) {
            throw new BinanceException(BinanceError.OUTSIDE_RECV_WINDOW);
        }
    }

    private boolean verify(BinanceApiKey key, String payload, String signature) {
        if (key.isEd25519()) {
            return BinanceSignatures.verifyEd25519(edKeys.get(key.apiKey()), payload, signature);
        }
        return BinanceSignatures.verifyHmac(key.hmacSecret(), payload, signature);
    }

    /**
     * What a SIGNED request's signature covers: the query string as sent followed directly by the
     * form body, the {@code signature} parameter left out of either (it may travel in both places).
     */
    static String signaturePayload(String rawQuery, String body) {
        return withoutSignature(rawQuery) + withoutSignature(body);
    }

    /** The query string (or form body) as sent, minus its signature parameter. */
    static String withoutSignature(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String part : rawQuery.split("&")) {
            if (!part.startsWith("signature=")) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(part);
            }
        }
        return out.toString();
    }

    private ObjectNode exchangeInfo(Map<String, String> p) {
        ObjectNode node = BinanceJson.object().put("timezone", "UTC").put("serverTime", serverTimeMillis());
        ArrayNode rateLimits = node.putArray("rateLimits");
        rateLimits.addObject().put("rateLimitType", "REQUEST_WEIGHT").put("interval", "MINUTE").put("intervalNum", 1)
            .put("limit", config.weightPerMinute());
        rateLimits.addObject().put("rateLimitType", "ORDERS").put("interval", "SECOND").put("intervalNum", 10)
            .put("limit", config.ordersPer10s());
        rateLimits.addObject().put("rateLimitType", "ORDERS").put("interval", "DAY").put("intervalNum", 1)
            .put("limit", config.ordersPerDay());
        node.putArray("exchangeFilters");
        ArrayNode symbols = node.putArray("symbols");
        Set<String> wanted = new HashSet<>();
        if (p.get("symbol") != null) {
            wanted.add(p.get("symbol"));
        }
        if (p.get("symbols") != null) {
            for (JsonNode s : readJson(p.get("symbols"))) {
                wanted.add(s.asText());
            }
        }
        exchange.allRules().stream().filter(r -> wanted.isEmpty() || wanted.contains(r.symbol()))
            .forEach(r -> symbols.add(BinanceJson.symbolInfo(r)));
        if (!wanted.isEmpty() && symbols.isEmpty()) {
            throw new BinanceException(BinanceError.INVALID_SYMBOL);
        }
        node.putArray("sors");
        return node;
    }

    private static JsonNode readJson(String text) {
        try {
            return BinanceJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new BinanceException(BinanceError.badRequest(-1100, "Illegal characters found in parameter 'symbols'."));
        }
    }

    private ObjectNode depth(Map<String, String> p) {
        String symbol = BinanceTrading.required(p, "symbol");
        int limit = p.get("limit") == null ? 100 : (int) Math.min(5000, BinanceTrading.longParam(p, "limit"));
        return BinanceJson.depth(exchange.depth(symbol, limit).orElseThrow(() -> new BinanceException(BinanceError.INVALID_SYMBOL)));
    }

    private ObjectNode newListenKey(String account) {
        String key = "sim" + Long.toHexString(config.exchange().seed()) + "lk" + ids.incrementAndGet() + "x" + account.hashCode();
        listenKeys.put(key, account);
        return BinanceJson.object().put("listenKey", key);
    }

    private ObjectNode keepListenKey(String account, Map<String, String> p) {
        String key = BinanceTrading.required(p, "listenKey");
        if (!account.equals(listenKeys.get(key))) {
            throw new BinanceException(BinanceError.LISTEN_KEY);
        }
        return BinanceJson.object();
    }

    private ObjectNode closeListenKey(String account, Map<String, String> p) {
        keepListenKey(account, p);
        listenKeys.remove(p.get("listenKey"));
        return BinanceJson.object();
    }

    // ------------------------------------------------------------------ WebSocket

    private WebSocketHandler.WebSocketListener acceptWebSocket(HttpRequest upgrade, WebSocketSession session) {
        String path = upgrade.path();
        if (path.equals("/ws-api/v3")) {
            return new BinanceWsApi(this, session);
        }
        if (path.equals("/stream")) {
            String streamsParam = upgrade.param("streams");
            List<String> names = streamsParam == null ? List.of() : List.of(streamsParam.split("/"));
            return marketSession(session, names, true);
        }
        if (path.equals("/ws")) {
            return marketSession(session, List.of(), false);
        }
        if (path.startsWith("/ws/")) {
            List<String> names = List.of(path.substring(4).split("/"));
            if (names.size() == 1 && listenKeys.containsKey(names.get(0))) {
                return userStream(session, listenKeys.get(names.get(0)));
            }
            return marketSession(session, names, false);
        }
        return null;
    }

    private WebSocketHandler.WebSocketListener userStream(WebSocketSession session, String account) {
        BinanceStreams.UserSink sink = new BinanceStreams.UserSink() {
            @Override
            public void send(ObjectNode event) {
                session.send(event.toString());
            }

            @Override
            public boolean isOpen() {
                return session.isOpen();
            }
        };
        return new WebSocketHandler.WebSocketListener() {
            @Override
            public void onOpen() {
                streams.addUser(account, sink);
            }

            @Override
            public void onText(String text) {
                // user streams take no requests
            }

            @Override
            public void onClose() {
                streams.removeUser(account, sink);
            }
        };
    }

    private WebSocketHandler.WebSocketListener marketSession(WebSocketSession session, List<String> initial, boolean combined) {
        return new WebSocketHandler.WebSocketListener() {
            @Override
            public void onOpen() {
                initial.forEach(name -> streams.subscribe(name, session, combined));
            }

            @Override
            public void onText(String text) {
                JsonNode request;
                try {
                    request = BinanceJson.MAPPER.readTree(text);
                } catch (java.io.IOException e) {
                    session.send(BinanceJson.object().put("code", 3).put("msg", "Invalid JSON").toString());
                    return;
                }
                String method = request.path("method").asText();
                JsonNode id = request.get("id");
                ObjectNode answer = BinanceJson.object();
                switch (method) {
                    case "SUBSCRIBE" -> request.path("params").forEach(p -> streams.subscribe(p.asText(), session, combined));
                    case "UNSUBSCRIBE" -> request.path("params").forEach(p -> streams.unsubscribe(p.asText(), session));
                    case "LIST_SUBSCRIPTIONS" -> answer.putArray("result");
                    default -> {
                        session.send(BinanceJson.object().put("code", 2).put("msg", "Invalid request: unknown method").toString());
                        return;
                    }
                }
                if (!answer.has("result")) {
                    answer.putNull("result");
                }
                answer.set("id", id);
                session.send(answer.toString());
            }

            @Override
            public void onClose() {
                streams.unsubscribeAll(session);
            }
        };
    }

    // ------------------------------------------------------------------ WebSocket API support

    BinanceTrading trading() {
        return trading;
    }

    BinanceStreams streams() {
        return streams;
    }

    BinanceLimits limits() {
        return limits;
    }

    BinanceApiKey key(String apiKey) {
        return keys.get(apiKey);
    }

    PublicKey edKey(String apiKey) {
        return edKeys.get(apiKey);
    }

    void checkTimestampOf(Map<String, String> params) {
        checkTimestamp(params, serverTimeMillis());
    }

    boolean verifySignature(BinanceApiKey key, String payload, String signature) {
        return verify(key, payload, signature);
    }

    String newListenKeyFor(String account) {
        return newListenKey(account).get("listenKey").asText();
    }

    boolean listenKeyOf(String account, String listenKey) {
        return account.equals(listenKeys.get(listenKey));
    }

    void removeListenKey(String listenKey) {
        listenKeys.remove(listenKey);
    }

    ObjectNode exchangeInfoFor(Map<String, String> params) {
        return exchangeInfo(params);
    }

    ObjectNode depthFor(Map<String, String> params) {
        return depth(params);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("exchange loop did not answer in 30 s", e);
        }
    }
}
