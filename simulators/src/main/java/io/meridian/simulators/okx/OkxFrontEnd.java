package io.meridian.simulators.okx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.Balance;
import io.meridian.simulators.exchange.BalanceChange;
import io.meridian.simulators.exchange.BookTop;
import io.meridian.simulators.exchange.DepthDiff;
import io.meridian.simulators.exchange.DepthSnapshot;
import io.meridian.simulators.exchange.ExchangeListener;
import io.meridian.simulators.exchange.ExchangeLoop;
import io.meridian.simulators.exchange.ExchangeReject;
import io.meridian.simulators.exchange.ExecType;
import io.meridian.simulators.exchange.Fill;
import io.meridian.simulators.exchange.NewOrder;
import io.meridian.simulators.exchange.OrdStatus;
import io.meridian.simulators.exchange.OrdType;
import io.meridian.simulators.exchange.OrderResult;
import io.meridian.simulators.exchange.OrderUpdate;
import io.meridian.simulators.exchange.OrderView;
import io.meridian.simulators.exchange.PriceQty;
import io.meridian.simulators.exchange.SimulatedExchange;
import io.meridian.simulators.exchange.SubmitResult;
import io.meridian.simulators.exchange.SymbolRules;
import io.meridian.simulators.fault.FaultPlan;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import io.meridian.simulators.matching.Side;
import io.meridian.simulators.matching.TimeInForce;
import io.meridian.simulators.net.HttpHandler;
import io.meridian.simulators.net.HttpRequest;
import io.meridian.simulators.net.HttpResponse;
import io.meridian.simulators.net.WebSocketHandler;
import io.meridian.simulators.net.WebSocketSession;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The OKX v5 protocol front end of a {@link SimulatedExchange}: REST {@code /api/v5} and the
 * WebSocket endpoints {@code /ws/v5/public} and {@code /ws/v5/private}, with OKX's field names
 * (every number a string), answers ({@code code} plus per-order {@code sCode}/{@code sMsg}),
 * signature checks and error codes, and the faults mapped to what OKX clients observe.
 * Network threads hand every request to the exchange's loop; all state here is loop-confined.
 */
public final class OkxFrontEnd implements HttpHandler, WebSocketHandler, ExchangeListener {
    /** Public WebSocket path. */
    public static final String WS_PUBLIC = "/ws/v5/public";
    /** Private WebSocket path. */
    public static final String WS_PRIVATE = "/ws/v5/private";

    private static final Pattern CL_ORD_ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final int MAX_FILL_REPLAY = 16;
    /** {@code instIdCode} of the first listed instrument; the others follow in listing order. */
    private static final long FIRST_INST_ID_CODE = 1_000_000_001L;
    /** Stands for an {@code instIdCode} that names no instrument (answered 51001). */
    private static final String UNKNOWN_INSTRUMENT = "?";

    private final SimulatedExchange exchange;
    private final ExchangeLoop loop;
    private final FaultPlan faults;
    private final OkxAuth auth;
    private final Map<String, OkxBookFeed> feeds = new LinkedHashMap<>();
    private final Map<String, String> instIdByCode = new HashMap<>();
    private final Map<Long, OkxOrderRecord> records = new HashMap<>();
    private final List<OkxWsSession> sessions = new ArrayList<>();
    private final Map<String, Deque<ObjectNode>> recentFillPushes = new HashMap<>();
    private final Map<Long, ObjectNode> previousRestView = new HashMap<>();
    private final Map<Long, Long> lastChangeMs = new HashMap<>();
    private final Map<Long, ObjectNode> currentRest = new HashMap<>();
    /** Crossing post-only orders OKX accepts then cancels; the core refuses them, so they live here. */
    private final Map<Long, OrderView> syntheticOrders = new HashMap<>();
    private long syntheticOrderIds = 9_000_000_000_000L;
    /** The record of the order being submitted, picked up by the NEW event of that submit. */
    private OkxOrderRecord pendingRecord;
    private List<Runnable> reorderBuffer;
    /** Private pushes caused by a WebSocket order op, sent after the op's answer (null outside one). */
    private List<Runnable> deferredPushes;

    public OkxFrontEnd(SimulatedExchange exchange, ExchangeLoop loop, FaultPlan faults, List<OkxCredentials> credentials) {
        this.exchange = exchange;
        this.loop = loop;
        this.faults = faults;
        this.auth = new OkxAuth(credentials);
    }

    /** Builds the books mirrors from the exchange's current depth; call on the loop before serving. */
    public void start() {
        for (SymbolRules rules : exchange.allRules()) {
            DepthSnapshot depth = exchange.depth(rules.symbol(), Integer.MAX_VALUE).orElseThrow();
            OkxBookFeed feed = new OkxBookFeed(rules.symbol(), p -> OkxFormat.px(rules, p), q -> OkxFormat.sz(rules, q),
                depth.lastUpdateId());
            feed.reset(levels(depth.bids()), levels(depth.asks()), depth.lastUpdateId());
            feeds.put(rules.symbol(), feed);
            instIdByCode.put(Long.toString(instIdCode(rules.symbol())), rules.symbol());
        }
        exchange.addListener(this);
    }

    /** Venue time in epoch milliseconds, with any clock-skew fault applied. */
    public long nowMs() {
        return exchange.nowNanos() / 1_000_000 + skewMs();
    }

    /** Venue time in epoch microseconds ({@code inTime}/{@code outTime}), with any clock-skew fault applied. */
    long nowMicros() {
        return exchange.nowNanos() / 1_000 + skewMs() * 1_000;
    }

    /** The books channel state of an instrument, for tests comparing a client's book (loop only). */
    public OkxBookFeed feed(String instId) {
        return feeds.get(instId);
    }

    // ---------------------------------------------------------------- REST

    @Override
    public CompletableFuture<HttpResponse> handle(HttpRequest request) {
        return loop.call(() -> Optional.ofNullable(route(request))).thenCompose(answer -> answer.isPresent()
            ? CompletableFuture.completedFuture(answer.get())
            : new CompletableFuture<>());
    }

    /** The answer, or null for a request that must never be answered (timeout fault). */
    private HttpResponse route(HttpRequest request) {
        String path = request.path();
        if (faults.active(FaultType.MAINTENANCE, null).isPresent()) {
            return error(OkxError.SERVICE_UNAVAILABLE);
        }
        if (faults.fire(FaultType.RATE_LIMIT_BURST, request.param("instId")).isPresent()) {
            return error(OkxError.RATE_LIMIT);
        }
        switch (request.method() + " " + path) {
            case "GET /api/v5/public/time":
                return time();
            case "GET /api/v5/public/instruments":
                return instruments(request);
            case "GET /api/v5/market/books":
                return books(request);
            default:
                break;
        }
        if (!path.startsWith("/api/v5/trade/") && !path.startsWith("/api/v5/account/")) {
            return HttpResponse.json(404, OkxJson.MAPPER.createObjectNode().put("msg", "Not Found").put("code", "404").toString());
        }
        String requestPath = request.rawQuery().isEmpty() ? path : path + "?" + request.rawQuery();
        OkxAuth.Verdict verdict = auth.verifyRest(request::header, request.method(), requestPath, request.body(), nowMs());
        if (!verdict.ok()) {
            return error(verdict.error());
        }
        String account = verdict.credentials().account();
        switch (request.method() + " " + path) {
            case "POST /api/v5/trade/order":
                return withBody(request, body -> placeOrder(account, body));
            case "POST /api/v5/trade/cancel-order":
                return withBody(request, body -> cancelOrder(account, body));
            case "POST /api/v5/trade/amend-order":
                return withBody(request, body -> amendOrder(account, body));
            case "POST /api/v5/trade/batch-orders":
                return batch(account, request, OkxTradeOps.Operation.PLACE);
            case "POST /api/v5/trade/cancel-batch-orders":
                return batch(account, request, OkxTradeOps.Operation.CANCEL);
            case "POST /api/v5/trade/amend-batch-orders":
                return batch(account, request, OkxTradeOps.Operation.AMEND);
            case "GET /api/v5/trade/order":
                return orderDetails(account, request);
            case "GET /api/v5/trade/orders-pending":
                return ordersPending(account, request);
            case "GET /api/v5/trade/fills":
                return fills(account, request, false);
            case "GET /api/v5/trade/fills-history":
                return fills(account, request, true);
            case "GET /api/v5/trade/orders-history", "GET /api/v5/trade/orders-history-archive":
                return ordersHistory(account, request);
            case "GET /api/v5/account/balance":
                return balance(account, request);
            default:
                return HttpResponse.json(404, OkxJson.MAPPER.createObjectNode().put("msg", "Not Found").put("code", "404").toString());
        }
    }

