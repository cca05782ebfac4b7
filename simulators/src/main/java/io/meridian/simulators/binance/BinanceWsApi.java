package io.meridian.simulators.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import io.meridian.simulators.net.WebSocketHandler;
import io.meridian.simulators.net.WebSocketSession;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One WebSocket API connection ({@code /ws-api/v3}): requests {@code {"id","method","params"}},
 * answers {@code {"id","status","result"|"error","rateLimits"}}; {@code session.logon} with an
 * Ed25519 key authenticates the session; {@code userDataStream.subscribe} then pushes the account's
 * events as {@code {"subscriptionId","event"}}.
 */
final class BinanceWsApi implements WebSocketHandler.WebSocketListener {
    private final BinanceSimulator venue;
    private final WebSocketSession session;
    private final long connectedSince;
    private final AtomicInteger subscriptionIds = new AtomicInteger();
    private volatile String account;
    private volatile String logonKey;
    private volatile long authorizedSince;
    /** Active user data subscriptions by id: the logged-on account's and any signed ones. */
    private final Map<Integer, Sink> subscriptions = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile BinanceLimits.Verdict usage;

    /** Request weights of the WebSocket API methods (Binance's documented values; 1 when not listed). */
    private static final Map<String, Integer> WEIGHTS = Map.ofEntries(Map.entry("session.logon", 2),
        Map.entry("exchangeInfo", 20), Map.entry("depth", 5), Map.entry("order.status", 4), Map.entry("openOrders.status", 6),
        Map.entry("allOrders", 20), Map.entry("myTrades", 20), Map.entry("account.status", 20),
        Map.entry("userDataStream.start", 2), Map.entry("userDataStream.ping", 2), Map.entry("userDataStream.subscribe", 2),
        Map.entry("userDataStream.subscribe.signature", 2), Map.entry("userDataStream.unsubscribe", 2),
        Map.entry("session.subscriptions", 2));

    BinanceWsApi(BinanceSimulator venue, WebSocketSession session) {
        this.venue = venue;
        this.session = session;
        this.connectedSince = venue.serverTimeMillis();
    }

    private final class Sink implements BinanceStreams.UserSink {
        final int id;
        final String owner;
        /** Opened by {@code userDataStream.subscribe} (closed by {@code session.logout}), not by a signature. */
        final boolean viaLogon;

        Sink(int id, String owner, boolean viaLogon) {
            this.id = id;
            this.owner = owner;
            this.viaLogon = viaLogon;
        }

        @Override
        public void send(ObjectNode event) {
            ObjectNode wrapped = BinanceJson.object().put("subscriptionId", id);
            wrapped.set("event", event);
            session.send(wrapped.toString());
        }

        @Override
        public boolean isOpen() {
            return session.isOpen();
        }
    }

