package io.meridian.venues.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import io.meridian.venues.view.VenueView;
import io.meridian.venues.view.ViewRequest;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.EpochNanoClock;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Binance spot. Orders over the WebSocket API ({@code order.place}, {@code order.cancel},
 * {@code order.cancelReplace}, {@code order.status}), signed per request with an HMAC key or once by
 * {@code session.logon} with an Ed25519 key; user data by {@code userDataStream.subscribe} on the same
 * connection (a listenKey stream when the venue refuses it); REST {@code /api/v3} when the WebSocket is
 * down, for catch-up ({@code order}, {@code myTrades}), server time and exchangeInfo filters.
 */
public final class BinanceSpotBridge extends CryptoVenueBridge
{
    private static final long PING_INTERVAL_MS = 2_000;
    private static final long TIME_SYNC_INTERVAL_MS = 30_000;
    private static final long FILTER_REFRESH_MS = 300_000;
    private static final long LISTEN_KEY_KEEPALIVE_MS = 30 * 60_000;
    /** Binance's documented request weights of what a reconciliation view asks */
    private static final long OPEN_ORDERS_WEIGHT = 6;
    private static final long MY_TRADES_WEIGHT = 20;
    private static final long ACCOUNT_WEIGHT = 20;
    private static final long ORDER_WEIGHT = 4;
    private static final int MAX_ORDERS_NAMED = 50;
    private static final int MY_TRADES_LIMIT = 1000;
    private static final int MAX_TRADE_PAGES = 10;

    private enum Kind
    {
        PLACE, CANCEL, REPLACE, STATUS, STATUS_OF_REPLACE, TIME, LOGON, SUBSCRIBE, LISTEN_KEY
    }

    /** A WebSocket API request waiting for its answer. */
    private record Pending(Kind kind, TrackedOrder order, long deadlineMs, long sentMs)
    {
    }

    private long lastRecvWindowResyncMs = Long.MIN_VALUE / 2;
    private final BinanceSigner signer;
    /** reconciliation views sign on their own threads, with their own signer (a Mac is not thread safe) */
    private final BinanceSigner viewSigner;
    private final Backoff backoff;
    private final Map<String, Pending> pending = new HashMap<>();
    private final VenueWebSocket.Handler apiHandler = new ApiHandler();
    private final VenueWebSocket.Handler userHandler = new UserStreamHandler();
    private VenueWebSocket api;
    private VenueWebSocket userSocket;
    private boolean apiReady;
    private boolean userLive;
    private boolean userViaApi;
    private boolean restUp;
    private boolean started;
    private long nextConnectMs;
    private long nextUserConnectMs;
    private long nextPingMs;
    private long nextTimeSyncMs;
    private long nextFilterRefreshMs;
    private long nextListenKeyKeepAliveMs;
    private String listenKey;
    private long requestIds;
    private volatile long clockOffsetMs;
    private long ordersUsedAtMs;

    public BinanceSpotBridge(final CryptoVenueConfig config, final EpochClock clock, final EpochNanoClock nanoClock)
    {
        super(config, clock, nanoClock);
        this.signer = new BinanceSigner(config.credentials());
        this.viewSigner = new BinanceSigner(config.credentials());
        this.backoff = new Backoff(config.reconnectMinMs(), config.reconnectMaxMs());
    }

    /** Binance takes our ClOrdIDs as they are: {@code ^[.A-Z:/a-z0-9_-]{1,36}$}. */
    protected String venueClOrdId(final String clOrdId)
    {
        return clOrdId;
    }

    protected MarketDataFeed newMarketData(
        final io.meridian.oms.api.TopOfBookTable tops, final io.meridian.oms.api.DepthTable depth,
        final List<BookInstrument> instruments, final java.util.function.Consumer<String> status)
    {
        return new BinanceMarketData(config, http, this::post, clock, metrics, tops, depth, instruments, json.getFactory(),
            status);
    }

    // ------------------------------------------------------------------ connections and timers

    protected int poll(final long nowMs)
    {
        int work = 0;
        if (!started)
        {
            started = true;
            syncTimeRest();
            refreshFilters();
            nextTimeSyncMs = nowMs + TIME_SYNC_INTERVAL_MS;
            nextFilterRefreshMs = nowMs + FILTER_REFRESH_MS;
            work++;
        }
        if (api == null && config.orderWsUrl() != null && nowMs >= nextConnectMs)
        {
            api = new VenueWebSocket("ws-api", this::post, apiHandler);
            api.connect(http, config.orderWsUrl(), config.requestTimeoutMs());
            work++;
        }
        if (!userViaApi && listenKey != null && userSocket == null && nowMs >= nextUserConnectMs)
        {
            userSocket = new VenueWebSocket("user-stream", this::post, userHandler);
            userSocket.connect(http, config.streamWsUrl() + "/ws/" + listenKey, config.requestTimeoutMs());
            work++;
        }
        if (!pending.isEmpty())
        {
            work += expireRequests(nowMs);
        }
        if (nowMs >= nextPingMs)
        {
            nextPingMs = nowMs + PING_INTERVAL_MS;
            if (api != null)
            {
                api.ping();
            }
            if (userSocket != null)
            {
                userSocket.ping();
            }
        }
        if (nowMs >= nextTimeSyncMs)
        {
            nextTimeSyncMs = nowMs + TIME_SYNC_INTERVAL_MS;
            syncTimeRest();
        }
        if (nowMs >= nextFilterRefreshMs)
        {
            nextFilterRefreshMs = nowMs + FILTER_REFRESH_MS;
            refreshFilters();
        }
        if (listenKey != null && nowMs >= nextListenKeyKeepAliveMs)
        {
            nextListenKeyKeepAliveMs = nowMs + LISTEN_KEY_KEEPALIVE_MS;
            rest("PUT", "/api/v3/userDataStream", "listenKey=" + listenKey, false, null, (status, body, headers) -> { });
        }
        return work;
    }

    private int expireRequests(final long nowMs)
    {
        int work = 0;
        List<Pending> expired = null;
        for (final Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator(); it.hasNext(); )
        {
            final Pending p = it.next().getValue();
            if (nowMs >= p.deadlineMs())
            {
                it.remove();
                if (expired == null)
                {
                    expired = new ArrayList<>();
                }
                expired.add(p);
            }
        }
        if (expired != null)
        {
            for (final Pending p : expired)
            {
                lost(p, "no answer in " + config.requestTimeoutMs() + " ms");
                work++;
            }
        }
        return work;
    }