    private HttpResponse time() {
        ObjectNode answer = OkxJson.ok();
        OkxJson.data(answer).addObject().put("ts", Long.toString(nowMs()));
        return ok(answer);
    }

    private HttpResponse instruments(HttpRequest request) {
        String instType = request.param("instType");
        if (instType == null || instType.isEmpty()) {
            return error(OkxError.PARAM_EMPTY, OkxError.PARAM_EMPTY.message("instType"));
        }
        ObjectNode answer = OkxJson.ok();
        if (!instType.equals("SPOT")) {
            return ok(answer);
        }
        String instId = request.param("instId");
        for (SymbolRules rules : exchange.allRules()) {
            if (instId != null && !instId.equals(rules.symbol())) {
                continue;
            }
            ObjectNode inst = OkxJson.data(answer).addObject();
            inst.put("alias", "").put("auctionEndTime", "").put("baseCcy", rules.baseAsset()).put("category", "1")
                .put("ctMult", "").put("ctType", "").put("ctVal", "").put("ctValCcy", "").put("expTime", "")
                .put("instFamily", "").put("instId", rules.symbol()).put("instType", "SPOT").put("lever", "")
                .put("instIdCode", instIdCode(rules.symbol())).put("listTime", "1606468572000").put("lotSz", OkxFormat.amount(rules.stepSize()))
                .put("maxIcebergSz", OkxFormat.amount(rules.maxQty())).put("maxLmtAmt", "20000000")
                .put("maxLmtSz", OkxFormat.amount(rules.maxQty())).put("maxMktAmt", "1000000")
                .put("maxMktSz", OkxFormat.amount(rules.maxQty())).put("maxStopSz", OkxFormat.amount(rules.maxQty()))
                .put("maxTriggerSz", OkxFormat.amount(rules.maxQty())).put("maxTwapSz", OkxFormat.amount(rules.maxQty()))
                .put("minSz", OkxFormat.amount(rules.minQty())).put("optType", "").put("quoteCcy", rules.quoteAsset())
                .put("settleCcy", "").put("state", "live").put("stk", "").put("tickSz", OkxFormat.amount(rules.tickSize()))
                .put("uly", "");
        }
        return ok(answer);
    }

    private HttpResponse books(HttpRequest request) {
        String instId = request.param("instId");
        if (instId == null || instId.isEmpty()) {
            return error(OkxError.PARAM_EMPTY, OkxError.PARAM_EMPTY.message("instId"));
        }
        OkxBookFeed feed = feeds.get(instId);
        if (feed == null) {
            return error(OkxError.INSTRUMENT_UNKNOWN);
        }
        int depth = 1;
        String sz = request.param("sz");
        if (sz != null) {
            try {
                depth = Math.max(1, Math.min(400, Integer.parseInt(sz)));
            } catch (NumberFormatException e) {
                return error(OkxError.PARAM_ERROR, OkxError.PARAM_ERROR.message("sz"));
            }
        }
        ObjectNode answer = OkxJson.ok();
        ObjectNode book = OkxJson.data(answer).addObject();
        ArrayNode asks = book.putArray("asks");
        feed.topAsks(depth).forEach(l -> feed.appendLevel(asks, l));
        ArrayNode bids = book.putArray("bids");
        feed.topBids(depth).forEach(l -> feed.appendLevel(bids, l));
        book.put("ts", Long.toString(nowMs()));
        return ok(answer);
    }

    private HttpResponse placeOrder(String account, JsonNode body) {
        String inTime = Long.toString(nowMicros());
        return singleAnswer(place(account, body), inTime);
    }

    private HttpResponse cancelOrder(String account, JsonNode body) {
        String inTime = Long.toString(nowMicros());
        return singleAnswer(cancel(account, body), inTime);
    }

    private HttpResponse amendOrder(String account, JsonNode body) {
        String inTime = Long.toString(nowMicros());
        return singleAnswer(amend(account, body), inTime);
    }

    /** One order operation answered as OKX's single-order REST endpoints do. */
    private HttpResponse singleAnswer(OkxOrderAck ack, String inTime) {
        switch (ack.kind()) {
            case UNANSWERED:
                return null;
            case UNKNOWN_OUTCOME:
            case PARAMETER_ERROR:
                return error(ack.error(), ack.msg());
            default:
                ObjectNode answer = ack.succeeded() ? OkxJson.ok() : OkxJson.error(OkxError.ALL_OPERATIONS_FAILED);
                OkxJson.data(answer).add(ack.row());
                answer.put("inTime", inTime).put("outTime", Long.toString(nowMicros()));
                return ok(answer);
        }
    }

    /** {@code batch-orders}, {@code cancel-batch-orders}, {@code amend-batch-orders}: a JSON array of up to 20 requests. */
    private HttpResponse batch(String account, HttpRequest request, OkxTradeOps.Operation operation) {
        String inTime = Long.toString(nowMicros());
        if (request.body() == null || request.body().isBlank()) {
            return error(OkxError.BODY_EMPTY);
        }
        JsonNode body;
        try {
            body = OkxJson.MAPPER.readTree(request.body());
        } catch (JsonProcessingException e) {
            return error(OkxError.JSON_SYNTAX);
        }
        if (!body.isArray() || body.isEmpty()) {
            return error(OkxError.JSON_SYNTAX);
        }
        if (body.size() > OkxTradeOps.MAX_BATCH) {
            return error(OkxError.COUNT_LIMIT, OkxError.COUNT_LIMIT.message(Integer.toString(OkxTradeOps.MAX_BATCH)));
        }
        for (JsonNode item : body) {
            if (!item.isObject()) {
                return error(OkxError.JSON_SYNTAX);
            }
        }
        List<OkxOrderAck> acks = execute(account, operation, body);
        OkxTradeOps.Outcome outcome = OkxTradeOps.outcome(acks, body, nowMs());
        switch (outcome.kind()) {
            case UNANSWERED:
                return null;
            case UNKNOWN_OUTCOME:
                return error(outcome.error());
            default:
                ObjectNode answer = switch (outcome.code()) {
                    case "0" -> OkxJson.ok();
                    case "1" -> OkxJson.error(OkxError.ALL_OPERATIONS_FAILED);
                    default -> OkxJson.error(OkxError.PARTIALLY_SUCCEEDED);
                };
                outcome.rows().forEach(OkxJson.data(answer)::add);
                answer.put("inTime", inTime).put("outTime", Long.toString(nowMicros()));
                return ok(answer);
        }
    }

    /**
     * Runs each request of a batch (REST or WebSocket) in turn, as OKX does; every order of the
     * batch is one exchange operation, so the book moves between them as it would on the venue.
     */
    List<OkxOrderAck> execute(String account, OkxTradeOps.Operation operation, JsonNode args) {
        List<OkxOrderAck> acks = new ArrayList<>(args.size());
        for (JsonNode arg : args) {
            acks.add(switch (operation) {
                case PLACE -> place(account, arg);
                case CANCEL -> cancel(account, arg);
                case AMEND -> amend(account, arg);
            });
        }
        return acks;
    }

    /** The instrument of an order request: {@code instIdCode} (the WebSocket API's key, preferred) or {@code instId}. */
    private String instrumentOf(JsonNode body) {
        JsonNode code = body.path("instIdCode");
        if (!code.isMissingNode() && !code.isNull() && !code.asText().isEmpty()) {
            String instId = instIdByCode.get(code.asText());
            return instId == null ? UNKNOWN_INSTRUMENT : instId;
        }
        return body.path("instId").asText("");
    }

    /** The instrument code {@code public/instruments} lists as {@code instIdCode}. */
    long instIdCode(String instId) {
        int index = 0;
        for (SymbolRules rules : exchange.allRules()) {
            if (rules.symbol().equals(instId)) {
                return FIRST_INST_ID_CODE + index;
            }
            index++;
        }
        return -1;
    }

