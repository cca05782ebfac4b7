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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * OKX v5. Orders over the private WebSocket ({@code login}, then ops {@code order},
 * {@code cancel-order}, {@code amend-order}), fills and state from the {@code orders} channel; REST
 * {@code /api/v5} when the socket is down, for catch-up ({@code trade/order}, {@code trade/fills}),
 * server time and instrument filters. Answers are checked at both levels: {@code code} and each
 * row's {@code sCode}/{@code sMsg}.
 */
public final class OkxBridge extends CryptoVenueBridge
{
    /** OKX fee: negative is charged, positive a rebate; as a cost (positive charged), null when absent. */
    private static BigDecimal cost(final JsonNode fee)
    {
        final BigDecimal value = decimal(fee);
        return value == null ? null : value.negate();
    }

    private static final long PING_INTERVAL_MS = 2_000;
    private static final long TIME_SYNC_INTERVAL_MS = 30_000;
    private static final long FILTER_REFRESH_MS = 300_000;
    private static final int PAGE_LIMIT = 100;
    private static final int MAX_PAGES = 10;

    private enum Kind
    {
        PLACE, CANCEL, AMEND
    }

    private record Pending(Kind kind, TrackedOrder order, long deadlineMs, long sentMs)
    {
    }

    private final OkxSigner signer;
    /** reconciliation views sign on their own threads, with their own signer (a Mac is not thread safe) */
    private final OkxSigner viewSigner;
    private final Backoff backoff;
    private final Map<String, Pending> pending = new HashMap<>();
    private final VenueWebSocket.Handler handler = new PrivateHandler();
    private VenueWebSocket socket;
    private boolean loggedOn;
    private boolean accountSubscribed;
    private boolean userLive;
    private boolean restUp;
    private boolean started;
    private long nextConnectMs;
    private long nextPingMs;
    private long nextTimeSyncMs;
    private long nextFilterRefreshMs;
    private long requestIds;
    private volatile long clockOffsetMs;

    public OkxBridge(final CryptoVenueConfig config, final EpochClock clock, final EpochNanoClock nanoClock)
    {
        super(config, clock, nanoClock);
        this.signer = new OkxSigner(config.credentials().secret());
        this.viewSigner = new OkxSigner(config.credentials().secret());
        this.backoff = new Backoff(config.reconnectMinMs(), config.reconnectMaxMs());
    }

    /**
     * OKX client order ids are 1..32 letters and digits: our ids ({@code TPFGVI.12-1}: upper-case
     * letters, digits, '.' and '-') map one to one by '.' -> 'x' and '-' -> 'y'.
     */
    protected String venueClOrdId(final String clOrdId)
    {
        final StringBuilder s = new StringBuilder(clOrdId.length());
        for (int i = 0; i < clOrdId.length(); i++)
        {
            final char c = clOrdId.charAt(i);
            s.append(c == '.' ? 'x' : c == '-' ? 'y' : Character.isLetterOrDigit(c) ? c : 'z');
        }
        return s.length() > 32 ? s.substring(s.length() - 32) : s.toString();
    }

    protected MarketDataFeed newMarketData(
        final io.meridian.oms.api.TopOfBookTable tops, final io.meridian.oms.api.DepthTable depth,
        final List<BookInstrument> instruments, final java.util.function.Consumer<String> status)
    {
        return new OkxMarketData(config, http, this::post, clock, metrics, tops, depth, instruments, json.getFactory(),
            status);
    }

    // ------------------------------------------------------------------ connections and timers

    protected int poll(final long nowMs)
    {
        int work = 0;
        if (!started)
        {
            started = true;
            syncTime();
            refreshFilters();
            nextTimeSyncMs = nowMs + TIME_SYNC_INTERVAL_MS;
            nextFilterRefreshMs = nowMs + FILTER_REFRESH_MS;
            work++;
        }
        if (socket == null && config.orderWsUrl() != null && nowMs >= nextConnectMs)
        {
            socket = new VenueWebSocket("private", this::post, handler);
            socket.connect(http, config.orderWsUrl(), config.requestTimeoutMs());
            work++;
        }
        if (!pending.isEmpty())
        {
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
        }
        if (nowMs >= nextPingMs)
        {
            nextPingMs = nowMs + PING_INTERVAL_MS;
            if (socket != null)
            {
                socket.ping();
            }
        }
        if (nowMs >= nextTimeSyncMs)
        {
            nextTimeSyncMs = nowMs + TIME_SYNC_INTERVAL_MS;
            syncTime();
        }
        if (nowMs >= nextFilterRefreshMs)
        {
            nextFilterRefreshMs = nowMs + FILTER_REFRESH_MS;
            refreshFilters();
        }
        return work;
    }