    /** The answer to a request will never come: what was asked may or may not have happened. */
    private void lost(final Pending p, final String why)
    {
        final TrackedOrder t = p.order();
        switch (p.kind())
        {
            case PLACE -> outcomeUnknown(t, why);
            case CANCEL, REPLACE -> queryStatus(t);
            case LOGON, SUBSCRIBE ->
            {
                if (api != null)
                {
                    api.abort(p.kind() + " " + why);
                }
            }
            default ->
            {
            }
        }
    }

    private void updateConnected()
    {
        orderChannel = apiReady ? "websocket" : restUp ? "rest" : "down";
        userStream = userLive ? (userViaApi ? "subscribed" : "listen-key") : "down";
        connected(!filters.isEmpty() && (apiReady || restUp));
    }

    private final class ApiHandler implements VenueWebSocket.Handler
    {
        public void onOpen(final VenueWebSocket socket)
        {
            if (socket != api)
            {
                return;
            }
            LOG.info("event=crypto_ws_open venue={} socket=ws-api", config.name());
            backoff.reset();
            send(Kind.TIME, null, "time", json.createObjectNode(), false);
            if (config.credentials().isEd25519())
            {
                final ObjectNode params = json.createObjectNode();
                params.put("apiKey", config.credentials().apiKey());
                send(Kind.LOGON, null, "session.logon", params, true);
            }
            else
            {
                apiReady = true;
                subscribeUserData();
            }
            updateConnected();
        }

        public void onText(final VenueWebSocket socket, final String text)
        {
            if (socket == api)
            {
                onApiMessage(text);
            }
        }

        public void onClosed(final VenueWebSocket socket, final String reason)
        {
            if (socket != api)
            {
                return;
            }
            LOG.warn("event=crypto_ws_closed venue={} socket=ws-api reason=\"{}\"", config.name(), reason);
            api = null;
            apiReady = false;
            if (userViaApi)
            {
                userLive = false;
                userViaApi = false;
            }
            nextConnectMs = clock.time() + backoff.nextDelayMs();
            final List<Pending> inFlight = new ArrayList<>(pending.values());
            pending.clear();
            for (final Pending p : inFlight)
            {
                lost(p, "connection dropped with the request in flight: " + reason);
            }
            updateConnected();
            // counted after the state is published: a reader that sees the count sees the channel down
            metrics.reconnects.incrementAndGet();
        }
    }

    private final class UserStreamHandler implements VenueWebSocket.Handler
    {
        public void onOpen(final VenueWebSocket socket)
        {
            if (socket != userSocket)
            {
                return;
            }
            LOG.info("event=crypto_ws_open venue={} socket=user-stream", config.name());
            userLive = true;
            updateConnected();
            catchUpAll();
        }

        public void onText(final VenueWebSocket socket, final String text)
        {
            if (socket != userSocket)
            {
                return;
            }
            try
            {
                onUserEvent(json.readTree(text));
            }
            catch (final Exception e)
            {
                metrics.unusableMessages.incrementAndGet();
                LOG.error("event=crypto_unusable_message venue={} error=\"{}\"", config.name(), e.toString());
            }
        }

        public void onClosed(final VenueWebSocket socket, final String reason)
        {
            if (socket != userSocket)
            {
                return;
            }
            LOG.warn("event=crypto_ws_closed venue={} socket=user-stream reason=\"{}\"", config.name(), reason);
            userSocket = null;
            userLive = false;
            metrics.reconnects.incrementAndGet();
            nextUserConnectMs = clock.time() + backoff.nextDelayMs();
            // the listenKey may have expired with the connection: ask for one again
            listenKey = null;
            requestListenKey();
            updateConnected();
        }
    }

    private void subscribeUserData()
    {
        if (config.credentials().isEd25519())
        {
            send(Kind.SUBSCRIBE, null, "userDataStream.subscribe", json.createObjectNode(), false);
        }
        else
        {
            final ObjectNode params = json.createObjectNode();
            params.put("apiKey", config.credentials().apiKey());
            send(Kind.SUBSCRIBE, null, "userDataStream.subscribe.signature", params, true);
        }
    }

    private void requestListenKey()
    {
        rest("POST", "/api/v3/userDataStream", "", false, null, (status, body, headers) ->
        {
            if (status == 200 && body.hasNonNull("listenKey"))
            {
                listenKey = body.get("listenKey").asText();
                nextListenKeyKeepAliveMs = clock.time() + LISTEN_KEY_KEEPALIVE_MS;
            }
            else
            {
                LOG.warn("event=crypto_listen_key_failed venue={} status={}", config.name(), status);
                nextUserConnectMs = clock.time() + backoff.nextDelayMs();
                post(() -> { });
            }
        });
    }

    // ------------------------------------------------------------------ orders

    protected void sendNew(final TrackedOrder t, final long nowMs)
    {
        final Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", t.venueSymbol);
        params.put("side", t.side == Side.BUY ? "BUY" : "SELL");
        orderParams(params, t.ordType, t.timeInForce, t.postOnly, t.qty, t.qtyScale, t.price, t.priceScale);
        params.put("newClientOrderId", t.venueClOrdId);
        params.put("newOrderRespType", "FULL");
        if (apiReady)
        {
            send(Kind.PLACE, t, "order.place", toNode(params), !config.credentials().isEd25519() || !loggedOn());
        }
        else
        {
            metrics.ordersSentRest.incrementAndGet();
            restSigned("POST", "/api/v3/order", params, Kind.PLACE, t);
        }
    }