    private OkxOrderAck place(String account, JsonNode body) {
        String clOrdId = body.path("clOrdId").asText("");
        String tag = body.path("tag").asText("");
        String instId = instrumentOf(body);
        if (instId.isEmpty()) {
            return OkxOrderAck.parameterError(OkxError.PARAM_EMPTY, OkxError.PARAM_EMPTY.message("instId"));
        }
        String missing = firstMissing(body, "tdMode", "side", "ordType", "sz");
        if (missing != null) {
            return OkxOrderAck.parameterError(OkxError.PARAM_EMPTY, OkxError.PARAM_EMPTY.message(missing));
        }
        String ordType = body.path("ordType").asText();
        String sideText = body.path("side").asText();
        if (!body.path("tdMode").asText().equals("cash")) {
            return OkxOrderAck.parameterError(OkxError.PARAM_ERROR, OkxError.PARAM_ERROR.message("tdMode"));
        }
        if (!sideText.equals("buy") && !sideText.equals("sell")) {
            return OkxOrderAck.parameterError(OkxError.PARAM_ERROR, OkxError.PARAM_ERROR.message("side"));
        }
        if (!clOrdId.isEmpty() && !CL_ORD_ID.matcher(clOrdId).matches()) {
            return OkxOrderAck.parameterError(OkxError.PARAM_ERROR, OkxError.PARAM_ERROR.message("clOrdId"));
        }
        Side side = sideText.equals("buy") ? Side.BUY : Side.SELL;
        OrdType type;
        TimeInForce tif;
        switch (ordType) {
            case "limit" -> { type = OrdType.LIMIT; tif = TimeInForce.GTC; }
            case "post_only" -> { type = OrdType.LIMIT_MAKER; tif = TimeInForce.GTC; }
            case "ioc" -> { type = OrdType.LIMIT; tif = TimeInForce.IOC; }
            case "fok" -> { type = OrdType.LIMIT; tif = TimeInForce.FOK; }
            case "market" -> { type = OrdType.MARKET; tif = TimeInForce.IOC; }
            default -> {
                return OkxOrderAck.parameterError(OkxError.PARAM_ERROR, OkxError.PARAM_ERROR.message("ordType"));
            }
        }
        SymbolRules rules = exchange.rules(instId).orElse(null);
        if (rules == null) {
            return orderFailure(clOrdId, "", tag, OkxError.INSTRUMENT_UNKNOWN, OkxError.INSTRUMENT_UNKNOWN.message());
        }
        Long sz = decimal(body.path("sz").asText());
        if (sz == null || sz <= 0) {
            return OkxOrderAck.parameterError(OkxError.PARAM_ERROR, OkxError.PARAM_ERROR.message("sz"));
        }
        long price = 0;
        if (type != OrdType.MARKET) {
            if (body.path("px").asText("").isEmpty()) {
                return OkxOrderAck.parameterError(OkxError.PARAM_EMPTY, OkxError.PARAM_EMPTY.message("px"));
            }
            Long px = decimal(body.path("px").asText());
            if (px == null || px <= 0) {
                return OkxOrderAck.parameterError(OkxError.PARAM_ERROR, OkxError.PARAM_ERROR.message("px"));
            }
            price = px;
        }
        // OKX spot market buys are sized in the quote currency unless tgtCcy says base_ccy
        String tgtCcy = body.path("tgtCcy").asText("");
        boolean quoteSized = type == OrdType.MARKET
            && (tgtCcy.equals("quote_ccy") || (tgtCcy.isEmpty() && side == Side.BUY));
        String reportedTgtCcy = type == OrdType.MARKET ? (quoteSized ? "quote_ccy" : "base_ccy") : "";
        NewOrder order = new NewOrder(account, instId, side, type, tif, price, quoteSized ? 0 : sz, quoteSized ? sz : 0,
            clOrdId.isEmpty() ? null : clOrdId);
        if (quoteSized && rules.checkNotional(Amounts.ONE, sz) != null) {
            return orderFailure(clOrdId, "", tag, OkxError.BELOW_MIN_SIZE, OkxError.BELOW_MIN_SIZE.message());
        }
        if (!quoteSized) {
            OkxError sizeError = checkSize(rules, sz);
            if (sizeError != null) {
                return orderFailure(clOrdId, "", tag, sizeError, sizeError.message());
            }
        }
        if (type == OrdType.LIMIT_MAKER && wouldCross(instId, side, price)) {
            return postOnlyCanceled(account, rules, order, clOrdId, tag);
        }
        Optional<FaultSpec> ackThenReject = faults.fire(FaultType.ACK_THEN_REJECT, instId);
        Optional<FaultSpec> forget = ackThenReject.isPresent() ? Optional.empty() : faults.fire(FaultType.FORGET_ORDER, instId);
        Optional<FaultSpec> timeout = faults.fire(FaultType.TIMEOUT_ORDER_PLACED, instId);
        Optional<FaultSpec> unknown = timeout.isPresent() ? Optional.empty() : faults.fire(FaultType.UNKNOWN_OUTCOME, instId);
        OkxOrderRecord record = new OkxOrderRecord(ordType, reportedTgtCcy, clOrdId, quoteSized ? body.path("sz").asText() : null);
        record.tag = tag;
        pendingRecord = record;
        SubmitResult result;
        try {
            result = exchange.submit(order);
        } finally {
            pendingRecord = null;
        }
        if (!result.accepted()) {
            OkxError code = map(result.reject(), rules, sz);
            String msg = switch (code) {
                case INSUFFICIENT_BALANCE -> code.message(side == Side.BUY ? rules.quoteAsset() : rules.baseAsset());
                case PARAM_ERROR -> code.message("px");
                default -> code.message();
            };
            return orderFailure(clOrdId, "", tag, code, msg);
        }
        long orderId = result.order().orderId();
        if (ackThenReject.isPresent()) {
            long delay = Math.max(0, ackThenReject.get().param());
            loop.schedule(() -> rejectAfterAck(account, instId, orderId), delay);
        }
        if (forget.isPresent()) {
            long delay = forget.get().param() > 0 ? forget.get().param() : 50;
            loop.schedule(() -> forgetOrder(account, instId, orderId), delay);
        }
        if (timeout.isPresent()) {
            return OkxOrderAck.unanswered();
        }
        if (unknown.isPresent()) {
            return OkxOrderAck.unknownOutcome(unknown.get().param() == 1 ? OkxError.REQUEST_TIMED_OUT : OkxError.ENDPOINT_TIMEOUT);
        }
        return OkxOrderAck.answered(row(clOrdId, Long.toString(orderId)).put("tag", tag).put("sCode", "0").put("sMsg", "Order placed")
            .put("subCode", ""));
    }

    private OkxOrderAck cancel(String account, JsonNode body) {
        String instId = instrumentOf(body);
        if (instId.isEmpty()) {
            return OkxOrderAck.parameterError(OkxError.PARAM_EMPTY, OkxError.PARAM_EMPTY.message("instId"));
        }
        String clOrdId = body.path("clOrdId").asText("");
        String ordId = body.path("ordId").asText("");
        if (ordId.isEmpty() && clOrdId.isEmpty()) {
            return orderFailure(clOrdId, "", null, OkxError.ORD_ID_REQUIRED, OkxError.ORD_ID_REQUIRED.message());
        }
        Optional<OrderView> target = find(account, instId, ordId, clOrdId);
        if (target.isEmpty() || !target.get().status().isOpen()) {
            return orderFailure(clOrdId, ordId, null, OkxError.CANCEL_FAILED, OkxError.CANCEL_FAILED.message());
        }
        OrderView order = target.get();
        OrderResult result = exchange.cancel(account, instId, order.orderId());
        if (!result.done()) {
            return orderFailure(clOrdId, ordId, null, OkxError.CANCEL_FAILED, OkxError.CANCEL_FAILED.message());
        }
        return OkxOrderAck.answered(row(record(order).clOrdId, Long.toString(order.orderId())).put("sCode", "0").put("sMsg", ""));
    }