    private void lost(final Pending p, final String why)
    {
        switch (p.kind())
        {
            case PLACE -> outcomeUnknown(p.order(), why);
            case CANCEL, AMEND -> queryStatus(p.order());
            default ->
            {
            }
        }
    }

    private void updateConnected()
    {
        final boolean wsReady = socket != null && loggedOn;
        orderChannel = wsReady ? "websocket" : restUp ? "rest" : "down";
        userStream = userLive ? "subscribed" : "down";
        connected(!filters.isEmpty() && (wsReady || restUp));
    }

    private final class PrivateHandler implements VenueWebSocket.Handler
    {
        public void onOpen(final VenueWebSocket ws)
        {
            if (ws != socket)
            {
                return;
            }
            LOG.info("event=crypto_ws_open venue={} socket=private", config.name());
            backoff.reset();
            final String timestamp = Long.toString((clock.time() + clockOffsetMs) / 1000);
            final ObjectNode login = json.createObjectNode();
            login.put("op", "login");
            final ObjectNode arg = login.putArray("args").addObject();
            arg.put("apiKey", config.credentials().apiKey());
            arg.put("passphrase", config.credentials().passphrase());
            arg.put("timestamp", timestamp);
            arg.put("sign", signer.sign(timestamp, "GET", "/users/self/verify", ""));
            ws.send(login.toString());
        }

        public void onText(final VenueWebSocket ws, final String text)
        {
            if (ws != socket || "pong".equals(text))
            {
                return;
            }
            try
            {
                onMessage(json.readTree(text));
            }
            catch (final Exception e)
            {
                metrics.unusableMessages.incrementAndGet();
                LOG.error("event=crypto_unusable_message venue={} error=\"{}\"", config.name(), e.toString());
            }
        }