    private static void orderParams(
        final Map<String, String> params, final OrdType ordType, final TimeInForce tif, final boolean postOnly,
        final long qty, final int qtyScale, final long price, final int priceScale)
    {
        if (ordType == OrdType.MARKET)
        {
            params.put("type", "MARKET");
        }
        else if (postOnly)
        {
            // rejected by the venue if it would take liquidity; LIMIT_MAKER takes no timeInForce
            params.put("type", "LIMIT_MAKER");
            params.put("price", Decimals.format(price, priceScale));
        }
        else
        {
            params.put("type", "LIMIT");
            params.put("timeInForce", tif == TimeInForce.IOC ? "IOC" : tif == TimeInForce.FOK ? "FOK" : "GTC");
            params.put("price", Decimals.format(price, priceScale));
        }
        params.put("quantity", Decimals.format(qty, qtyScale));
    }

    protected void sendCancel(final TrackedOrder t, final String cancelClOrdId, final long nowMs)
    {
        final Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", t.venueSymbol);
        params.put("origClientOrderId", t.venueClOrdId);
        params.put("newClientOrderId", cancelClOrdId);
        if (apiReady)
        {
            send(Kind.CANCEL, t, "order.cancel", toNode(params), !loggedOn());
        }
        else
        {
            restSigned("DELETE", "/api/v3/order", params, Kind.CANCEL, t);
        }
    }

    protected void sendReplace(final TrackedOrder t, final long nowMs)
    {
        final Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", t.venueSymbol);
        params.put("side", t.side == Side.BUY ? "BUY" : "SELL");
        // Binance replaces by cancelling and placing a new order for what is left
        orderParams(params, t.pendingOrdType, t.pendingTimeInForce, t.postOnly, t.pendingQty - t.cumQty, t.qtyScale,
            t.pendingPrice, t.priceScale);
        params.put("cancelReplaceMode", "STOP_ON_FAILURE");
        params.put("cancelOrigClientOrderId", t.venueClOrdId);
        params.put("newClientOrderId", t.pendingReplaceVenueClOrdId);
        params.put("newOrderRespType", "FULL");
        if (apiReady)
        {
            send(Kind.REPLACE, t, "order.cancelReplace", toNode(params), !loggedOn());
        }
        else
        {
            restSigned("POST", "/api/v3/order/cancelReplace", params, Kind.REPLACE, t);
        }
    }

    /**
     * {@code order.status} (REST {@code GET /api/v3/order}) by client order id. With a replace not answered,
     * the replace's new order first: found, the replace was done; not found, the current order tells.
     */
    protected void queryStatus(final TrackedOrder t)
    {
        if (t.pendingReplaceVenueClOrdId != null)
        {
            queryStatus(t, t.pendingReplaceVenueClOrdId, Kind.STATUS_OF_REPLACE);
        }
        else
        {
            queryStatus(t, t.venueClOrdId, Kind.STATUS);
        }
    }

    private void queryStatus(final TrackedOrder t, final String venueClOrdId, final Kind kind)
    {
        final Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", t.venueSymbol);
        params.put("origClientOrderId", venueClOrdId);
        if (apiReady)
        {
            send(kind, t, "order.status", toNode(params), !loggedOn());
        }
        else
        {
            restSigned("GET", "/api/v3/order", params, kind, t);
        }
    }

    /** {@code order.status} weighs 4: 50 a second is 12,000 a minute, and the weight check below stops them first. */
    @Override
    protected int statusQueriesPerSecond()
    {
        return 50;
    }

    /** Binance's weight per minute: status queries stop at 80%, new orders at 90%, so both keep a share. */
    @Override
    protected String queryBudgetExhausted(final long nowMs)
    {
        final String blocked = super.queryBudgetExhausted(nowMs);
        if (blocked != null)
        {
            return blocked;
        }
        final long weightLimit = metrics.rateLimitLimit;
        return weightLimit > 0 && metrics.rateLimitUsed >= weightLimit * 8 / 10 ?
            "request weight " + metrics.rateLimitUsed + "/" + weightLimit + " per minute" : null;
    }

    protected void fetchFills(final TrackedOrder t)
    {
        if (t.venueOrderId.isEmpty())
        {
            queryStatus(t);
            return;
        }
        final Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", t.venueSymbol);
        params.put("orderId", t.venueOrderId);
        rest("GET", "/api/v3/myTrades", signedQuery(params), true, null, (status, body, headers) ->
        {
            if (status == 200 && body.isArray())
            {
                for (final JsonNode trade : body)
                {
                    final String orderId = trade.path("orderId").asText();
                    final TrackedOrder owner = byVenueOrderId.getOrDefault(orderId, t);
                    fill(owner, trade.path("id").asText(), Decimals.parse(trade.path("qty").asText(), owner.qtyScale),
                        Decimals.parse(trade.path("price").asText(), owner.priceScale), trade.path("time").asLong(),
                        decimal(trade.path("commission")), trade.path("commissionAsset").asText(""));
                }
            }
        });
    }

    private boolean loggedOn()
    {
        return config.credentials().isEd25519();
    }

    // ------------------------------------------------------------------ WebSocket API

    private void send(final Kind kind, final TrackedOrder t, final String method, final ObjectNode params, final boolean sign)
    {
        final long nowMs = clock.time();
        if (sign)
        {
            if (!params.has("apiKey"))
            {
                params.put("apiKey", config.credentials().apiKey());
            }
            params.put("recvWindow", config.recvWindowMs());
            params.put("timestamp", nowMs + clockOffsetMs);
            final TreeMap<String, String> sorted = new TreeMap<>();
            params.properties().forEach(entry -> sorted.put(entry.getKey(), entry.getValue().asText()));
            params.put("signature", signer.sign(join(sorted, false)));
        }
        final String id = "m" + (++requestIds);
        final ObjectNode request = json.createObjectNode();
        request.put("id", id);
        request.put("method", method);
        if (!params.isEmpty())
        {
            request.set("params", params);
        }
        final String text = request.toString();
        if (api == null || !(kind == Kind.PLACE ? sendNewOrderRequest(api, text) : api.send(text)))
        {
            lost(new Pending(kind, t, nowMs, nowMs), "WebSocket API not open");
            return;
        }
        pending.put(id, new Pending(kind, t, nowMs + config.requestTimeoutMs(), nowMs));
    }