    private OkxOrderAck amend(String account, JsonNode body) {
        String instId = instrumentOf(body);
        if (instId.isEmpty()) {
            return OkxOrderAck.parameterError(OkxError.PARAM_EMPTY, OkxError.PARAM_EMPTY.message("instId"));
        }
        String clOrdId = body.path("clOrdId").asText("");
        String ordId = body.path("ordId").asText("");
        String reqId = body.path("reqId").asText("");
        if (ordId.isEmpty() && clOrdId.isEmpty()) {
            return amendFailure(clOrdId, "", reqId, OkxError.ORD_ID_REQUIRED, OkxError.ORD_ID_REQUIRED.message());
        }
        String newSzText = body.path("newSz").asText("");
        String newPxText = body.path("newPx").asText("");
        if (newSzText.isEmpty() && newPxText.isEmpty()) {
            return OkxOrderAck.parameterError(OkxError.PARAM_EMPTY, "Either parameter newSz or newPx is required");
        }
        Optional<OrderView> target = find(account, instId, ordId, clOrdId);
        if (target.isEmpty()) {
            return amendFailure(clOrdId, ordId, reqId, OkxError.ORDER_NOT_EXIST, OkxError.ORDER_NOT_EXIST.message());
        }
        OrderView order = target.get();
        if (!order.status().isOpen()) {
            return amendFailure(record(order).clOrdId, Long.toString(order.orderId()), reqId, OkxError.AMEND_FAILED,
                OkxError.AMEND_FAILED.message());
        }
        SymbolRules rules = exchange.rules(instId).orElseThrow();
        Long newSz = newSzText.isEmpty() ? Long.valueOf(order.origQty()) : decimal(newSzText);
        Long newPx = newPxText.isEmpty() ? Long.valueOf(order.price()) : decimal(newPxText);
        if (newSz == null || newSz <= 0) {
            return OkxOrderAck.parameterError(OkxError.PARAM_ERROR, OkxError.PARAM_ERROR.message("newSz"));
        }
        if (newPx == null || newPx <= 0) {
            return OkxOrderAck.parameterError(OkxError.PARAM_ERROR, OkxError.PARAM_ERROR.message("newPx"));
        }
        OkxOrderRecord record = record(order);
        record.reqId = reqId;
        OrderResult result = exchange.amend(account, instId, order.orderId(), newSz, newPx);
        if (!result.done()) {
            OkxError code = result.reject() == ExchangeReject.INVALID_AMEND ? OkxError.PARAM_ERROR : map(result.reject(), rules, newSz);
            String msg = code == OkxError.PARAM_ERROR ? code.message("newSz")
                : code == OkxError.INSUFFICIENT_BALANCE ? code.message(order.side() == Side.BUY ? rules.quoteAsset() : rules.baseAsset())
                : code.message();
            if (body.path("cxlOnFail").asBoolean(false) || body.path("cxlOnFail").asText("").equals("true")) {
                exchange.cancel(account, instId, order.orderId());
            }
            return amendFailure(record.clOrdId, Long.toString(order.orderId()), reqId, code, msg);
        }
        return OkxOrderAck.answered(row(record.clOrdId, Long.toString(order.orderId())).put("reqId", reqId).put("sCode", "0")
            .put("sMsg", "").put("subCode", ""));
    }

    private HttpResponse orderDetails(String account, HttpRequest request) {
        String instId = request.param("instId");
        if (instId == null || instId.isEmpty()) {
            return error(OkxError.PARAM_EMPTY, OkxError.PARAM_EMPTY.message("instId"));
        }
        String ordId = Optional.ofNullable(request.param("ordId")).orElse("");
        String clOrdId = Optional.ofNullable(request.param("clOrdId")).orElse("");
        if (ordId.isEmpty() && clOrdId.isEmpty()) {
            return error(OkxError.ORD_ID_REQUIRED);
        }
        Optional<OrderView> order = find(account, instId, ordId, clOrdId);
        ObjectNode view = order.map(this::restView).orElse(null);
        if (view == null) {
            return error(OkxError.ORDER_NOT_EXIST);
        }
        ObjectNode answer = OkxJson.ok();
        OkxJson.data(answer).add(view);
        return ok(answer);
    }

    private HttpResponse ordersPending(String account, HttpRequest request) {
        String instId = request.param("instId");
        List<OrderView> open = new ArrayList<>(exchange.openOrders(account, instId == null || instId.isEmpty() ? null : instId));
        open.sort((a, b) -> Long.compare(b.orderId(), a.orderId()));
        ObjectNode answer = OkxJson.ok();
        for (OrderView order : open) {
            ObjectNode view = record(order).forgotten ? null : restView(order);
            if (view != null) {
                OkxJson.data(answer).add(view);
            }
        }
        return ok(answer);
    }

    /**
     * {@code fills} (last 3 days on OKX) and {@code fills-history} (last 3 months, {@code instType}
     * required): the account's fills, newest first, paged by {@code billId} ({@code after} older,
     * {@code before} newer), {@code begin}/{@code end} on {@code ts}, {@code limit} up to 100.
     */
    private HttpResponse fills(String account, HttpRequest request, boolean history) {
        HttpResponse refused = checkInstType(request, history);
        if (refused != null) {
            return refused;
        }
        OkxPage page;
        try {
            page = OkxPage.of(request::param);
        } catch (IllegalArgumentException e) {
            return error(OkxError.PARAM_ERROR, OkxError.PARAM_ERROR.message(e.getMessage()));
        }
        String instId = request.param("instId");
        String ordId = request.param("ordId");
        String subType = request.param("subType");
        List<Fill> all = new ArrayList<>();
        for (SymbolRules rules : exchange.allRules()) {
            if (instId == null || instId.isEmpty() || instId.equals(rules.symbol())) {
                all.addAll(exchange.trades(account, rules.symbol()));
            }
        }
        all.sort((a, b) -> Long.compare(billId(b), billId(a)));
        ObjectNode answer = OkxJson.ok();
        for (Fill fill : all) {
            if ((ordId != null && !ordId.isEmpty() && !ordId.equals(Long.toString(fill.orderId())))
                || (subType != null && !subType.isEmpty() && !subType.equals(fill.side() == Side.BUY ? "1" : "2"))
                || !page.admits(billId(fill), fill.timeNanos() / 1_000_000 + skewMs())) {
                continue;
            }
            if (OkxJson.data(answer).size() == page.limit()) {
                break;
            }
            OkxJson.data(answer).add(fillView(fill));
        }
        return ok(answer);
    }

    /**
     * {@code orders-history} (last 7 days) and {@code orders-history-archive} (3 months): the
     * account's completed orders (filled or canceled), newest first, paged by {@code ordId},
     * {@code begin}/{@code end} on {@code cTime}, filtered by {@code instId}, {@code ordType}
     * (comma-separated) and {@code state}.
     */
    private HttpResponse ordersHistory(String account, HttpRequest request) {
        HttpResponse refused = checkInstType(request, true);
        if (refused != null) {
            return refused;
        }
        OkxPage page;
        try {
            page = OkxPage.of(request::param);
        } catch (IllegalArgumentException e) {
            return error(OkxError.PARAM_ERROR, OkxError.PARAM_ERROR.message(e.getMessage()));
        }
        String instId = request.param("instId");
        String ordTypes = request.param("ordType");
        List<String> wantedTypes = ordTypes == null || ordTypes.isEmpty() ? null : List.of(ordTypes.split(","));
        String state = request.param("state");
        List<OrderView> done = new ArrayList<>();
        for (SymbolRules rules : exchange.allRules()) {
            if (instId == null || instId.isEmpty() || instId.equals(rules.symbol())) {
                exchange.allOrders(account, rules.symbol()).stream().filter(o -> !o.status().isOpen()).forEach(done::add);
            }
        }
        syntheticOrders.values().stream().filter(o -> o.account().equals(account)
            && (instId == null || instId.isEmpty() || instId.equals(o.symbol()))).forEach(done::add);
        done.sort((a, b) -> Long.compare(b.orderId(), a.orderId()));
        ObjectNode answer = OkxJson.ok();
        for (OrderView order : done) {
            OkxOrderRecord record = record(order);
            if (record.forgotten
                || (wantedTypes != null && !wantedTypes.contains(record.ordType))
                || (state != null && !state.isEmpty() && !state.equals(state(order.status())))
                || !page.admits(order.orderId(), order.createNanos() / 1_000_000 + skewMs())) {
                continue;
            }
            if (OkxJson.data(answer).size() == page.limit()) {
                break;
            }
            OkxJson.data(answer).add(orderView(order, false));
        }
        return ok(answer);
    }