        public void onClosed(final VenueWebSocket ws, final String reason)
        {
            if (ws != socket)
            {
                return;
            }
            LOG.warn("event=crypto_ws_closed venue={} socket=private reason=\"{}\"", config.name(), reason);
            socket = null;
            loggedOn = false;
            userLive = false;
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

    private void onMessage(final JsonNode message)
    {
        final String event = message.path("event").asText("");
        if ("login".equals(event))
        {
            if ("0".equals(message.path("code").asText()))
            {
                loggedOn = true;
                final ObjectNode subscribe = json.createObjectNode();
                subscribe.put("op", "subscribe");
                subscribe.putArray("args").addObject().put("channel", "orders").put("instType", "SPOT");
                socket.send(subscribe.toString());
                accountSubscribed = false;
                subscribeAccount();
                updateConnected();
            }
            return;
        }
        if ("subscribe".equals(event))
        {
            if ("orders".equals(message.path("arg").path("channel").asText()))
            {
                userLive = true;
                updateConnected();
                // no snapshot on subscribe: whatever happened while we were away comes by REST
                catchUpAll();
            }
            return;
        }
        if ("error".equals(event))
        {
            LOG.warn("event=crypto_ws_error venue={} code={} msg=\"{}\"", config.name(), message.path("code").asText(),
                message.path("msg").asText());
            if (!loggedOn && socket != null)
            {
                socket.abort("login refused " + message.path("code").asText());
            }
            return;
        }
        if (message.has("op") && message.has("id"))
        {
            final Pending p = pending.remove(message.path("id").asText());
            if (p != null)
            {
                onAnswer(p, 200, message);
            }
            return;
        }
        final String channel = message.path("arg").path("channel").asText();
        if ("orders".equals(channel))
        {
            for (final JsonNode order : message.path("data"))
            {
                onOrderPush(order);
            }
        }
        else if ("account".equals(channel) && hasBalanceListener())
        {
            for (final JsonNode account : message.path("data"))
            {
                accountPush(account);
            }
        }
    }

    /** Any thread: balances stream to {@code listener}; the {@code account} channel is subscribed once one is set. */
    public void balanceListener(final BalanceListener listener)
    {
        super.balanceListener(listener);
        post(this::subscribeAccount);
    }

    /**
     * Balances as they change (and a snapshot on subscribing), only while someone listens: each order
     * and fill changes a balance, and a push nobody reads is work taken from the order thread.
     */
    private void subscribeAccount()
    {
        if (hasBalanceListener() && !accountSubscribed && socket != null && loggedOn)
        {
            final ObjectNode subscribe = json.createObjectNode();
            subscribe.put("op", "subscribe");
            subscribe.putArray("args").addObject().put("channel", "account");
            accountSubscribed = socket.send(subscribe.toString());
        }
    }

    /** An {@code account} push: each currency's available and frozen balance, to the balance listener. */
    private void accountPush(final JsonNode account)
    {
        for (final JsonNode d : account.path("details"))
        {
            final BigDecimal free = decimal(d.path("availBal"));
            final BigDecimal locked = decimal(d.path("frozenBal"));
            if (free == null || locked == null)
            {
                metrics.unusableMessages.incrementAndGet();
                LOG.error("event=crypto_unusable_balance venue={} balance={}", config.name(), d);
                continue;
            }
            balancePushed(d.path("ccy").asText(), free, locked, d.path("uTime").asLong(account.path("uTime").asLong()));
        }
    }

    // ------------------------------------------------------------------ orders

    protected void sendNew(final TrackedOrder t, final long nowMs)
    {
        final ObjectNode arg = json.createObjectNode();
        arg.put("instId", t.venueSymbol);
        arg.put("tdMode", "cash");
        arg.put("side", t.side == Side.BUY ? "buy" : "sell");
        if (t.ordType == OrdType.MARKET)
        {
            arg.put("ordType", "market");
            // spot market orders sized in the base currency, as our quantities are
            arg.put("tgtCcy", "base_ccy");
        }
        else
        {
            arg.put("ordType", t.postOnly ? "post_only" :
                t.timeInForce == TimeInForce.IOC ? "ioc" : t.timeInForce == TimeInForce.FOK ? "fok" : "limit");
            arg.put("px", Decimals.format(t.price, t.priceScale));
        }
        arg.put("sz", Decimals.format(t.qty, t.qtyScale));
        arg.put("clOrdId", t.venueClOrdId);
        request(Kind.PLACE, t, "order", "/api/v5/trade/order", arg);
    }

    protected void sendCancel(final TrackedOrder t, final String cancelClOrdId, final long nowMs)
    {
        final ObjectNode arg = json.createObjectNode();
        arg.put("instId", t.venueSymbol);
        arg.put("clOrdId", t.venueClOrdId);
        request(Kind.CANCEL, t, "cancel-order", "/api/v5/trade/cancel-order", arg);
    }

    protected void sendReplace(final TrackedOrder t, final long nowMs)
    {
        // OKX amends in place: the order keeps its clOrdId at the venue, newSz is the new total size
        t.pendingReplaceVenueClOrdId = t.venueClOrdId;
        final ObjectNode arg = json.createObjectNode();
        arg.put("instId", t.venueSymbol);
        arg.put("clOrdId", t.venueClOrdId);
        arg.put("reqId", venueClOrdId(t.pendingReplaceClOrdId));
        if (t.pendingQty != t.qty)
        {
            arg.put("newSz", Decimals.format(t.pendingQty, t.qtyScale));
        }
        if (t.pendingPrice != t.price)
        {
            arg.put("newPx", Decimals.format(t.pendingPrice, t.priceScale));
        }
        if (t.pendingQty == t.qty && t.pendingPrice == t.price)
        {
            arg.put("newSz", Decimals.format(t.pendingQty, t.qtyScale));
        }
        request(Kind.AMEND, t, "amend-order", "/api/v5/trade/amend-order", arg);
    }

    private void request(final Kind kind, final TrackedOrder t, final String op, final String restPath, final ObjectNode arg)
    {
        final long nowMs = clock.time();
        final Pending p = new Pending(kind, t, nowMs + config.requestTimeoutMs(), nowMs);
        if (socket != null && loggedOn)
        {
            final String id = "m" + (++requestIds);
            final ObjectNode request = json.createObjectNode();
            request.put("id", id);
            request.put("op", op);
            request.putArray("args").add(arg);
            final String text = request.toString();
            if (kind == Kind.PLACE ? sendNewOrderRequest(socket, text) : socket.send(text))
            {
                pending.put(id, p);
                return;
            }
        }
        if (kind == Kind.PLACE)
        {
            metrics.ordersSentRest.incrementAndGet();
        }
        rest("POST", restPath, arg.toString(), (status, body) ->
        {
            if (status == 0)
            {
                lost(p, "REST request failed without an answer");
                return;
            }
            onAnswer(p, status, body);
        });
    }

    private void onAnswer(final Pending p, final int httpStatus, final JsonNode answer)
    {
        final TrackedOrder t = p.order();
        final String code = answer.path("code").asText("");
        final JsonNode row = answer.path("data").path(0);
        final String sCode = row.path("sCode").asText("");
        final boolean ok = "0".equals(code) && "0".equals(sCode);
        final String failureCode = !"0".equals(sCode) && !sCode.isEmpty() ? sCode : code;
        final String failureMsg = !"0".equals(sCode) && !sCode.isEmpty() ? row.path("sMsg").asText() :
            answer.path("msg").asText();
        final String error = config.name() + " " + failureCode + ": " + failureMsg;
        if ("50011".equals(code) || httpStatus == 429)
        {
            metrics.rateLimited429.incrementAndGet();
            blockedUntilMs = Math.max(blockedUntilMs, clock.time() + 1_000);
            blockedReason = "OKX 50011";
        }
        final boolean unknown = "50004".equals(code) || "51054".equals(code) || "50004".equals(sCode) ||
            "51054".equals(sCode) || httpStatus >= 500 && !"50001".equals(code);
        switch (p.kind())
        {
            case PLACE ->
            {
                if (ok)
                {
                    acknowledged(t, row.path("ordId").asText());
                }
                else if (unknown)
                {
                    outcomeUnknown(t, error);
                }
                else
                {
                    venueRejected(t, error);
                }
            }
            case CANCEL ->
            {
                if (ok)
                {
                    if (!userLive)
                    {
                        queryStatus(t);
                    }
                }
                else if (unknown)
                {
                    queryStatus(t);
                }
                else
                {
                    pendingRefused(t, false, parse(failureCode), error);
                }
            }
            case AMEND ->
            {
                if (ok)
                {
                    replaced(t, row.path("ordId").asText(), false);
                }
                else if (unknown)
                {
                    queryStatus(t);
                }
                else
                {
                    pendingRefused(t, true, parse(failureCode), error);
                }
            }
            default ->
            {
            }
        }
    }

    private static int parse(final String code)
    {
        try
        {
            return Integer.parseInt(code);
        }
        catch (final NumberFormatException e)
        {
            return 0;
        }
    }

    private void onOrderPush(final JsonNode o)
    {
        final String clOrdId = o.path("clOrdId").asText();
        final String ordId = o.path("ordId").asText();
        TrackedOrder t = byClOrdId.get(clOrdId);
        if (t == null)
        {
            t = byVenueOrderId.get(ordId);
        }
        final String tradeId = o.path("tradeId").asText("");
        if (t == null)
        {
            if (!tradeId.isEmpty())
            {
                unknownOrderFill(o.path("instId").asText(), tradeId, o.path("instId").asText() + " " +
                    o.path("side").asText() + " " + o.path("fillSz").asText() + "@" + o.path("fillPx").asText() +
                    " ordId=" + ordId + " clOrdId=" + clOrdId);
            }
            return;
        }
        orderState(t, o, true);
    }

    /** An order in OKX's shape (push or REST details): acks, fills (pushes only carry one), end. */
    private void orderState(final TrackedOrder t, final JsonNode o, final boolean push)
    {
        final String ordId = o.path("ordId").asText();
        if (!push && t.takenOver)
        {
            // an earlier process's order: its quantity is the venue's (an amend keeps the order, sz the new total)
            t.qty = Decimals.parse(o.path("sz").asText(), t.qtyScale);
        }
        if ("0".equals(o.path("amendResult").asText()) && t.pendingReplaceClOrdId != null)
        {
            replaced(t, ordId, false);
        }
        else if ("-1".equals(o.path("amendResult").asText()) && t.pendingReplaceClOrdId != null)
        {
            pendingRefused(t, true, parse(o.path("code").asText()), config.name() + " amend failed: " +
                o.path("msg").asText());
        }
        final String state = o.path("state").asText();
        if (!"canceled".equals(state) || Decimals.parse(o.path("accFillSz").asText(), t.qtyScale) > 0)
        {
            acknowledged(t, ordId);
        }
        registerVenueOrderId(t, ordId);
        final String tradeId = o.path("tradeId").asText("");
        if (push && !tradeId.isEmpty())
        {
            final long fillSz = Decimals.parse(o.path("fillSz").asText(), t.qtyScale);
            if (fillSz > 0)
            {
                fill(t, tradeId, fillSz, Decimals.parse(o.path("fillPx").asText(), t.priceScale),
                    o.path("fillTime").asLong(0), cost(o.path("fillFee")), o.path("fillFeeCcy").asText(""));
            }
        }
        final long accFill = Decimals.parse(o.path("accFillSz").asText(), t.qtyScale);
        if (!push && accFill > t.cumQty)
        {
            fetchFills(t);
        }
        if ("canceled".equals(state) || "mmp_canceled".equals(state))
        {
            if (!t.acked && accFill <= 0 && "31".equals(o.path("cancelSource").asText()))
            {
                venueRejected(t, config.name() + " 31: " + o.path("cancelSourceReason").asText("post-only would take"));
                return;
            }
            final String source = o.path("cancelSource").asText();
            final ExecType type = "13".equals(source) || "14".equals(source) ? ExecType.EXPIRED : ExecType.CANCELED;
            legEnded(t, type, accFill, null);
        }
        else if (!push && ("live".equals(state) || "partially_filled".equals(state)))
        {
            if (t.pendingCancelClOrdId != null && !hasPending(t, Kind.CANCEL))
            {
                pendingRefused(t, false, 0, config.name() + " cancel not done: the order is still working");
            }
            if (t.pendingReplaceClOrdId != null && !hasPending(t, Kind.AMEND))
            {
                // an amend whose answer was lost: the order shows whether it was done
                if (Decimals.parse(o.path("sz").asText(), t.qtyScale) == t.pendingQty &&
                    Decimals.parse(o.path("px").asText(), t.priceScale) == t.pendingPrice)
                {
                    replaced(t, ordId, false);
                }
                else
                {
                    pendingRefused(t, true, 0, config.name() + " amend not done");
                }
            }
        }
    }

    /** OKX allows {@code GET /api/v5/trade/order} 60 times per 2 s: a quarter of it for status queries. */
    @Override
    protected int statusQueriesPerSecond()
    {
        return 15;
    }

    /** OKX's order state as FIX OrdStatus: cancels by the venue for time in force (13, 14) are expiries. */
    static OrdStatus ordStatus(final JsonNode order)
    {
        return switch (order.path("state").asText())
        {
            case "partially_filled" -> OrdStatus.PARTIALLY_FILLED;
            case "filled" -> OrdStatus.FILLED;
            case "canceled", "mmp_canceled" ->
            {
                final String source = order.path("cancelSource").asText();
                yield "13".equals(source) || "14".equals(source) ?
                    OrdStatus.EXPIRED : OrdStatus.CANCELED;
            }
            default -> OrdStatus.NEW;
        };
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

    protected void queryStatus(final TrackedOrder t)
    {
        final String path = "/api/v5/trade/order?instId=" + enc(t.venueSymbol) + "&clOrdId=" + enc(t.venueClOrdId);
        rest("GET", path, "", (status, body) ->
        {
            if (status == 0)
            {
                return;
            }
            final String code = body.path("code").asText("");
            if ("0".equals(code) && body.path("data").size() > 0)
            {
                final JsonNode order = body.path("data").path(0);
                orderState(t, order, false);
                venueStatus(t, ordStatus(order), Decimals.parse(order.path("accFillSz").asText(), t.qtyScale),
                    priceScaled(order.path("avgPx"), t.priceScale));
            }
            else if ("51603".equals(code))
            {
                notFoundAtVenue(t, "order not found (" + config.name() + " 51603: " + body.path("msg").asText() + ")");
            }
        });
    }

    protected void fetchFills(final TrackedOrder t)
    {
        if (t.venueOrderId.isEmpty())
        {
            queryStatus(t);
            return;
        }
        final String path = "/api/v5/trade/fills?instType=SPOT&instId=" + enc(t.venueSymbol) + "&ordId=" +
            enc(t.venueOrderId);
        rest("GET", path, "", (status, body) ->
        {
            if (status != 200 || !"0".equals(body.path("code").asText()))
            {
                return;
            }
            // newest first: apply oldest first
            final JsonNode rows = body.path("data");
            for (int i = rows.size() - 1; i >= 0; i--)
            {
                final JsonNode f = rows.get(i);
                fill(t, f.path("tradeId").asText(), Decimals.parse(f.path("fillSz").asText(), t.qtyScale),
                    Decimals.parse(f.path("fillPx").asText(), t.priceScale), f.path("ts").asLong(), cost(f.path("fee")),
                    f.path("feeCcy").asText(""));
            }
        });
    }

    // ------------------------------------------------------------------ reconciliation view (any thread)

    /**
     * OKX names our orders by clOrdId with '.' -> 'x' and '-' -> 'y'; our ids have no lower-case
     * letters, so the way back is unambiguous (a truncated id stays truncated).
     */
    protected String meridianClOrdId(final String venueClOrdId)
    {
        return venueClOrdId.replace('x', '.').replace('y', '-');
    }

    /**
     * {@code GET /api/v5/trade/orders-pending?instType=SPOT} (pages of 100 by {@code after}=ordId),
     * per symbol {@code GET /api/v5/trade/fills} newest first by {@code after}=billId until a trade
     * id at or before the last reconciled one (then {@code fills-history} when the 3 days of
     * {@code fills} run out first; none: one page, the recent window), {@code GET /api/v5/account/balance}
     * when balances are asked. All at once.
     */
    protected CompletableFuture<VenueAnswer> askVenue(final ViewRequest request, final Map<String, String> since)
    {
        final Duration timeout = Duration.ofMillis(request.timeoutMs());
        final TreeSet<String> instIds = new TreeSet<>(config.symbols().values());
        for (final String instId : instIds)
        {
            final String sinceId = since.get(instId);
            if (sinceId != null && !isNumber(sinceId))
            {
                throw new VenueViewException(config.name() + " trade id " + sinceId + " of " + instId + " is not a number");
            }
        }
        final CompletableFuture<List<VenueView.OpenOrder>> orders = pendingOrders(null, timeout, new ArrayList<>(), 1);
        final List<CompletableFuture<List<VenueView.Trade>>> trades = new ArrayList<>();
        for (final String instId : instIds)
        {
            final String sinceId = since.get(instId);
            trades.add(fills(instId, sinceId, "/api/v5/trade/fills", null, timeout, new ArrayList<>(), 1)
                .thenApply(newestFirst ->
                {
                    final List<VenueView.Trade> oldestFirst = new ArrayList<>(newestFirst);
                    java.util.Collections.reverse(oldestFirst);
                    return oldestFirst;
                }));
        }
        final CompletableFuture<List<VenueView.Balance>> balances = request.balances() ?
            viewGet("/api/v5/account/balance", timeout).thenApply(this::balances) :
            CompletableFuture.completedFuture(List.of());
        final List<CompletableFuture<?>> all = new ArrayList<>(trades);
        all.add(orders);
        all.add(balances);
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).thenApply(done ->
        {
            final List<VenueView.Trade> ourTrades = new ArrayList<>();
            trades.forEach(f -> ourTrades.addAll(f.join()));
            return new VenueAnswer(orders.join(), ourTrades, balances.join(), request.balances());
        });
    }

    private CompletableFuture<List<VenueView.OpenOrder>> pendingOrders(
        final String after, final Duration timeout, final List<VenueView.OpenOrder> collected, final int page)
    {
        final String path = "/api/v5/trade/orders-pending?instType=SPOT&limit=" + PAGE_LIMIT +
            (after == null ? "" : "&after=" + enc(after));
        return viewGet(path, timeout).thenCompose(body ->
        {
            final JsonNode rows = body.path("data");
            for (final JsonNode o : rows)
            {
                final BigDecimal qty = exact(o, "sz");
                final BigDecimal cum = o.path("accFillSz").asText("").isEmpty() ? BigDecimal.ZERO : exact(o, "accFillSz");
                final BigDecimal price = o.path("px").asText("").isEmpty() ? BigDecimal.ZERO : exact(o, "px");
                collected.add(new VenueView.OpenOrder(o.path("clOrdId").asText(""), o.path("ordId").asText(),
                    o.path("instId").asText(), "buy".equals(o.path("side").asText()) ? '1' : '2', qty, price, cum,
                    qty.subtract(cum), "partially_filled".equals(o.path("state").asText()) ? '1' : '0'));
            }
            if (rows.size() >= PAGE_LIMIT && page < MAX_PAGES)
            {
                return pendingOrders(rows.get(rows.size() - 1).path("ordId").asText(), timeout, collected, page + 1);
            }
            return CompletableFuture.completedFuture(collected);
        });
    }

    /** Newest first, after {@code sinceId} (exclusive); {@code after} pages by billId. */
    private CompletableFuture<List<VenueView.Trade>> fills(
        final String instId, final String sinceId, final String endpoint, final String after, final Duration timeout,
        final List<VenueView.Trade> collected, final int page)
    {
        final String path = endpoint + "?instType=SPOT&instId=" + enc(instId) + "&limit=" + PAGE_LIMIT +
            (after == null ? "" : "&after=" + enc(after));
        return viewGet(path, timeout).thenCompose(body ->
        {
            final JsonNode rows = body.path("data");
            boolean reached = false;
            for (final JsonNode f : rows)
            {
                final String tradeId = f.path("tradeId").asText();
                if (sinceId != null && compareIds(tradeId, sinceId) <= 0)
                {
                    reached = true;
                    continue;
                }
                // OKX: a negative fee is charged, a positive one is a rebate; ours: positive is a cost
                final BigDecimal fee = f.path("fee").asText("").isEmpty() ? BigDecimal.ZERO : exact(f, "fee").negate();
                collected.add(new VenueView.Trade(tradeId, f.path("clOrdId").asText(""), f.path("ordId").asText(),
                    f.path("instId").asText(instId), "buy".equals(f.path("side").asText()) ? '1' : '2', exact(f, "fillSz"),
                    exact(f, "fillPx"), fee, f.path("feeCcy").asText(""), f.path("ts").asLong() * 1_000_000L));
            }
            if (sinceId == null || reached || page >= MAX_PAGES)
            {
                return CompletableFuture.completedFuture(collected);
            }
            final String lastBillId = rows.size() == 0 ? after : rows.get(rows.size() - 1).path("billId").asText();
            if (rows.size() >= PAGE_LIMIT)
            {
                return fills(instId, sinceId, endpoint, lastBillId, timeout, collected, page + 1);
            }
            if (endpoint.endsWith("/fills"))
            {
                // the last 3 days ran out before the last reconciled trade: go on in the 3 months of history
                return fills(instId, sinceId, "/api/v5/trade/fills-history", lastBillId, timeout, collected, page + 1);
            }
            return CompletableFuture.completedFuture(collected);
        });
    }

    private static boolean isNumber(final String id)
    {
        if (id.isEmpty() || id.length() > 30)
        {
            return false;
        }
        for (int i = 0; i < id.length(); i++)
        {
            if (id.charAt(i) < '0' || id.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }

    /** Trade ids as the numbers they are (they grow per instrument). */
    private static int compareIds(final String a, final String b)
    {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    private List<VenueView.Balance> balances(final JsonNode body)
    {
        final List<VenueView.Balance> balances = new ArrayList<>();
        for (final JsonNode account : body.path("data"))
        {
            for (final JsonNode d : account.path("details"))
            {
                final BigDecimal locked = d.path("frozenBal").asText("").isEmpty() ? BigDecimal.ZERO : exact(d, "frozenBal");
                // availBal is what is free to trade; without it, the cash balance less what is frozen
                final BigDecimal free = d.path("availBal").asText("").isEmpty() ? exact(d, "cashBal").subtract(locked) :
                    exact(d, "availBal");
                balances.add(new VenueView.Balance(d.path("ccy").asText(), free, locked,
                    d.path("uTime").asLong(account.path("uTime").asLong()) * 1_000_000L));
            }
        }
        return balances;
    }

    /** A signed GET on the caller's thread; the answer is read on the HTTP client's. */
    private CompletableFuture<JsonNode> viewGet(final String pathAndQuery, final Duration timeout)
    {
        final String timestamp = OkxSigner.restTimestamp(clock.time() + clockOffsetMs);
        final String sign;
        synchronized (viewSigner)
        {
            sign = viewSigner.sign(timestamp, "GET", pathAndQuery, "");
        }
        final HttpRequest request = HttpRequest.newBuilder(URI.create(config.restUrl() + pathAndQuery))
            .timeout(timeout)
            .header("OK-ACCESS-KEY", config.credentials().apiKey())
            .header("OK-ACCESS-SIGN", sign)
            .header("OK-ACCESS-TIMESTAMP", timestamp)
            .header("OK-ACCESS-PASSPHRASE", config.credentials().passphrase())
            .GET().build();
        final String path = pathAndQuery.indexOf('?') < 0 ? pathAndQuery : pathAndQuery.substring(0, pathAndQuery.indexOf('?'));
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) ->
        {
            if (error != null)
            {
                throw new VenueViewException(config.name() + " GET " + path + " not answered: " +
                    VenueWebSocket.rootMessage(error), error);
            }
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
            final String code = body.path("code").asText("");
            if (status != 200 || !"0".equals(code))
            {
                if (status == 429 || "50011".equals(code))
                {
                    post(() ->
                    {
                        metrics.rateLimited429.incrementAndGet();
                        blockedUntilMs = Math.max(blockedUntilMs, clock.time() + 1_000);
                        blockedReason = "OKX 50011";
                    });
                }
                throw new VenueViewException(config.name() + " GET " + path + " HTTP " + status + " " + code + ": " +
                    body.path("msg").asText(response.body()), status, code, null);
            }
            return body;
        });
    }

    // ------------------------------------------------------------------ time, filters, REST

    private void syncTime()
    {
        final long sentMs = clock.time();
        rest("GET", "/api/v5/public/time", "", (status, body) ->
        {
            if (status == 200)
            {
                final long serverMs = body.path("data").path(0).path("ts").asLong();
                clockOffsetMs = serverMs - (sentMs + clock.time()) / 2;
                metrics.clockOffsetMs = clockOffsetMs;
            }
        });
    }

    private void refreshFilters()
    {
        rest("GET", "/api/v5/public/instruments?instType=SPOT", "", (status, body) ->
        {
            if (status != 200)
            {
                nextFilterRefreshMs = clock.time() + 1_000;
                return;
            }
            for (final JsonNode inst : body.path("data"))
            {
                final String instId = inst.path("instId").asText();
                filters.put(instId, new SymbolFilter(instId, SymbolFilter.decimal(inst.path("tickSz").asText()),
                    null, null, SymbolFilter.decimal(inst.path("lotSz").asText()),
                    SymbolFilter.decimal(inst.path("minSz").asText()), SymbolFilter.decimal(inst.path("maxLmtSz").asText()),
                    null));
            }
            publishTradingRules();
            updateConnected();
        });
    }

    @FunctionalInterface
    private interface RestAnswer
    {
        void onAnswer(int status, JsonNode body);
    }

    private void rest(final String method, final String pathAndQuery, final String body, final RestAnswer answer)
    {
        final String timestamp = OkxSigner.restTimestamp(clock.time() + clockOffsetMs);
        final HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.restUrl() + pathAndQuery))
            .timeout(Duration.ofMillis(config.requestTimeoutMs()))
            .header("Content-Type", "application/json")
            .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() :
                HttpRequest.BodyPublishers.ofString(body));
        if (!pathAndQuery.startsWith("/api/v5/public/"))
        {
            builder.header("OK-ACCESS-KEY", config.credentials().apiKey())
                .header("OK-ACCESS-SIGN", signer.sign(timestamp, method, pathAndQuery, body))
                .header("OK-ACCESS-TIMESTAMP", timestamp)
                .header("OK-ACCESS-PASSPHRASE", config.credentials().passphrase());
        }
        http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) ->
            post(() ->
            {
                if (error != null)
                {
                    final String why = VenueWebSocket.rootMessage(error);
                    if (!why.contains("Timeout"))
                    {
                        if (restUp)
                        {
                            LOG.warn("event=crypto_rest_failed venue={} path={} error=\"{}\"", config.name(),
                                pathAndQuery, why);
                        }
                        restUp = false;
                        updateConnected();
                    }
                    answer.onAnswer(0, json.missingNode());
                    return;
                }
                if (!restUp)
                {
                    restUp = true;
                    updateConnected();
                }
                JsonNode node;
                try
                {
                    node = json.readTree(response.body());
                }
                catch (final Exception e)
                {
                    node = json.missingNode();
                }
                answer.onAnswer(response.statusCode(), node);
            }));
    }

    private static String enc(final String value)
    {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
