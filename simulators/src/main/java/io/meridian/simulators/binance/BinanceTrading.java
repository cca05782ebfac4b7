package io.meridian.simulators.binance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.ExchangeReject;
import io.meridian.simulators.exchange.Fill;
import io.meridian.simulators.exchange.NewOrder;
import io.meridian.simulators.exchange.OrdType;
import io.meridian.simulators.exchange.OrderResult;
import io.meridian.simulators.exchange.OrderView;
import io.meridian.simulators.exchange.SimulatedExchange;
import io.meridian.simulators.exchange.SubmitResult;
import io.meridian.simulators.exchange.SymbolRules;
import io.meridian.simulators.matching.Side;
import io.meridian.simulators.matching.TimeInForce;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The trading requests shared by REST and the WebSocket API: parameter rules and answers as Binance
 * documents them. Runs on the exchange loop; refusals are thrown as {@link BinanceException}.
 */
final class BinanceTrading {
    private static final Pattern DECIMAL = Pattern.compile("^([0-9]{1,20})(\\.[0-9]{1,20})?$");
    private static final Pattern CLIENT_ID = Pattern.compile("^[a-zA-Z0-9-_.]{1,36}$");

    private final BinanceSimulator venue;

    BinanceTrading(BinanceSimulator venue) {
        this.venue = venue;
    }

    private SimulatedExchange exchange() {
        return venue.exchange();
    }

    /** Parsed and checked new-order parameters. */
    record Parsed(NewOrder order, String respType) {
    }