    /** Null to go on; otherwise the answer: 50014 when required and absent, 51000 unknown, empty for non-spot types. */
    private static HttpResponse checkInstType(HttpRequest request, boolean required) {
        String instType = request.param("instType");
        if (instType == null || instType.isEmpty()) {
            return required ? error(OkxError.PARAM_EMPTY, OkxError.PARAM_EMPTY.message("instType")) : null;
        }
        return switch (instType) {
            case "SPOT" -> null;
            // a spot-only venue has nothing of the other types
            case "MARGIN", "SWAP", "FUTURES", "OPTION", "EVENTS" -> ok(OkxJson.ok());
            default -> error(OkxError.PARAM_ERROR, OkxError.PARAM_ERROR.message("instType"));
        };
    }

    private static long billId(Fill fill) {
        return fill.tradeId() * 2 + (fill.maker() ? 1 : 0);
    }

    private HttpResponse balance(String account, HttpRequest request) {
        String ccy = request.param("ccy");
        List<String> wanted = ccy == null || ccy.isEmpty() ? null : List.of(ccy.split(","));
        List<Balance> balances = new ArrayList<>();
        for (Balance b : exchange.balances(account)) {
            if (wanted == null || wanted.contains(b.asset())) {
                balances.add(b);
            }
        }
        ObjectNode answer = OkxJson.ok();
        OkxJson.data(answer).add(accountView(balances, exchange.balances(account)));
        return ok(answer);
    }

    // ---------------------------------------------------------------- REST helpers

    private HttpResponse withBody(HttpRequest request, java.util.function.Function<JsonNode, HttpResponse> action) {
        if (request.body() == null || request.body().isBlank()) {
            return error(OkxError.BODY_EMPTY);
        }
        JsonNode body;
        try {
            body = OkxJson.MAPPER.readTree(request.body());
        } catch (JsonProcessingException e) {
            return error(OkxError.JSON_SYNTAX);
        }
        if (!body.isObject()) {
            return error(OkxError.JSON_SYNTAX);
        }
        return action.apply(body);
    }