    private void onApiMessage(final String text)
    {
        final JsonNode message;
        try
        {
            message = json.readTree(text);
        }
        catch (final Exception e)
        {
            metrics.unusableMessages.incrementAndGet();
            return;
        }
        if (message.has("event"))
        {
            onUserEvent(message.get("event"));
            return;
        }
        rateLimits(message.path("rateLimits"));
        final JsonNode idNode = message.get("id");
        final Pending p = idNode == null || idNode.isNull() ? null : pending.remove(idNode.asText());
        final int status = message.path("status").asInt();
        if (p == null)
        {
            // an answer we cannot match (no id): what it answered times out and is settled by query
            if (status != 200)
            {
                LOG.warn("event=crypto_unmatched_answer venue={} status={} error={}", config.name(), status,
                    message.path("error"));
            }
            return;
        }
        final JsonNode error = message.path("error");
        if (status == 429 || status == 418)
        {
            final long retryAt = error.path("data").path("retryAfter").asLong(clock.time() + 1_000);
            blocked(retryAt, "HTTP " + status + " " + error.path("code").asInt());
        }
        onAnswer(p, status, status == 200 ? message.path("result") : error);
    }

    private void onAnswer(final Pending p, final int status, final JsonNode body)
    {
        final TrackedOrder t = p.order();
        final int code = status == 200 ? 0 : body.path("code").asInt();
        final String error = status == 200 ? null : config.name() + " " + code + ": " + body.path("msg").asText();
        switch (p.kind())
        {
            case TIME ->
            {
                if (status == 200)
                {
                    offset(body.path("serverTime").asLong(), p.sentMs(), clock.time());
                }
            }
            case LOGON ->
            {
                if (status == 200)
                {
                    apiReady = true;
                    subscribeUserData();
                    updateConnected();
                }
                else
                {
                    LOG.error("event=crypto_logon_failed venue={} error=\"{}\"", config.name(), error);
                    if (api != null)
                    {
                        api.abort("logon refused");
                    }
                }
            }
            case SUBSCRIBE ->
            {
                if (status == 200)
                {
                    userLive = true;
                    userViaApi = true;
                    updateConnected();
                    catchUpAll();
                }
                else if (listenKey == null)
                {
                    // no user data on the WebSocket API for this key: the listenKey stream
                    LOG.info("event=crypto_user_stream_fallback venue={} error=\"{}\"", config.name(), error);
                    requestListenKey();
                }
            }
            case PLACE -> placeAnswered(t, status, code, body, error, p);
            case CANCEL -> cancelAnswered(t, status, code, body, error);
            case REPLACE -> replaceAnswered(t, status, code, body, error);
            case STATUS -> statusAnswered(t, status, code, body, error);
            case STATUS_OF_REPLACE ->
            {
                if (code == -2013 && t.pendingReplaceVenueClOrdId != null)
                {
                    queryStatus(t, t.venueClOrdId, Kind.STATUS);
                }
                else
                {
                    statusAnswered(t, status, code, body, error);
                }
            }
            default ->
            {
            }
        }
    }

    private static boolean unknownOutcome(final int status, final int code)
    {
        return status >= 500 || code == -1007 || code == -1006;
    }

    private void placeAnswered(
        final TrackedOrder t, final int status, final int code, final JsonNode body, final String error, final Pending p)
    {
        if (status == 200)
        {
            acknowledged(t, body.path("orderId").asText());
            fills(t, body.path("fills"), body.path("transactTime").asLong());
            final String orderStatus = body.path("status").asText();
            legStatus(t, orderStatus, Decimals.parse(body.path("executedQty").asText(), t.qtyScale), null);
            return;
        }
        if (unknownOutcome(status, code))
        {
            outcomeUnknown(t, error);
            return;
        }
        if (code == -1021 && !t.skewRetried)
        {
            // outside recvWindow: not executed; correct the clock and send once more
            t.skewRetried = true;
            metrics.clockResyncs.incrementAndGet();
            syncTimeRest(() -> sendNew(t, clock.time()));
            return;
        }
        venueRejected(t, error);
    }

    private void cancelAnswered(
        final TrackedOrder t, final int status, final int code, final JsonNode body, final String error)
    {
        if (status == 200)
        {
            registerVenueOrderId(t, body.path("orderId").asText());
            legEnded(t, ExecType.CANCELED, Decimals.parse(body.path("executedQty").asText(), t.qtyScale), null);
        }
        else if (unknownOutcome(status, code))
        {
            queryStatus(t);
        }
        else
        {
            if (code == -1021)
            {
                resyncClockAfterRecvWindowError();
            }
            pendingRefused(t, false, code, error);
        }
    }

    private void replaceAnswered(
        final TrackedOrder t, final int status, final int code, final JsonNode body, final String error)
    {
        if (status == 200)
        {
            final JsonNode newOrder = body.path("newOrderResponse");
            replaced(t, newOrder.path("orderId").asText(), true);
            fills(t, newOrder.path("fills"), newOrder.path("transactTime").asLong());
            legStatus(t, newOrder.path("status").asText(), Decimals.parse(newOrder.path("executedQty").asText(), t.qtyScale),
                null);
            return;
        }
        if (unknownOutcome(status, code))
        {
            queryStatus(t);
            return;
        }
        final JsonNode data = body.path("data");
        pendingRefused(t, true, code, error);
        if ("SUCCESS".equals(data.path("cancelResult").asText()))
        {
            // the old order is gone and the new one failed: the order is over
            final JsonNode cancel = data.path("cancelResponse");
            legEnded(t, ExecType.CANCELED, Decimals.parse(cancel.path("executedQty").asText(), t.qtyScale),
                "replace failed after the cancel: " + error);
        }
    }