    Parsed parseNewOrder(String account, Map<String, String> p) {
        String symbol = required(p, "symbol");
        SymbolRules rules = exchange().rules(symbol).orElseThrow(() -> new BinanceException(BinanceError.INVALID_SYMBOL));
        Side side = switch (required(p, "side")) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw new BinanceException(BinanceError.badRequest(-1117, "Invalid side."));
        };
        String typeName = required(p, "type");
        OrdType type = switch (typeName) {
            case "LIMIT" -> OrdType.LIMIT;
            case "MARKET" -> OrdType.MARKET;
            case "LIMIT_MAKER" -> OrdType.LIMIT_MAKER;
            default -> throw new BinanceException(BinanceError.badRequest(-1116, "Invalid orderType."));
        };
        TimeInForce tif = TimeInForce.GTC;
        String tifText = p.get("timeInForce");
        if (type == OrdType.LIMIT) {
            tif = switch (required(p, "timeInForce")) {
                case "GTC" -> TimeInForce.GTC;
                case "IOC" -> TimeInForce.IOC;
                case "FOK" -> TimeInForce.FOK;
                default -> throw new BinanceException(BinanceError.badRequest(-1115, "Invalid timeInForce."));
            };
        } else if (tifText != null) {
            throw new BinanceException(BinanceError.badRequest(-1106, "Parameter 'timeInForce' sent when not required."));
        }
        long qty = 0;
        long quoteQty = 0;
        if (type == OrdType.MARKET) {
            if (p.get("quantity") == null && p.get("quoteOrderQty") == null) {
                throw new BinanceException(BinanceError.badRequest(-1102,
                    "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!"));
            }
            if (p.get("quantity") != null && p.get("quoteOrderQty") != null) {
                throw new BinanceException(BinanceError.badRequest(-1128, "Combination of optional parameters invalid."));
            }
            if (p.get("quantity") != null) {
                qty = decimal(p, "quantity");
            } else {
                quoteQty = decimal(p, "quoteOrderQty");
            }
            if (p.get("price") != null) {
                throw new BinanceException(BinanceError.badRequest(-1106, "Parameter 'price' sent when not required."));
            }
        } else {
            qty = decimal(p, "quantity", true);
        }
        long price = type == OrdType.MARKET ? 0 : decimal(p, "price", true);
        String clientId = p.get("newClientOrderId");
        if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
            throw new BinanceException(BinanceError.badRequest(-1100,
                "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[a-zA-Z0-9-_.]{1,36}$'."));
        }
        String respType = p.getOrDefault("newOrderRespType", type == OrdType.LIMIT || type == OrdType.MARKET ? "FULL" : "ACK");
        if (!Set.of("ACK", "RESULT", "FULL").contains(respType)) {
            throw new BinanceException(BinanceError.badRequest(-1100,
                "Illegal characters found in parameter 'newOrderRespType'; legal range is 'ACK, RESULT, FULL'."));
        }
        ruleCheck(rules, type, price, qty);
        return new Parsed(new NewOrder(account, rules.symbol(), side, type, tif, price, qty, quoteQty, clientId), respType);
    }

    /** Filters Binance applies before the order reaches the engine, with its texts. */
    private void ruleCheck(SymbolRules rules, OrdType type, long price, long qty) {
        if (type != OrdType.MARKET && rules.checkPrice(price) != null) {
            throw new BinanceException(BinanceError.badRequest(-1013, "Filter failure: PRICE_FILTER"));
        }
        if (qty > 0 && rules.checkQty(qty) != null) {
            throw new BinanceException(BinanceError.badRequest(-1013, "Filter failure: LOT_SIZE"));
        }
        if (type != OrdType.MARKET && rules.checkNotional(price, qty) != null) {
            throw new BinanceException(BinanceError.badRequest(-1013, "Filter failure: NOTIONAL"));
        }
    }

    /** Places an order; the answer in the requested shape. */
    ObjectNode place(String account, Map<String, String> p) {
        Parsed parsed = parseNewOrder(account, p);
        SubmitResult result = exchange().submit(parsed.order());
        if (!result.accepted()) {
            throw new BinanceException(newOrderError(result.reject()));
        }
        venue.afterPlace(result.order());
        long now = venue.serverTimeMillis();
        return switch (parsed.respType()) {
            case "ACK" -> BinanceJson.ack(result.order(), now);
            case "RESULT" -> BinanceJson.result(result.order(), now);
            default -> BinanceJson.full(result.order(), result.fills(), now);
        };
    }

    /** order/test: every check of a new order, nothing placed. */
    ObjectNode test(String account, Map<String, String> p) {
        parseNewOrder(account, p);
        ObjectNode answer = BinanceJson.object();
        if ("true".equals(p.get("computeCommissionRates"))) {
            String maker = BinanceJson.dec(exchange().makerFeeRate(account));
            String taker = BinanceJson.dec(exchange().takerFeeRate(account));
            answer.putObject("standardCommissionForOrder").put("maker", maker).put("taker", taker);
            answer.putObject("taxCommissionForOrder").put("maker", BinanceJson.dec(0)).put("taker", BinanceJson.dec(0));
            answer.putObject("discount").put("enabledForAccount", false).put("enabledForSymbol", false)
                .put("discountAsset", "BNB").put("discount", BinanceJson.dec(0));
        }
        return answer;
    }

    static BinanceError newOrderError(ExchangeReject reject) {
        return switch (reject) {
            case PRICE_FILTER, LOT_SIZE, MIN_NOTIONAL -> BinanceError.badRequest(-1013, reject.text());
            case UNKNOWN_SYMBOL -> BinanceError.INVALID_SYMBOL;
            default -> BinanceError.badRequest(-2010, reject.text());
        };
    }

    OrderView find(String account, Map<String, String> p, BinanceError notFound) {
        String symbol = required(p, "symbol");
        if (exchange().rules(symbol).isEmpty()) {
            throw new BinanceException(BinanceError.INVALID_SYMBOL);
        }
        String orderId = p.get("orderId");
        String clientId = p.get("origClientOrderId");
        if (orderId == null && clientId == null) {
            throw new BinanceException(BinanceError.badRequest(-1102,
                "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!"));
        }
        OrderView order = orderId != null
            ? exchange().order(account, symbol, longParam(p, "orderId")).orElse(null)
            : exchange().orderByClientId(account, symbol, clientId).orElse(null);
        if (order == null || venue.vanished(order.orderId()) || (clientId != null && !clientId.equals(order.clientOrderId()))) {
            throw new BinanceException(notFound);
        }
        return order;
    }

    ObjectNode query(String account, Map<String, String> p) {
        return BinanceJson.queried(venue.restView(find(account, p, BinanceError.ORDER_DOES_NOT_EXIST)));
    }

    ObjectNode cancel(String account, Map<String, String> p) {
        OrderView order = find(account, p, BinanceError.UNKNOWN_ORDER_CANCEL);
        OrderResult result = exchange().cancel(account, order.symbol(), order.orderId());
        if (!result.done()) {
            throw new BinanceException(BinanceError.UNKNOWN_ORDER_CANCEL);
        }
        String cancelId = p.getOrDefault("newClientOrderId", "cancel" + order.orderId());
        return BinanceJson.canceled(result.order(), cancelId, venue.serverTimeMillis());
    }

    ArrayNode cancelAll(String account, Map<String, String> p) {
        String symbol = required(p, "symbol");
        if (exchange().rules(symbol).isEmpty()) {
            throw new BinanceException(BinanceError.INVALID_SYMBOL);
        }
        List<OrderView> canceled = exchange().cancelAll(account, symbol);
        if (canceled.isEmpty()) {
            throw new BinanceException(BinanceError.UNKNOWN_ORDER_CANCEL);
        }
        ArrayNode answer = BinanceJson.array();
        long now = venue.serverTimeMillis();
        canceled.forEach(o -> answer.add(BinanceJson.canceled(o, "cancel" + o.orderId(), now)));
        return answer;
    }

    /** The outcome of a cancel-replace: HTTP status 200, 400 or 409 and the documented body. */
    record CancelReplace(int status, ObjectNode body) {
    }

    CancelReplace cancelReplace(String account, Map<String, String> p) {
        String mode = required(p, "cancelReplaceMode");
        if (!mode.equals("STOP_ON_FAILURE") && !mode.equals("ALLOW_FAILURE")) {
            throw new BinanceException(BinanceError.badRequest(-1100,
                "Illegal characters found in parameter 'cancelReplaceMode'; legal range is 'STOP_ON_FAILURE, ALLOW_FAILURE'."));
        }
        Parsed parsed = parseNewOrder(account, p);
        Map<String, String> cancelParams = new java.util.HashMap<>();
        cancelParams.put("symbol", parsed.order().symbol());
        if (p.get("cancelOrderId") != null) {
            cancelParams.put("orderId", p.get("cancelOrderId"));
        }
        if (p.get("cancelOrigClientOrderId") != null) {
            cancelParams.put("origClientOrderId", p.get("cancelOrigClientOrderId"));
        }
        if (p.get("cancelNewClientOrderId") != null) {
            cancelParams.put("newClientOrderId", p.get("cancelNewClientOrderId"));
        }
        if (!cancelParams.containsKey("orderId") && !cancelParams.containsKey("origClientOrderId")) {
            throw new BinanceException(BinanceError.badRequest(-1102,
                "Param 'cancelOrigClientOrderId' or 'cancelOrderId' must be sent, but both were empty/null!"));
        }
        ObjectNode cancelResponse;
        boolean cancelOk;
        try {
            cancelResponse = cancel(account, cancelParams);
            cancelOk = true;
        } catch (BinanceException e) {
            cancelResponse = BinanceJson.object().put("code", e.error.code()).put("msg", e.error.msg());
            cancelOk = false;
        }
        ObjectNode newResponse = null;
        String newResult = "NOT_ATTEMPTED";
        if (cancelOk || mode.equals("ALLOW_FAILURE")) {
            SubmitResult placed = exchange().submit(parsed.order());
            if (placed.accepted()) {
                venue.afterPlace(placed.order());
                long now = venue.serverTimeMillis();
                newResponse = switch (parsed.respType()) {
                    case "ACK" -> BinanceJson.ack(placed.order(), now);
                    case "RESULT" -> BinanceJson.result(placed.order(), now);
                    default -> BinanceJson.full(placed.order(), placed.fills(), now);
                };
                newResult = "SUCCESS";
            } else {
                BinanceError error = newOrderError(placed.reject());
                newResponse = BinanceJson.object().put("code", error.code()).put("msg", error.msg());
                newResult = "FAILURE";
            }
        }
        ObjectNode data = BinanceJson.object().put("cancelResult", cancelOk ? "SUCCESS" : "FAILURE").put("newOrderResult", newResult);
        data.set("cancelResponse", cancelResponse);
        if (newResponse == null) {
            data.putNull("newOrderResponse");
        } else {
            data.set("newOrderResponse", newResponse);
        }
        if (cancelOk && newResult.equals("SUCCESS")) {
            return new CancelReplace(200, data);
        }
        boolean oneFailed = cancelOk || newResult.equals("SUCCESS");
        ObjectNode body = oneFailed
            ? BinanceJson.object().put("code", -2021).put("msg", "Order cancel-replace partially failed.")
            : BinanceJson.object().put("code", -2022).put("msg", "Order cancel-replace failed.");
        body.set("data", data);
        return new CancelReplace(oneFailed ? 409 : 400, body);
    }

    ArrayNode openOrders(String account, Map<String, String> p) {
        String symbol = p.get("symbol");
        if (symbol != null && exchange().rules(symbol).isEmpty()) {
            throw new BinanceException(BinanceError.INVALID_SYMBOL);
        }
        ArrayNode answer = BinanceJson.array();
        for (OrderView order : exchange().openOrders(account, symbol)) {
            if (!venue.vanished(order.orderId())) {
                answer.add(BinanceJson.queried(venue.restView(order)));
            }
        }
        return answer;
    }

    ArrayNode allOrders(String account, Map<String, String> p) {
        String symbol = required(p, "symbol");
        ArrayNode answer = BinanceJson.array();
        for (OrderView order : exchange().allOrders(account, symbol)) {
            if (!venue.vanished(order.orderId())) {
                answer.add(BinanceJson.queried(venue.restView(order)));
            }
        }
        return answer;
    }

    ArrayNode myTrades(String account, Map<String, String> p) {
        String symbol = required(p, "symbol");
        if (exchange().rules(symbol).isEmpty()) {
            throw new BinanceException(BinanceError.INVALID_SYMBOL);
        }
        Long orderId = p.get("orderId") == null ? null : longParam(p, "orderId");
        long fromId = p.get("fromId") == null ? 0 : longParam(p, "fromId");
        int limit = p.get("limit") == null ? 500 : (int) Math.min(1000, longParam(p, "limit"));
        ArrayNode answer = BinanceJson.array();
        for (Fill fill : exchange().trades(account, symbol)) {
            if ((orderId == null || fill.orderId() == orderId) && fill.tradeId() >= fromId && answer.size() < limit) {
                answer.add(BinanceJson.myTrade(fill));
            }
        }
        return answer;
    }

    ObjectNode account(String account) {
        long maker = exchange().makerFeeRate(account);
        long taker = exchange().takerFeeRate(account);
        ObjectNode node = BinanceJson.object()
            .put("makerCommission", maker * 10_000 / Amounts.ONE).put("takerCommission", taker * 10_000 / Amounts.ONE)
            .put("buyerCommission", 0).put("sellerCommission", 0);
        node.putObject("commissionRates").put("maker", BinanceJson.dec(maker)).put("taker", BinanceJson.dec(taker))
            .put("buyer", BinanceJson.dec(0)).put("seller", BinanceJson.dec(0));
        node.put("canTrade", true).put("canWithdraw", true).put("canDeposit", true).put("brokered", false)
            .put("requireSelfTradePrevention", false).put("preventSor", false).put("updateTime", venue.serverTimeMillis())
            .put("accountType", "SPOT");
        BinanceJson.balances(venue.reportedBalances(account), node, "balances", false);
        node.putArray("permissions").add("SPOT");
        node.put("uid", Math.abs((long) account.hashCode()));
        return node;
    }

    static String required(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.isEmpty()) {
            throw new BinanceException(BinanceError.mandatory(name));
        }
        return value;
    }

    static long decimal(Map<String, String> p, String name) {
        return decimal(p, name, true);
    }

    static long decimal(Map<String, String> p, String name, boolean mandatory) {
        String text = mandatory ? required(p, name) : p.get(name);
        if (!DECIMAL.matcher(text).matches()) {
            throw new BinanceException(BinanceError.illegalChars(name));
        }
        BigDecimal value = new BigDecimal(text);
        if (!Amounts.SCALE.isRepresentable(value)) {
            throw new BinanceException(BinanceError.tooMuchPrecision(name));
        }
        return Amounts.SCALE.toScaled(value);
    }

    static long longParam(Map<String, String> p, String name) {
        try {
            return Long.parseLong(required(p, name));
        } catch (NumberFormatException e) {
            throw new BinanceException(BinanceError.badRequest(-1100,
                "Illegal characters found in parameter '" + name + "'; legal range is '^[0-9]{1,20}$'."));
        }
    }
}