    private Optional<OrderView> find(String account, String instId, String ordId, String clOrdId) {
        Optional<OrderView> order;
        if (!ordId.isEmpty()) {
            long id;
            try {
                id = Long.parseLong(ordId);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            order = exchange.order(account, instId, id);
            if (order.isEmpty()) {
                order = Optional.ofNullable(syntheticOrders.get(id));
            }
        } else {
            order = exchange.orderByClientId(account, instId, clOrdId);
            if (order.isEmpty()) {
                order = syntheticOrders.values().stream().filter(o -> clOrdId.equals(o.clientOrderId())).reduce((a, b) -> b);
            }
        }
        return order.filter(o -> o.account().equals(account) && o.symbol().equals(instId) && !record(o).forgotten);
    }

    /** The order as REST reports it: while REST_STREAM_DISAGREE is armed, the state from before its latest change (null: not yet known). */
    private ObjectNode restView(OrderView order) {
        Optional<FaultSpec> lag = faults.active(FaultType.REST_STREAM_DISAGREE, order.symbol());
        Long changed = lastChangeMs.get(order.orderId());
        if (lag.isPresent() && changed != null) {
            long lagMs = lag.get().param() > 0 ? lag.get().param() : lag.get().durationMs();
            if (lagMs == 0 || nowMs() - changed < lagMs) {
                return previousRestView.get(order.orderId());
            }
        }
        return orderView(order, false);
    }

    private OkxError checkSize(SymbolRules rules, long sz) {
        if (sz < rules.minQty()) {
            return OkxError.BELOW_MIN_SIZE;
        }
        if (sz % rules.stepSize() != 0 || (rules.maxQty() > 0 && sz > rules.maxQty())) {
            return OkxError.LOT_SIZE;
        }
        return null;
    }

    private OkxError map(ExchangeReject reject, SymbolRules rules, long sz) {
        return switch (reject) {
            case UNKNOWN_SYMBOL -> OkxError.INSTRUMENT_UNKNOWN;
            case PRICE_FILTER -> OkxError.PARAM_ERROR;
            case LOT_SIZE -> checkSize(rules, sz) == OkxError.BELOW_MIN_SIZE ? OkxError.BELOW_MIN_SIZE : OkxError.LOT_SIZE;
            case MIN_NOTIONAL, NO_LIQUIDITY -> OkxError.BELOW_MIN_SIZE;
            case INSUFFICIENT_BALANCE -> OkxError.INSUFFICIENT_BALANCE;
            case DUPLICATE_CLIENT_ORDER_ID -> OkxError.DUPLICATE_CL_ORD_ID;
            case UNKNOWN_ORDER -> OkxError.ORDER_NOT_EXIST;
            case VENUE_UNAVAILABLE -> OkxError.SERVICE_UNAVAILABLE;
            case UNKNOWN_ACCOUNT -> OkxError.INVALID_KEY;
            case POST_ONLY_WOULD_CROSS, INVALID_AMEND -> OkxError.PARAM_ERROR;
        };
    }

    /** A per-order answer row: {@code clOrdId}, {@code ordId}, {@code ts}; the caller adds the rest in OKX's order. */
    private ObjectNode row(String clOrdId, String ordId) {
        return OkxJson.MAPPER.createObjectNode().put("clOrdId", clOrdId).put("ordId", ordId).put("ts", Long.toString(nowMs()));
    }

    /** A refused place (with {@code tag}) or cancel (tag null) row. */
    private OkxOrderAck orderFailure(String clOrdId, String ordId, String tag, OkxError code, String msg) {
        ObjectNode row = row(clOrdId, ordId);
        if (tag != null) {
            row.put("tag", tag);
        }
        return OkxOrderAck.answered(row.put("sCode", code.code()).put("sMsg", msg).put("subCode", ""));
    }

    private OkxOrderAck amendFailure(String clOrdId, String ordId, String reqId, OkxError code, String msg) {
        return OkxOrderAck.answered(row(clOrdId, ordId).put("reqId", reqId).put("sCode", code.code()).put("sMsg", msg)
            .put("subCode", ""));
    }

    private OkxOrderAck postOnlyCanceled(String account, SymbolRules rules, NewOrder order, String clOrdId, String tag) {
        // OKX accepts a crossing post-only order and cancels it at once (cancelSource 31); the core
        // refuses it, so the front end keeps the canceled order itself under a fresh venue id.
        long orderId = syntheticOrderIds++;
        long now = exchange.nowNanos();
        OrderView view = new OrderView(orderId, clOrdId.isEmpty() ? null : clOrdId, account, rules.symbol(), order.side(),
            OrdType.LIMIT_MAKER, TimeInForce.GTC, order.price(), order.qty(), 0, 0, OrdStatus.CANCELED, now, now);
        OkxOrderRecord record = new OkxOrderRecord("post_only", "", clOrdId, null);
        record.cancelSource = "31";
        record.tag = tag;
        records.put(orderId, record);
        syntheticOrders.put(orderId, view);
        pushOrder(view, record, null, ExecType.CANCELED);
        return OkxOrderAck.answered(row(clOrdId, Long.toString(orderId)).put("tag", tag).put("sCode", "0").put("sMsg", "Order placed")
            .put("subCode", ""));
    }
    private boolean wouldCross(String instId, Side side, long price) {
        BookTop top = exchange.bookTop(instId).orElse(null);
        if (top == null) {
            return false;
        }
        return side == Side.BUY ? top.askPrice() > 0 && price >= top.askPrice() : top.bidPrice() > 0 && price <= top.bidPrice();
    }

    private void rejectAfterAck(String account, String instId, long orderId) {
        OkxOrderRecord record = records.get(orderId);
        if (record == null) {
            return;
        }
        record.cancelSource = "0";
        exchange.cancel(account, instId, orderId);
        record.forgotten = true;
    }

    /** FORGET_ORDER: the venue drops the order without a push; REST no longer knows it. */
    private void forgetOrder(String account, String instId, long orderId) {
        OkxOrderRecord record = records.get(orderId);
        if (record == null) {
            return;
        }
        record.forgotten = true;
        exchange.cancel(account, instId, orderId);
    }

    private static String firstMissing(JsonNode body, String... names) {
        for (String name : names) {
            if (body.path(name).asText("").isEmpty()) {
                return name;
            }
        }
        return null;
    }

    private static Long decimal(String text) {
        if (text == null || text.isEmpty() || !Amounts.isValid(text)) {
            return null;
        }
        return Amounts.of(text);
    }

    private static HttpResponse ok(ObjectNode answer) {
        return HttpResponse.json(200, answer.toString());
    }

    private static HttpResponse error(OkxError error) {
        return HttpResponse.json(error.httpStatus(), OkxJson.error(error).toString());
    }

    private static HttpResponse error(OkxError error, String msg) {
        return HttpResponse.json(error.httpStatus(), OkxJson.error(error, msg).toString());
    }

    // ---------------------------------------------------------------- JSON views

    private OkxOrderRecord record(OrderView order) {
        return records.computeIfAbsent(order.orderId(), id -> new OkxOrderRecord(defaultOrdType(order), "", "", null));
    }

    private static String defaultOrdType(OrderView order) {
        return switch (order.type()) {
            case MARKET -> "market";
            case LIMIT_MAKER -> "post_only";
            case LIMIT -> order.tif() == TimeInForce.IOC ? "ioc" : order.tif() == TimeInForce.FOK ? "fok" : "limit";
        };
    }

    private ObjectNode orderView(OrderView order, boolean channel) {
        OkxOrderRecord record = record(order);
        SymbolRules rules = exchange.rules(order.symbol()).orElseThrow();
        ObjectNode node = OkxJson.MAPPER.createObjectNode();
        node.put("instType", "SPOT").put("instId", order.symbol()).put("tgtCcy", record.tgtCcy).put("ccy", "")
            .put("ordId", Long.toString(order.orderId())).put("clOrdId", record.clOrdId).put("tag", record.tag)
            .put("px", order.type() == OrdType.MARKET ? "" : OkxFormat.px(rules, order.price()))
            .put("pxUsd", "").put("pxVol", "").put("pxType", "")
            .put("sz", record.quoteSz != null ? record.quoteSz : OkxFormat.sz(rules, order.origQty()))
            .put("pnl", "0").put("ordType", record.ordType).put("side", order.side() == Side.BUY ? "buy" : "sell")
            .put("posSide", "net").put("tdMode", "cash").put("accFillSz", OkxFormat.sz(rules, order.executedQty()))
            .put("fillPx", record.lastFillPx).put("tradeId", record.lastTradeId).put("fillSz", record.lastFillSz)
            .put("fillTime", record.lastFillTime)
            .put("avgPx", order.executedQty() == 0 ? (channel ? "0" : "")
                : OkxFormat.amount(Amounts.div(order.cumQuoteQty(), order.executedQty())))
            .put("state", state(order.status())).put("stpId", "").put("stpMode", "cancel_maker").put("lever", "")
            .put("attachAlgoClOrdId", "").put("tpTriggerPx", "").put("tpTriggerPxType", "").put("tpOrdPx", "")
            .put("slTriggerPx", "").put("slTriggerPxType", "").put("slOrdPx", "")
            .put("feeCcy", record.feeCcy.isEmpty() ? (order.side() == Side.BUY ? rules.baseAsset() : rules.quoteAsset()) : record.feeCcy)
            .put("fee", OkxFormat.fee(record.feeScaled))
            .put("rebateCcy", order.side() == Side.BUY ? rules.quoteAsset() : rules.baseAsset()).put("rebate", "0")
            .put("source", "").put("category", "normal").put("reduceOnly", "false").put("isTpLimit", "false")
            .put("cancelSource", record.cancelSource).put("cancelSourceReason", cancelReason(record.cancelSource))
            .put("quickMgnType", "").put("algoClOrdId", "").put("algoId", "")
            .put("uTime", Long.toString(order.updateNanos() / 1_000_000 + skewMs()))
            .put("cTime", Long.toString(order.createNanos() / 1_000_000 + skewMs()));
        node.putArray("attachAlgoOrds");
        return node;
    }

    private static String state(OrdStatus status) {
        return switch (status) {
            case NEW -> "live";
            case PARTIALLY_FILLED -> "partially_filled";
            case FILLED -> "filled";
            case CANCELED, EXPIRED, REJECTED -> "canceled";
        };
    }

    private static String cancelReason(String source) {
        return switch (source) {
            case "0" -> "Order canceled by system";
            case "1" -> "Order canceled by user";
            case "13" -> "Order canceled: FOK order was canceled due to incompletely filled";
            case "14" -> "Order canceled: IOC order was partially canceled due to incompletely filled";
            case "31" -> "The post-only order will take liquidity in maker orders";
            default -> "";
        };
    }

    private ObjectNode fillView(Fill fill) {
        SymbolRules rules = exchange.rules(fill.symbol()).orElseThrow();
        OkxOrderRecord record = records.get(fill.orderId());
        long rate = fill.maker() ? exchange.makerFeeRate(fill.account()) : exchange.takerFeeRate(fill.account());
        ObjectNode node = OkxJson.MAPPER.createObjectNode();
        node.put("instType", "SPOT").put("instId", fill.symbol()).put("tradeId", Long.toString(fill.tradeId()))
            .put("ordId", Long.toString(fill.orderId())).put("clOrdId", record == null ? "" : record.clOrdId)
            .put("billId", Long.toString(billId(fill))).put("subType", fill.side() == Side.BUY ? "1" : "2")
            .put("tag", "").put("fillPx", OkxFormat.px(rules, fill.price())).put("fillSz", OkxFormat.sz(rules, fill.qty()))
            .put("fillIdxPx", "").put("fillPnl", "0").put("fillPxVol", "").put("fillPxUsd", "").put("fillMarkVol", "")
            .put("fillFwdPx", "").put("fillMarkPx", "").put("side", fill.side() == Side.BUY ? "buy" : "sell")
            .put("posSide", "net").put("execType", fill.maker() ? "M" : "T").put("feeCcy", fill.commissionAsset())
            .put("fee", OkxFormat.fee(fill.commission())).put("feeRate", OkxFormat.fee(rate))
            .put("ts", Long.toString(fill.timeNanos() / 1_000_000 + skewMs()))
            .put("fillTime", Long.toString(fill.timeNanos() / 1_000_000 + skewMs())).put("tradeQuoteCcy", rules.quoteAsset());
        return node;
    }

    private ObjectNode accountView(List<Balance> shown, List<Balance> all) {
        long totalUsd = 0;
        for (Balance b : all) {
            totalUsd += usd(b.asset(), b.total() + drift(b.asset()));
        }
        ObjectNode node = OkxJson.MAPPER.createObjectNode();
        node.put("adjEq", "").put("availEq", "").put("borrowFroz", "").put("imr", "").put("isoEq", "0")
            .put("mgnRatio", "").put("mmr", "").put("notionalUsd", "").put("ordFroz", "")
            .put("totalEq", OkxFormat.amount(totalUsd)).put("uTime", Long.toString(nowMs())).put("upl", "");
        ArrayNode details = node.putArray("details");
        for (Balance b : shown) {
            long drift = drift(b.asset());
            long eq = b.total() + drift;
            details.addObject().put("ccy", b.asset()).put("eq", OkxFormat.amount(eq)).put("cashBal", OkxFormat.amount(eq))
                .put("availBal", OkxFormat.amount(b.free() + drift)).put("availEq", OkxFormat.amount(b.free() + drift))
                .put("frozenBal", OkxFormat.amount(b.locked())).put("ordFrozen", OkxFormat.amount(b.locked()))
                .put("disEq", OkxFormat.amount(usd(b.asset(), eq))).put("eqUsd", OkxFormat.amount(usd(b.asset(), eq)))
                .put("isoEq", "0").put("liab", "").put("upl", "0").put("uplLiab", "").put("crossLiab", "").put("isoLiab", "")
                .put("mgnRatio", "").put("interest", "").put("twap", "0").put("maxLoan", "").put("notionalLever", "")
                .put("stgyEq", "0").put("isoUpl", "").put("spotInUseAmt", "").put("spotIsoBal", "0")
                .put("uTime", Long.toString(nowMs()));
        }
        return node;
    }

    private long drift(String asset) {
        return faults.active(FaultType.BALANCE_DRIFT, null)
            .filter(spec -> asset.equals(spec.asset()))
            .map(FaultSpec::param).orElse(0L);
    }

    private long usd(String asset, long amount) {
        if (asset.equals("USDT") || asset.equals("USDC") || asset.equals("USD")) {
            return amount;
        }
        BookTop top = exchange.bookTop(asset + "-USDT").orElse(null);
        if (top == null || top.bidPrice() == 0 || top.askPrice() == 0) {
            return 0;
        }
        return Amounts.mul(amount, (top.bidPrice() + top.askPrice()) / 2);
    }

    private long skewMs() {
        return faults.active(FaultType.CLOCK_SKEW, null).map(FaultSpec::param).orElse(0L);
    }

    private static List<OkxBookFeed.Level> levels(List<PriceQty> levels) {
        List<OkxBookFeed.Level> out = new ArrayList<>(levels.size());
        levels.forEach(l -> out.add(new OkxBookFeed.Level(l.price(), l.qty(), l.qty() == 0 ? 0 : 1)));
        return out;
    }

    // ---------------------------------------------------------------- exchange events -> pushes

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        OrderView order = update.order();
        if (!isTrader(order.account())) {
            return;
        }
        if (update.execType() == ExecType.NEW && pendingRecord != null && !records.containsKey(order.orderId())) {
            records.put(order.orderId(), pendingRecord);
        }
        OkxOrderRecord record = record(order);
        Fill fill = update.fill();
        SymbolRules rules = exchange.rules(order.symbol()).orElseThrow();
        if (fill != null) {
            record.feeScaled += fill.commission();
            record.feeCcy = fill.commissionAsset();
            record.lastFillPx = OkxFormat.px(rules, fill.price());
            record.lastFillSz = OkxFormat.sz(rules, fill.qty());
            record.lastTradeId = Long.toString(fill.tradeId());
            record.lastFillTime = Long.toString(fill.timeNanos() / 1_000_000 + skewMs());
        } else {
            record.lastFillSz = "0";
        }
        if (update.execType() == ExecType.CANCELED && record.cancelSource.isEmpty()) {
            record.cancelSource = "1";
        } else if (update.execType() == ExecType.EXPIRED) {
            record.cancelSource = order.tif() == TimeInForce.FOK ? "13" : "14";
        }
        if (faults.active(FaultType.REST_STREAM_DISAGREE, order.symbol()).isPresent()) {
            // kept only while the fault is armed: REST then answers the state before the latest change
            previousRestView.put(order.orderId(), currentRest.get(order.orderId()));
            currentRest.put(order.orderId(), orderView(order, false));
            lastChangeMs.put(order.orderId(), nowMs());
        } else if (!lastChangeMs.isEmpty()) {
            previousRestView.clear();
            currentRest.clear();
            lastChangeMs.clear();
        }
        pushOrder(order, record, fill, update.execType());
    }