    private void statusAnswered(
        final TrackedOrder t, final int status, final int code, final JsonNode body, final String error)
    {
        if (code == -1021)
        {
            // our clock is off from the venue's (it stepped, or the venue's did): every signed request fails
            // until it is corrected, so correct it; the next scheduled query goes out with the new offset
            resyncClockAfterRecvWindowError();
            return;
        }
        if (status == 200)
        {
            final String clientOrderId = body.path("clientOrderId").asText();
            if (t.pendingReplaceVenueClOrdId != null && t.pendingReplaceVenueClOrdId.equals(clientOrderId))
            {
                replaced(t, body.path("orderId").asText(), true);
            }
            else
            {
                registerVenueOrderId(t, body.path("orderId").asText());
            }
            final String orderStatus = body.path("status").asText();
            final long executed = Decimals.parse(body.path("executedQty").asText(), t.qtyScale);
            if (t.takenOver)
            {
                // an earlier process's order: its quantity is the venue's (a cancelReplace leg holds what was left)
                t.qty = t.legCumBase + Decimals.parse(body.path("origQty").asText(), t.qtyScale);
            }
            if (!"REJECTED".equals(orderStatus))
            {
                acknowledged(t, body.path("orderId").asText());
            }
            if (executed > t.cumQty - t.legCumBase)
            {
                fetchFills(t);
            }
            if ("NEW".equals(orderStatus) || "PARTIALLY_FILLED".equals(orderStatus))
            {
                if (t.pendingCancelClOrdId != null && !hasPending(t, Kind.CANCEL))
                {
                    pendingRefused(t, false, 0, config.name() + " cancel not done: the order is still working");
                }
                if (t.pendingReplaceClOrdId != null && !hasPending(t, Kind.REPLACE))
                {
                    pendingRefused(t, true, 0, config.name() + " replace not done: the order is still working");
                }
            }
            legStatus(t, orderStatus, executed, null);
            venueStatus(t, OrdStatus.fromFix(ordStatus(orderStatus)), executed,
                averagePrice(body.path("cummulativeQuoteQty"), body.path("executedQty"), t.priceScale));
        }
        else if (code == -2013)
        {
            notFoundAtVenue(t, "order not found (" + error + ")");
        }
    }

    private boolean hasPending(final TrackedOrder t, final Kind kind)
    {
        for (final Pending p : pending.values())
        {
            if (p.order() == t && p.kind() == kind)
            {
                return true;
            }
        }
        return false;
    }

    /** The leg's status in an answer: terminal ones end the order once their fills are in. */
    private void legStatus(final TrackedOrder t, final String orderStatus, final long executed, final String text)
    {
        switch (orderStatus)
        {
            case "CANCELED" -> legEnded(t, ExecType.CANCELED, executed, text);
            case "EXPIRED", "EXPIRED_IN_MATCH" -> legEnded(t, ExecType.EXPIRED, executed, text);
            case "REJECTED" -> legEnded(t, ExecType.REJECTED, executed, text);
            default ->
            {
            }
        }
    }

    private void fills(final TrackedOrder t, final JsonNode fills, final long timeMs)
    {
        for (final JsonNode f : fills)
        {
            if (f.hasNonNull("tradeId"))
            {
                fill(t, f.get("tradeId").asText(), Decimals.parse(f.path("qty").asText(), t.qtyScale),
                    Decimals.parse(f.path("price").asText(), t.priceScale), timeMs, decimal(f.path("commission")),
                    f.path("commissionAsset").asText(""));
            }
        }
    }

    // ------------------------------------------------------------------ user data

    private void onUserEvent(final JsonNode event)
    {
        final String type = event.path("e").asText();
        if ("outboundAccountPosition".equals(type))
        {
            accountPosition(event);
            return;
        }
        if (!"executionReport".equals(type))
        {
            return;
        }
        final String c = event.path("c").asText();
        final String origC = event.path("C").asText();
        final String orderId = event.path("i").asText();
        final String x = event.path("x").asText();
        TrackedOrder t = origC.isEmpty() ? null : byClOrdId.get(origC);
        if (t == null)
        {
            t = byClOrdId.get(c);
        }
        if (t == null)
        {
            t = byVenueOrderId.get(orderId);
        }
        if (t == null)
        {
            if ("TRADE".equals(x))
            {
                unknownOrderFill(event.path("s").asText(), event.path("t").asText(), event.path("s").asText() + " " + event.path("S").asText() +
                    " " + event.path("l").asText() + "@" + event.path("L").asText() + " orderId=" + orderId + " c=" + c);
            }
            return;
        }
        final boolean newLeg = t.pendingReplaceVenueClOrdId != null && t.pendingReplaceVenueClOrdId.equals(c);
        if (newLeg && ("NEW".equals(x) || "TRADE".equals(x)))
        {
            replaced(t, orderId, true);
        }
        final boolean currentLeg = t.venueOrderId.isEmpty() || t.venueOrderId.equals(orderId);
        if (t.venueOrderId.isEmpty())
        {
            registerVenueOrderId(t, orderId);
        }
        final long legCum = Decimals.parse(event.path("z").asText(), t.qtyScale);
        switch (x)
        {
            case "NEW" ->
            {
                if (currentLeg)
                {
                    acknowledged(t, orderId);
                }
            }
            case "TRADE" -> fill(t, event.path("t").asText(), Decimals.parse(event.path("l").asText(), t.qtyScale),
                Decimals.parse(event.path("L").asText(), t.priceScale), event.path("T").asLong(), decimal(event.path("n")),
                event.path("N").asText(""));
            case "CANCELED" ->
            {
                // the old leg of a replace in flight is cancelled by the replace itself
                if (currentLeg && t.pendingReplaceClOrdId == null)
                {
                    legEnded(t, ExecType.CANCELED, legCum, null);
                }
            }
            case "EXPIRED", "EXPIRED_IN_MATCH", "TRADE_PREVENTION" ->
            {
                if (currentLeg)
                {
                    legEnded(t, ExecType.EXPIRED, legCum, null);
                }
            }
            case "REJECTED" ->
            {
                if (currentLeg)
                {
                    final String text = config.name() + " rejected: " + event.path("r").asText();
                    if (t.acked)
                    {
                        legEnded(t, ExecType.REJECTED, legCum, text);
                    }
                    else
                    {
                        venueRejected(t, text);
                    }
                }
            }
            default ->
            {
            }
        }
    }

    /** {@code outboundAccountPosition}: free and locked of every asset that changed, to the balance listener. */
    private void accountPosition(final JsonNode event)
    {
        if (!hasBalanceListener())
        {
            return;
        }
        final long timeMs = event.path("u").asLong(event.path("E").asLong());
        for (final JsonNode b : event.path("B"))
        {
            final BigDecimal free = decimal(b.path("f"));
            final BigDecimal locked = decimal(b.path("l"));
            if (free == null || locked == null)
            {
                metrics.unusableMessages.incrementAndGet();
                LOG.error("event=crypto_unusable_balance venue={} balance={}", config.name(), b);
                continue;
            }
            balancePushed(b.path("a").asText(), free, locked, timeMs);
        }
    }