    @Override
    public void onText(String text) {
        JsonNode request;
        try {
            request = BinanceJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            send(null, 400, null, BinanceError.badRequest(-1100, "Malformed request."));
            return;
        }
        JsonNode id = request.get("id");
        String method = request.path("method").asText("");
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : request.path("params").properties()) {
            params.put(field.getKey(), text(field.getValue()));
        }
        boolean order = method.equals("order.place") || method.equals("order.cancelReplace");
        long forcedRetry = venue.faults().fire(FaultType.RATE_LIMIT_BURST, params.get("symbol"))
            .map(spec -> spec.param() > 0 ? spec.param() : 1L).orElse(0L);
        long now = venue.serverTimeMillis();
        BinanceLimits.Verdict verdict = venue.limits().charge(WEIGHTS.getOrDefault(method, 1), order, now, forcedRetry);
        usage = verdict;
        if (verdict.error() != null) {
            ObjectNode answer = BinanceJson.object();
            answer.set("id", id);
            answer.put("status", verdict.error().httpStatus());
            answer.putObject("error").put("code", verdict.error().code()).put("msg", verdict.error().msg())
                .putObject("data").put("serverTime", now).put("retryAfter", now + verdict.retryAfterSeconds() * 1000);
            rateLimits(answer, verdict);
            session.send(answer.toString());
            return;
        }
        if (faults(id, method, params)) {
            return;
        }
        venue.loop().call(() -> {
            try {
                JsonNode result = dispatch(method, params);
                send(id, 200, result, null);
            } catch (BinanceException e) {
                send(id, e.error.httpStatus(), null, e.error);
            } catch (CancelReplaceFailed e) {
                ObjectNode body = BinanceJson.object();
                body.set("id", id);
                body.put("status", e.outcome.status());
                body.set("error", e.outcome.body());
                session.send(body.toString());
            }
            return null;
        });
    }

    /** Faults that answer instead of the venue; true if the request is consumed. */
    private boolean faults(JsonNode id, String method, Map<String, String> params) {
        String symbol = params.get("symbol");
        if (venue.faults().active(FaultType.MAINTENANCE, symbol).isPresent()) {
            // a parsed request is answered with its id, errors included
            send(id, BinanceError.MAINTENANCE.httpStatus(), null, BinanceError.MAINTENANCE);
            return true;
        }
        if (!method.equals("order.place")) {
            return false;
        }
        Optional<FaultSpec> unknown = venue.faults().fire(FaultType.UNKNOWN_OUTCOME, symbol);
        Optional<FaultSpec> timeout = unknown.isEmpty() ? venue.faults().fire(FaultType.TIMEOUT_ORDER_PLACED, symbol) : Optional.empty();
        if (unknown.isEmpty() && timeout.isEmpty()) {
            return false;
        }
        venue.loop().call(() -> {
            try {
                dispatch(method, params);
            } catch (BinanceException | CancelReplaceFailed e) {
                // the outcome stays unknown to the client either way
            }
            if (unknown.isPresent()) {
                send(null, BinanceError.UNKNOWN_OUTCOME.httpStatus(), null, BinanceError.UNKNOWN_OUTCOME);
            }
            return null;
        });
        return true;
    }

    @Override
    public void onClose() {
        subscriptions.values().forEach(this::close);
    }

    private void close(Sink sink) {
        if (subscriptions.remove(sink.id) != null) {
            venue.streams().removeUser(sink.owner, sink);
        }
    }

    private JsonNode dispatch(String method, Map<String, String> params) {
        BinanceTrading trading = venue.trading();
        return switch (method) {
            case "ping" -> BinanceJson.object();
            case "time" -> BinanceJson.object().put("serverTime", venue.serverTimeMillis());
            case "exchangeInfo" -> venue.exchangeInfoFor(params);
            case "depth" -> venue.depthFor(params);
            case "session.logon" -> logon(params);
            case "session.status" -> status();
            case "session.logout" -> {
                subscriptions.values().stream().filter(sink -> sink.viaLogon).forEach(this::close);
                account = null;
                logonKey = null;
                authorizedSince = 0;
                yield status();
            }
            case "userDataStream.subscribe" -> {
                if (account == null) {
                    throw new BinanceException(BinanceError.badRequest(-2015, "Invalid API-key, IP, or permissions for action."));
                }
                yield subscribe(account, true);
            }
            case "userDataStream.subscribe.signature" -> {
                String apiKey = BinanceTrading.required(params, "apiKey");
                BinanceApiKey key = venue.key(apiKey);
                if (key == null) {
                    throw new BinanceException(BinanceError.INVALID_KEY);
                }
                verify(key, params);
                yield subscribe(key.account(), false);
            }
            case "userDataStream.unsubscribe" -> {
                String id = params.get("subscriptionId");
                if (id == null) {
                    onClose();
                } else {
                    Sink sink = subscriptions.get((int) BinanceTrading.longParam(params, "subscriptionId"));
                    if (sink == null) {
                        throw new BinanceException(BinanceError.badRequest(-2036, "User Data Stream subscription not active."));
                    }
                    close(sink);
                }
                yield BinanceJson.object();
            }
            case "session.subscriptions" -> {
                var list = BinanceJson.MAPPER.createArrayNode();
                subscriptions.keySet().stream().sorted().forEach(id -> list.addObject().put("subscriptionId", id));
                yield list;
            }
            case "userDataStream.start" -> BinanceJson.object().put("listenKey", venue.newListenKeyFor(apiKeyAccount(params)));
            case "userDataStream.ping" -> {
                String owner = apiKeyAccount(params);
                if (!venue.listenKeyOf(owner, BinanceTrading.required(params, "listenKey"))) {
                    throw new BinanceException(BinanceError.LISTEN_KEY);
                }
                yield BinanceJson.object();
            }
            case "userDataStream.stop" -> {
                String owner = apiKeyAccount(params);
                String key = BinanceTrading.required(params, "listenKey");
                if (!venue.listenKeyOf(owner, key)) {
                    throw new BinanceException(BinanceError.LISTEN_KEY);
                }
                venue.removeListenKey(key);
                yield BinanceJson.object();
            }
            case "order.place" -> trading.place(signed(params), params);
            case "order.test" -> trading.test(signed(params), params);
            case "order.status" -> trading.query(signed(params), params);
            case "order.cancel" -> trading.cancel(signed(params), params);
            case "order.cancelReplace" -> {
                BinanceTrading.CancelReplace outcome = trading.cancelReplace(signed(params), params);
                if (outcome.status() != 200) {
                    throw new CancelReplaceFailed(outcome);
                }
                yield outcome.body();
            }
            case "openOrders.status" -> trading.openOrders(signed(params), params);
            case "openOrders.cancelAll" -> trading.cancelAll(signed(params), params);
            case "allOrders" -> trading.allOrders(signed(params), params);
            case "myTrades" -> trading.myTrades(signed(params), params);
            case "account.status" -> trading.account(signed(params));
            default -> throw new BinanceException(BinanceError.badRequest(-1100, "Unknown method '" + method + "'."));
        };
    }

    private JsonNode logon(Map<String, String> params) {
        String apiKey = BinanceTrading.required(params, "apiKey");
        BinanceApiKey key = venue.key(apiKey);
        if (key == null) {
            throw new BinanceException(BinanceError.INVALID_KEY);
        }
        if (!key.isEd25519()) {
            throw new BinanceException(BinanceError.badRequest(-4056, "HMAC_SHA256 API key is not supported."));
        }
        verify(key, params);
        account = key.account();
        logonKey = apiKey;
        authorizedSince = venue.serverTimeMillis();
        return status();
    }

    private ObjectNode status() {
        ObjectNode result = BinanceJson.object();
        if (logonKey == null) {
            result.putNull("apiKey");
            result.putNull("authorizedSince");
        } else {
            result.put("apiKey", logonKey).put("authorizedSince", authorizedSince);
        }
        result.put("connectedSince", connectedSince).put("returnRateLimits", true).put("serverTime", venue.serverTimeMillis())
            .put("userDataStream", !subscriptions.isEmpty());
        return result;
    }

    /** One subscription per account and connection, as Binance allows. */
    private JsonNode subscribe(String owner, boolean viaLogon) {
        for (Sink active : subscriptions.values()) {
            if (active.owner.equals(owner)) {
                throw new BinanceException(BinanceError.badRequest(-2035, "User Data Stream subscription already active."));
            }
        }
        Sink sink = new Sink(subscriptionIds.getAndIncrement(), owner, viaLogon);
        subscriptions.put(sink.id, sink);
        venue.streams().addUser(owner, sink);
        return BinanceJson.object().put("subscriptionId", sink.id);
    }

    /** The account of a request that needs only an API key (the session's when logged on). */
    private String apiKeyAccount(Map<String, String> params) {
        String apiKey = params.get("apiKey");
        if (apiKey == null) {
            if (account != null) {
                return account;
            }
            throw new BinanceException(BinanceError.mandatory("apiKey"));
        }
        BinanceApiKey key = venue.key(apiKey);
        if (key == null) {
            throw new BinanceException(BinanceError.INVALID_KEY);
        }
        return key.account();
    }

    /** The account of a SIGNED request: the logged-on session's, or the signer's. */
    private String signed(Map<String, String> params) {
        if (params.get("signature") == null && account != null) {
            return account;
        }
        String apiKey = BinanceTrading.required(params, "apiKey");
        BinanceApiKey key = venue.key(apiKey);
        if (key == null) {
            throw new BinanceException(BinanceError.INVALID_KEY);
        }
        verify(key, params);
        return key.account();
    }

    private void verify(BinanceApiKey key, Map<String, String> params) {
        venue.checkTimestampOf(params);
        String signature = BinanceTrading.required(params, "signature");
        TreeMap<String, String> sorted = new TreeMap<>(params);
        sorted.remove("signature");
        StringBuilder encoded = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        sorted.forEach((k, v) -> {
            if (encoded.length() > 0) {
                encoded.append('&');
                plain.append('&');
            }
            encoded.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            plain.append(k).append('=').append(v);
        });
        if (!venue.verifySignature(key, encoded.toString(), signature) && !venue.verifySignature(key, plain.toString(), signature)) {
            throw new BinanceException(BinanceError.BAD_SIGNATURE);
        }
    }

    private void send(JsonNode id, int status, JsonNode result, BinanceError error) {
        ObjectNode answer = BinanceJson.object();
        answer.set("id", id);
        answer.put("status", status);
        if (error == null) {
            answer.set("result", result);
        } else {
            answer.putObject("error").put("code", error.code()).put("msg", error.msg());
        }
        rateLimits(answer, usage);
        session.send(answer.toString());
    }

    /** The usage counters after this request, as Binance returns them in every answer. */
    private void rateLimits(ObjectNode answer, BinanceLimits.Verdict verdict) {
        var limits = answer.putArray("rateLimits");
        limits.addObject().put("rateLimitType", "REQUEST_WEIGHT").put("interval", "MINUTE")
            .put("intervalNum", 1).put("limit", venue.config().weightPerMinute()).put("count", verdict == null ? 0 : verdict.weight());
        if (verdict != null && verdict.orders10s() > 0) {
            limits.addObject().put("rateLimitType", "ORDERS").put("interval", "SECOND").put("intervalNum", 10)
                .put("limit", venue.config().ordersPer10s()).put("count", verdict.orders10s());
            limits.addObject().put("rateLimitType", "ORDERS").put("interval", "DAY").put("intervalNum", 1)
                .put("limit", venue.config().ordersPerDay()).put("count", verdict.ordersDay());
        }
    }

    /** JSON parameter values as the signer's query string has them (numbers without exponent or trailing zeros). */
    private static String text(JsonNode value) {
        if (value.isFloatingPointNumber()) {
            BigDecimal decimal = value.decimalValue().stripTrailingZeros();
            return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
        }
        if (value.isContainerNode()) {
            return value.toString();
        }
        return value.asText();
    }

    /** A cancel-replace that did not fully succeed: answered with its status and {code, msg, data}. */
    private static final class CancelReplaceFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient BinanceTrading.CancelReplace outcome;

        CancelReplaceFailed(BinanceTrading.CancelReplace outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