    private boolean isTrader(String account) {
        return !account.equals(io.meridian.simulators.exchange.ExchangeConfig.MAKER_ACCOUNT)
            && !account.equals(io.meridian.simulators.exchange.ExchangeConfig.TAKER_ACCOUNT);
    }

    private void pushOrder(OrderView order, OkxOrderRecord record, Fill fill, ExecType execType) {
        if (record.forgotten) {
            return;
        }
        if (fill != null && hasPrivateSubscriber(order.account(), "orders")
            && faults.fire(FaultType.DROP_FILL_EVENTS, order.symbol()).isPresent()) {
            // never pushed and never replayed: only REST (fills, order) knows the trade (as on Binance,
            // only a fill someone would have received counts)
            return;
        }
        // fills are kept for replays even without a subscriber; other pushes are built only for one
        if (fill == null && !hasPrivateSubscriber(order.account(), "orders")) {
            return;
        }
        ObjectNode data = orderView(order, true);
        SymbolRules rules = exchange.rules(order.symbol()).orElseThrow();
        data.put("fillSz", fill == null ? "0" : OkxFormat.sz(rules, fill.qty()))
            .put("fillPx", fill == null ? "" : OkxFormat.px(rules, fill.price()))
            .put("tradeId", fill == null ? "" : Long.toString(fill.tradeId()))
            .put("fillTime", fill == null ? "" : Long.toString(fill.timeNanos() / 1_000_000 + skewMs()))
            .put("fillFee", fill == null ? "0" : OkxFormat.fee(fill.commission()))
            .put("fillFeeCcy", fill == null ? "" : fill.commissionAsset())
            .put("execType", fill == null ? "" : fill.maker() ? "M" : "T")
            .put("fillNotionalUsd", "").put("notionalUsd", "").put("lastPx", "")
            .put("amendResult", execType == ExecType.REPLACED ? "0" : "").put("reqId", execType == ExecType.REPLACED ? record.reqId : "")
            .put("code", "0").put("msg", "");
        String account = order.account();
        String instId = order.symbol();
        Runnable send = () -> sendToPrivate(account, "orders", instId, arg -> orderPush(arg, data));
        if (fill != null) {
            Deque<ObjectNode> recent = recentFillPushes.computeIfAbsent(account, k -> new ArrayDeque<>());
            recent.addLast(data);
            while (recent.size() > MAX_FILL_REPLAY) {
                recent.removeFirst();
            }
            Optional<FaultSpec> delay = faults.fire(FaultType.DELAY_FILLS, instId);
            if (delay.isPresent()) {
                loop.schedule(send, Math.max(1, delay.get().param()));
                return;
            }
        }
        if (reorderBuffer == null && faults.fire(FaultType.OUT_OF_ORDER_EVENTS, instId).isPresent()) {
            List<Runnable> buffer = new ArrayList<>();
            reorderBuffer = buffer;
            loop.execute(() -> {
                reorderBuffer = null;
                for (int i = buffer.size() - 1; i >= 0; i--) {
                    buffer.get(i).run();
                }
            });
        }
        if (reorderBuffer != null) {
            reorderBuffer.add(send);
        } else {
            emit(send);
        }
    }

    /** Sends a private push now, or after the answer of the WebSocket order op that caused it. */
    private void emit(Runnable push) {
        if (deferredPushes != null) {
            deferredPushes.add(push);
        } else {
            push.run();
        }
    }