    // ------------------------------------------------------------------ reconciliation view (any thread)

    protected String viewRefused(final long nowMs)
    {
        final String refused = super.viewRefused(nowMs);
        if (refused != null)
        {
            return refused;
        }
        final long weight = viewWeight(true);
        final long limit = metrics.rateLimitLimit;
        // keep a fifth of the minute's weight for orders, cancels and catch-up
        if (limit > 0 && metrics.rateLimitUsed + weight > limit * 8 / 10)
        {
            return "request weight " + metrics.rateLimitUsed + "/" + limit + " per minute used, a view costs " + weight;
        }
        return null;
    }

    private long viewWeight(final boolean balances)
    {
        final int symbols = new TreeSet<>(config.symbols().values()).size();
        return symbols * (OPEN_ORDERS_WEIGHT + MY_TRADES_WEIGHT) + (balances ? ACCOUNT_WEIGHT : 0);
    }

    /**
     * Per symbol the bridge maps: {@code GET /api/v3/openOrders?symbol=} and {@code GET /api/v3/myTrades}
     * ({@code fromId} = the last reconciled id + 1, pages of 1000 while full; none: the venue's recent
     * trades); {@code GET /api/v3/account} when balances are asked. All at once.
     */
    protected CompletableFuture<VenueAnswer> askVenue(final ViewRequest request, final Map<String, String> since)
    {
        final Duration timeout = Duration.ofMillis(request.timeoutMs());
        final List<CompletableFuture<List<VenueView.OpenOrder>>> orders = new ArrayList<>();
        final List<CompletableFuture<List<VenueView.Trade>>> trades = new ArrayList<>();
        final Map<String, Long> fromIds = new TreeMap<>();
        for (final String symbol : new TreeSet<>(config.symbols().values()))
        {
            final String sinceId = since.get(symbol);
            try
            {
                fromIds.put(symbol, sinceId == null ? -1 : Long.parseLong(sinceId) + 1);
            }
            catch (final NumberFormatException e)
            {
                throw new VenueViewException(config.name() + " trade id " + sinceId + " of " + symbol + " is not a number");
            }
        }
        fromIds.forEach((symbol, fromId) ->
        {
            final Map<String, String> params = new LinkedHashMap<>();
            params.put("symbol", symbol);
            orders.add(viewGet("/api/v3/openOrders", params, timeout).thenApply(this::openOrders));
            trades.add(tradesFrom(symbol, fromId, timeout, new ArrayList<>(), 1));
        });
        final CompletableFuture<List<VenueView.Balance>> balances = request.balances() ?
            viewGet("/api/v3/account", new LinkedHashMap<>(), timeout).thenApply(this::balances) :
            CompletableFuture.completedFuture(List.of());
        final List<CompletableFuture<?>> all = new ArrayList<>(orders);
        all.addAll(trades);
        all.add(balances);
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).thenApply(done ->
        {
            final List<VenueView.OpenOrder> openOrders = new ArrayList<>();
            orders.forEach(f -> openOrders.addAll(f.join()));
            final List<VenueView.Trade> ourTrades = new ArrayList<>();
            trades.forEach(f -> ourTrades.addAll(f.join()));
            return new VenueAnswer(openOrders, ourTrades, balances.join(), request.balances());
        });
    }

    /**
     * myTrades names orders only by orderId: {@code GET /api/v3/order?orderId=} (weight 4) for those the
     * bridge does not track, at most 50 per view and only while the weight budget allows.
     */
    protected CompletableFuture<Map<String, String>> venueClOrdIds(final List<VenueView.Trade> trades, final ViewRequest request)
    {
        final Map<String, String> symbolByOrderId = new LinkedHashMap<>();
        for (final VenueView.Trade t : trades)
        {
            if (symbolByOrderId.size() < MAX_ORDERS_NAMED)
            {
                symbolByOrderId.putIfAbsent(t.venueOrderId(), config.venueSymbol(t.symbol()) == null ? t.symbol() :
                    config.venueSymbol(t.symbol()));
            }
        }
        final long limit = metrics.rateLimitLimit;
        if (limit > 0 && metrics.rateLimitUsed + ORDER_WEIGHT * symbolByOrderId.size() > limit * 8 / 10)
        {
            return CompletableFuture.failedFuture(new VenueViewException(config.name() + " " + symbolByOrderId.size() +
                " orders left unnamed: request weight " + metrics.rateLimitUsed + "/" + limit + " per minute used"));
        }
        final Duration timeout = Duration.ofMillis(request.timeoutMs());
        final Map<String, CompletableFuture<JsonNode>> asked = new LinkedHashMap<>();
        symbolByOrderId.forEach((orderId, symbol) ->
        {
            final Map<String, String> params = new LinkedHashMap<>();
            params.put("symbol", symbol);
            params.put("orderId", orderId);
            // an order the venue no longer knows stays unnamed
            asked.put(orderId, viewGet("/api/v3/order", params, timeout).exceptionally(error -> json.missingNode()));
        });
        return CompletableFuture.allOf(asked.values().toArray(new CompletableFuture<?>[0])).thenApply(done ->
        {
            final Map<String, String> names = new HashMap<>();
            asked.forEach((orderId, answer) ->
            {
                final String clientOrderId = answer.join().path("clientOrderId").asText("");
                if (!clientOrderId.isEmpty())
                {
                    names.put(orderId, clientOrderId);
                }
            });
            return names;
        });
    }

    private CompletableFuture<List<VenueView.Trade>> tradesFrom(
        final String symbol, final long fromId, final Duration timeout, final List<VenueView.Trade> collected, final int page)
    {
        final Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", symbol);
        if (fromId >= 0)
        {
            params.put("fromId", Long.toString(fromId));
        }
        params.put("limit", Integer.toString(MY_TRADES_LIMIT));
        return viewGet("/api/v3/myTrades", params, timeout).thenCompose(body ->
        {
            long lastId = -1;
            for (final JsonNode trade : body)
            {
                collected.add(new VenueView.Trade(trade.path("id").asText(), "", trade.path("orderId").asText(),
                    trade.path("symbol").asText(symbol), trade.path("isBuyer").asBoolean() ? '1' : '2',
                    exact(trade, "qty"), exact(trade, "price"), exact(trade, "commission"),
                    trade.path("commissionAsset").asText(""), trade.path("time").asLong() * 1_000_000L));
                lastId = Math.max(lastId, trade.path("id").asLong());
            }
            if (fromId >= 0 && body.size() >= MY_TRADES_LIMIT && page < MAX_TRADE_PAGES)
            {
                return tradesFrom(symbol, lastId + 1, timeout, collected, page + 1);
            }
            return CompletableFuture.completedFuture(collected);
        });
    }

    private List<VenueView.OpenOrder> openOrders(final JsonNode body)
    {
        final List<VenueView.OpenOrder> orders = new ArrayList<>();
        for (final JsonNode o : body)
        {
            final BigDecimal qty = exact(o, "origQty");
            final BigDecimal cum = exact(o, "executedQty");
            orders.add(new VenueView.OpenOrder(o.path("clientOrderId").asText(""), o.path("orderId").asText(),
                o.path("symbol").asText(), "BUY".equals(o.path("side").asText()) ? '1' : '2', qty, exact(o, "price"), cum,
                qty.subtract(cum), ordStatus(o.path("status").asText())));
        }
        return orders;
    }

    private static char ordStatus(final String status)
    {
        return switch (status)
        {
            case "PARTIALLY_FILLED" -> '1';
            case "FILLED" -> '2';
            case "CANCELED" -> '4';
            case "PENDING_CANCEL" -> '6';
            case "REJECTED" -> '8';
            case "PENDING_NEW" -> 'A';
            case "EXPIRED", "EXPIRED_IN_MATCH" -> 'C';
            default -> '0';
        };
    }

    private List<VenueView.Balance> balances(final JsonNode account)
    {
        final long timeNanos = account.path("updateTime").asLong() * 1_000_000L;
        final List<VenueView.Balance> balances = new ArrayList<>();
        for (final JsonNode b : account.path("balances"))
        {
            balances.add(new VenueView.Balance(b.path("asset").asText(), exact(b, "free"), exact(b, "locked"), timeNanos));
        }
        return balances;
    }

    /** A signed GET on the caller's thread; the answer is read on the HTTP client's. */
    private CompletableFuture<JsonNode> viewGet(final String path, final Map<String, String> params, final Duration timeout)
    {
        final String query;
        params.put("recvWindow", Long.toString(config.recvWindowMs()));
        params.put("timestamp", Long.toString(clock.time() + clockOffsetMs));
        final String unsigned = join(params, true);
        synchronized (viewSigner)
        {
            query = unsigned + "&signature=" + URLEncoder.encode(viewSigner.sign(unsigned), StandardCharsets.UTF_8);
        }
        final HttpRequest request = HttpRequest.newBuilder(URI.create(config.restUrl() + path + "?" + query))
            .timeout(timeout).header("X-MBX-APIKEY", config.credentials().apiKey()).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) ->
        {
            if (error != null)
            {
                throw new VenueViewException(config.name() + " GET " + path + " not answered: " +
                    VenueWebSocket.rootMessage(error), error);
            }
            response.headers().firstValue("X-MBX-USED-WEIGHT-1M").ifPresent(v -> metrics.rateLimitUsed = Long.parseLong(v));
            JsonNode body;
            try
            {
                body = json.readTree(response.body());
            }
            catch (final Exception e)
            {
                body = json.missingNode();
            }
            final int status = response.statusCode();
            if (status != 200)
            {
                if (status == 429 || status == 418)
                {
                    final long retryAfterS = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                    post(() -> blocked(clock.time() + clockOffsetMs + retryAfterS * 1000, "HTTP " + status));
                }
                final String code = body.path("code").asText("");
                throw new VenueViewException(config.name() + " GET " + path + " HTTP " + status + " " + code + ": " +
                    body.path("msg").asText(response.body()), status, code, null);
            }
            return body;
        });
    }

    // ------------------------------------------------------------------ limits and clock

    private void rateLimits(final JsonNode limits)
    {
        for (final JsonNode limit : limits)
        {
            final String type = limit.path("rateLimitType").asText();
            if ("REQUEST_WEIGHT".equals(type))
            {
                metrics.rateLimitUsed = limit.path("count").asLong();
                metrics.rateLimitLimit = limit.path("limit").asLong();
            }
            else if ("ORDERS".equals(type) && "SECOND".equals(limit.path("interval").asText()))
            {
                metrics.ordersUsed = limit.path("count").asLong();
                metrics.ordersLimit = limit.path("limit").asLong();
                ordersUsedAtMs = clock.time();
            }
        }
    }

    private void rateHeaders(final HttpResponse<String> response)
    {
        response.headers().firstValue("X-MBX-USED-WEIGHT-1M").ifPresent(v -> metrics.rateLimitUsed = Long.parseLong(v));
        response.headers().firstValue("X-MBX-ORDER-COUNT-10S").ifPresent(v ->
        {
            metrics.ordersUsed = Long.parseLong(v);
            ordersUsedAtMs = clock.time();
        });
    }

    protected String rateBudgetExhausted(final long nowMs)
    {
        // keep 10% of the venue's limits in reserve (cancels must still go through)
        final long ordersLimit = metrics.ordersLimit;
        if (ordersLimit > 0 && nowMs - ordersUsedAtMs < 10_000 && metrics.ordersUsed >= ordersLimit * 9 / 10)
        {
            return "orders " + metrics.ordersUsed + "/" + ordersLimit + " per 10s";
        }
        final long weightLimit = metrics.rateLimitLimit;
        if (weightLimit > 0 && metrics.rateLimitUsed >= weightLimit * 9 / 10)
        {
            return "request weight " + metrics.rateLimitUsed + "/" + weightLimit + " per minute";
        }
        return null;
    }

    private void blocked(final long untilMs, final String why)
    {
        metrics.rateLimited429.incrementAndGet();
        blockedUntilMs = Math.max(blockedUntilMs, untilMs - clockOffsetMs);
        blockedReason = why;
        LOG.warn("event=crypto_rate_limited venue={} why=\"{}\" blockedForMs={}", config.name(), why,
            blockedUntilMs - clock.time());
    }

    private void offset(final long serverTimeMs, final long sentMs, final long receivedMs)
    {
        final long offset = serverTimeMs - (sentMs + receivedMs) / 2;
        clockOffsetMs = offset;
        metrics.clockOffsetMs = offset;
    }

    /** At most one resync a second, however many requests the offset made fail. */
    private void resyncClockAfterRecvWindowError()
    {
        final long nowMs = clock.time();
        if (nowMs - lastRecvWindowResyncMs >= 1_000)
        {
            lastRecvWindowResyncMs = nowMs;
            metrics.clockResyncs.incrementAndGet();
            LOG.warn("event=crypto_clock_resync venue={} reason=\"-1021 outside recvWindow\"", config.name());
            syncTimeRest();
        }
    }

    private void syncTimeRest()
    {
        syncTimeRest(null);
    }

    private void syncTimeRest(final Runnable then)
    {
        final long sentMs = clock.time();
        rest("GET", "/api/v3/time", "", false, null, (status, body, headers) ->
        {
            if (status == 200)
            {
                offset(body.path("serverTime").asLong(), sentMs, clock.time());
            }
            if (then != null)
            {
                then.run();
            }
        });
    }

    private void refreshFilters()
    {
        rest("GET", "/api/v3/exchangeInfo", "", false, null, (status, body, headers) ->
        {
            if (status != 200)
            {
                nextFilterRefreshMs = clock.time() + 1_000;
                return;
            }
            for (final JsonNode symbol : body.path("symbols"))
            {
                String tick = null;
                String minPrice = null;
                String maxPrice = null;
                String step = null;
                String minQty = null;
                String maxQty = null;
                String minNotional = null;
                for (final JsonNode filter : symbol.path("filters"))
                {
                    switch (filter.path("filterType").asText())
                    {
                        case "PRICE_FILTER" ->
                        {
                            tick = filter.path("tickSize").asText();
                            minPrice = filter.path("minPrice").asText();
                            maxPrice = filter.path("maxPrice").asText();
                        }
                        case "LOT_SIZE" ->
                        {
                            step = filter.path("stepSize").asText();
                            minQty = filter.path("minQty").asText();
                            maxQty = filter.path("maxQty").asText();
                        }
                        case "NOTIONAL", "MIN_NOTIONAL" -> minNotional = filter.path("minNotional").asText();
                        default ->
                        {
                        }
                    }
                }
                final String name = symbol.path("symbol").asText();
                filters.put(name, new SymbolFilter(name, SymbolFilter.decimal(tick), SymbolFilter.decimal(minPrice),
                    SymbolFilter.decimal(maxPrice), SymbolFilter.decimal(step), SymbolFilter.decimal(minQty),
                    SymbolFilter.decimal(maxQty), SymbolFilter.decimal(minNotional)));
            }
            publishTradingRules();
            updateConnected();
        });
    }

    // ------------------------------------------------------------------ REST

    /** A REST answer, handled on the bridge thread; status 0 when no answer came (connection failed, timeout). */
    @FunctionalInterface
    private interface RestAnswer
    {
        void onAnswer(int status, JsonNode body, java.net.http.HttpHeaders headers);
    }

    private String signedQuery(final Map<String, String> params)
    {
        params.put("recvWindow", Long.toString(config.recvWindowMs()));
        params.put("timestamp", Long.toString(clock.time() + clockOffsetMs));
        final String query = join(params, true);
        return query + "&signature=" + URLEncoder.encode(signer.sign(query), StandardCharsets.UTF_8);
    }

    private void restSigned(
        final String method, final String path, final Map<String, String> params, final Kind kind, final TrackedOrder t)
    {
        final long sentMs = clock.time();
        final Pending p = new Pending(kind, t, sentMs + config.requestTimeoutMs(), sentMs);
        rest(method, path, signedQuery(params), true, p, (status, body, headers) ->
        {
            if (status == 0)
            {
                lost(p, "REST request failed without an answer");
                return;
            }
            if (status == 429 || status == 418)
            {
                final long retryAfterS = headers.firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                blocked(clock.time() + clockOffsetMs + retryAfterS * 1000, "HTTP " + status);
            }
            onAnswer(p, status, body);
        });
    }

    private void rest(
        final String method, final String path, final String query, final boolean apiKey, final Pending p,
        final RestAnswer answer)
    {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(
            URI.create(config.restUrl() + path + (query.isEmpty() ? "" : "?" + query)))
            .timeout(Duration.ofMillis(config.requestTimeoutMs()))
            .method(method, HttpRequest.BodyPublishers.noBody());
        if (apiKey || path.endsWith("userDataStream"))
        {
            builder.header("X-MBX-APIKEY", config.credentials().apiKey());
        }
        http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) ->
            post(() ->
            {
                if (error != null)
                {
                    if (restUp && !(VenueWebSocket.rootMessage(error).contains("Timeout")))
                    {
                        LOG.warn("event=crypto_rest_failed venue={} path={} error=\"{}\"", config.name(), path,
                            VenueWebSocket.rootMessage(error));
                    }
                    if (!VenueWebSocket.rootMessage(error).contains("Timeout"))
                    {
                        restUp = false;
                        updateConnected();
                    }
                    answer.onAnswer(0, json.missingNode(), null);
                    return;
                }
                if (!restUp)
                {
                    restUp = true;
                    updateConnected();
                }
                rateHeaders(response);
                JsonNode body;
                try
                {
                    body = json.readTree(response.body());
                }
                catch (final Exception e)
                {
                    body = json.missingNode();
                }
                answer.onAnswer(response.statusCode(), body, response.headers());
            }));
    }

    private ObjectNode toNode(final Map<String, String> params)
    {
        final ObjectNode node = json.createObjectNode();
        params.forEach(node::put);
        return node;
    }

    private static String join(final Map<String, String> params, final boolean encode)
    {
        final StringBuilder s = new StringBuilder(128);
        params.forEach((k, v) ->
        {
            if (s.length() > 0)
            {
                s.append('&');
            }
            s.append(k).append('=').append(encode ? URLEncoder.encode(v, StandardCharsets.UTF_8) : v);
        });
        return s.toString();
    }
}