    private boolean hasPrivateSubscriber(String account, String channel) {
        for (OkxWsSession session : sessions) {
            if (account.equals(session.account()) && !session.subscriptions(channel).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode orderPush(ObjectNode arg, ObjectNode data) {
        ObjectNode push = OkxJson.MAPPER.createObjectNode();
        push.set("arg", arg);
        push.putArray("data").add(data);
        return push;
    }

    private void sendToPrivate(String account, String channel, String instId, java.util.function.Function<ObjectNode, ObjectNode> message) {
        for (OkxWsSession session : sessions) {
            if (session.endpoint() != OkxWsSession.Endpoint.PRIVATE || !account.equals(session.account())) {
                continue;
            }
            for (ObjectNode arg : session.subscriptions(channel)) {
                String wantedInst = arg.path("instId").asText("");
                if (!wantedInst.isEmpty() && !wantedInst.equals(instId)) {
                    continue;
                }
                ObjectNode pushArg = arg.deepCopy();
                pushArg.put("uid", account);
                session.send(message.apply(pushArg));
            }
        }
    }

    @Override
    public void onBalanceChange(BalanceChange change) {
        if (!isTrader(change.account()) || !hasPrivateSubscriber(change.account(), "account")) {
            return;
        }
        List<Balance> all = exchange.balances(change.account());
        for (OkxWsSession session : sessions) {
            if (session.endpoint() != OkxWsSession.Endpoint.PRIVATE || !change.account().equals(session.account())) {
                continue;
            }
            for (ObjectNode arg : session.subscriptions("account")) {
                String ccy = arg.path("ccy").asText("");
                List<Balance> shown = new ArrayList<>();
                for (Balance b : change.balances()) {
                    if (ccy.isEmpty() || ccy.equals(b.asset())) {
                        shown.add(b);
                    }
                }
                if (shown.isEmpty()) {
                    continue;
                }
                ObjectNode pushArg = arg.deepCopy();
                pushArg.put("uid", change.account());
                ObjectNode push = OkxJson.MAPPER.createObjectNode();
                push.set("arg", pushArg);
                push.putArray("data").add(accountView(shown, all));
                emit(() -> session.send(push));
            }
        }
    }

    @Override
    public void onDepthDiff(DepthDiff diff) {
        OkxBookFeed feed = feeds.get(diff.symbol());
        if (feed == null) {
            return;
        }
        boolean gap = faults.fire(FaultType.DEPTH_GAP, diff.symbol()).isPresent();
        if (!gap && faults.fire(FaultType.BAD_CHECKSUM, diff.symbol()).isPresent()) {
            feed.corruptNextChecksums(1);
        }
        ObjectNode push = feed.update(levels(diff.bids()), levels(diff.asks()), diff.lastUpdateId(), diff.timeNanos() / 1_000_000 + skewMs());
        if (gap) {
            return;
        }
        String text = push.toString();
        for (OkxWsSession session : sessions) {
            if (session.subscription("books", diff.symbol()) != null) {
                session.sendText(text);
            }
        }
    }

    @Override
    public void onBookTop(BookTop top) {
        OkxBookFeed feed = feeds.get(top.symbol());
        if (feed == null) {
            return;
        }
        String text = bbo(feed, top.updateId(), top.timeNanos() / 1_000_000 + skewMs()).toString();
        for (OkxWsSession session : sessions) {
            if (session.subscription("bbo-tbt", top.symbol()) != null) {
                session.sendText(text);
            }
        }
    }

    private static ObjectNode bbo(OkxBookFeed feed, long seqId, long tsMs) {
        ObjectNode push = OkxJson.MAPPER.createObjectNode();
        push.putObject("arg").put("channel", "bbo-tbt").put("instId", feed.instId());
        ObjectNode data = push.putArray("data").addObject();
        ArrayNode asks = data.putArray("asks");
        feed.topAsks(1).forEach(l -> feed.appendLevel(asks, l));
        ArrayNode bids = data.putArray("bids");
        feed.topBids(1).forEach(l -> feed.appendLevel(bids, l));
        data.put("ts", Long.toString(tsMs)).put("seqId", seqId);
        return push;
    }

    // ---------------------------------------------------------------- WebSocket

    @Override
    public WebSocketListener accept(HttpRequest upgrade, WebSocketSession socket) {
        OkxWsSession.Endpoint endpoint;
        if (upgrade.path().equals(WS_PUBLIC)) {
            endpoint = OkxWsSession.Endpoint.PUBLIC;
        } else if (upgrade.path().equals(WS_PRIVATE)) {
            endpoint = OkxWsSession.Endpoint.PRIVATE;
        } else {
            return null;
        }
        OkxWsSession.Connection connection = new OkxWsSession.Connection() {
            @Override
            public void send(String text) {
                socket.send(text);
            }

            @Override
            public void close() {
                socket.close(1000, "");
            }
        };
        OkxWsSession session = new OkxWsSession(endpoint, connection, sessionVenue(), String.format("%08x", socket.id()));
        return new WebSocketListener() {
            @Override
            public void onOpen() {
                loop.execute(() -> sessions.add(session));
            }

            @Override
            public void onText(String text) {
                loop.execute(() -> session.onText(text));
            }

            @Override
            public void onClose() {
                loop.execute(() -> sessions.remove(session));
            }
        };
    }

    private OkxWsSession.Venue sessionVenue() {
        return new OkxWsSession.Venue() {
            @Override
            public OkxAuth.Verdict login(String apiKey, String passphrase, String timestamp, String sign) {
                return auth.verifyLogin(apiKey, passphrase, timestamp, sign, nowMs());
            }

            @Override
            public boolean isInstrument(String instId) {
                return feeds.containsKey(instId);
            }

            @Override
            public void onSubscribed(OkxWsSession session, String channel, String instId) {
                switch (channel) {
                    case "books" -> session.send(feeds.get(instId).snapshot(nowMs()));
                    case "bbo-tbt" -> session.send(bbo(feeds.get(instId), feeds.get(instId).seqId(), nowMs()));
                    case "account" -> {
                        List<Balance> all = exchange.balances(session.account());
                        String ccy = session.subscription("account", "").path("ccy").asText("");
                        List<Balance> shown = new ArrayList<>();
                        all.forEach(b -> {
                            if (ccy.isEmpty() || ccy.equals(b.asset())) {
                                shown.add(b);
                            }
                        });
                        ObjectNode arg = session.subscription("account", "").deepCopy();
                        arg.put("uid", session.account());
                        ObjectNode push = OkxJson.MAPPER.createObjectNode();
                        push.set("arg", arg);
                        push.putArray("data").add(accountView(shown, all));
                        session.send(push);
                    }
                    case "orders" -> replayFills(session);
                    default -> {
                    }
                }
            }

            @Override
            public void onOrderOp(OkxWsSession session, String id, String op, JsonNode args, long inTimeMicros) {
                orderOp(session, id, op, args, inTimeMicros);
            }

            @Override
            public long nowMicros() {
                return OkxFrontEnd.this.nowMicros();
            }
        };
    }

    /**
     * A WebSocket order op, through the same order code as REST (same matching, records and
     * faults). The answer goes out before the orders/account pushes the op caused, as a client
     * of the venue usually sees them; a timeout fault leaves the op unanswered, an unknown-outcome
     * fault answers {@code code} 50004/51054 with {@code data: []}.
     */
    private void orderOp(OkxWsSession session, String id, String op, JsonNode args, long inTime) {
        if (faults.active(FaultType.MAINTENANCE, null).isPresent()) {
            session.sendOpAnswer(id, op, OkxError.SERVICE_UNAVAILABLE.code(), OkxError.SERVICE_UNAVAILABLE.message(),
                OkxJson.MAPPER.createArrayNode(), inTime);
            return;
        }
        String instId = instrumentOf(args.path(0));
        if (faults.fire(FaultType.RATE_LIMIT_BURST, instId.isEmpty() ? null : instId).isPresent()) {
            session.sendOpAnswer(id, op, OkxError.WS_RATE_LIMIT.code(), OkxError.WS_RATE_LIMIT.message(),
                OkxJson.MAPPER.createArrayNode(), inTime);
            return;
        }
        List<Runnable> pushes = new ArrayList<>();
        deferredPushes = pushes;
        OkxTradeOps.Outcome outcome;
        try {
            outcome = OkxTradeOps.outcome(execute(session.account(), OkxTradeOps.operationOf(op), args), args, nowMs());
        } finally {
            deferredPushes = null;
        }
        switch (outcome.kind()) {
            case UNKNOWN_OUTCOME -> session.sendOpAnswer(id, op, outcome.error().code(), outcome.error().message(),
                OkxJson.MAPPER.createArrayNode(), inTime);
            case ANSWERED -> {
                ArrayNode data = OkxJson.MAPPER.createArrayNode();
                outcome.rows().forEach(data::add);
                session.sendOpAnswer(id, op, outcome.code(), "", data, inTime);
            }
            case UNANSWERED -> {
            }
        }
        pushes.forEach(Runnable::run);
    }

    private void replayFills(OkxWsSession session) {
        Optional<FaultSpec> duplicate = faults.fire(FaultType.DUPLICATE_FILLS_ON_RECONNECT, null);
        Deque<ObjectNode> recent = recentFillPushes.get(session.account());
        if (duplicate.isEmpty() || recent == null || recent.isEmpty()) {
            return;
        }
        int count = (int) Math.max(1, Math.min(recent.size(), duplicate.get().param()));
        List<ObjectNode> last = new ArrayList<>(recent).subList(recent.size() - count, recent.size());
        ObjectNode arg = session.subscription("orders", "").deepCopy();
        arg.put("uid", session.account());
        for (ObjectNode data : last) {
            session.send(orderPush(arg.deepCopy(), data));
        }
    }

    /** Forgets every WebSocket session (on reset, once the server dropped the sockets). */
    void forgetSessions() {
        sessions.clear();
    }
}
