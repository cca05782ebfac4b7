package io.meridian.simulators.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.Balance;
import io.meridian.simulators.exchange.BalanceChange;
import io.meridian.simulators.exchange.BookTop;
import io.meridian.simulators.exchange.DepthSnapshot;
import io.meridian.simulators.exchange.ExecType;
import io.meridian.simulators.exchange.Fill;
import io.meridian.simulators.exchange.OrdType;
import io.meridian.simulators.exchange.OrderUpdate;
import io.meridian.simulators.exchange.OrderView;
import io.meridian.simulators.exchange.PriceQty;
import io.meridian.simulators.exchange.SymbolRules;
import io.meridian.simulators.exchange.TradePrint;
import java.util.List;

/** Binance's JSON shapes for orders, fills, account data, market data and user-data events. */
final class BinanceJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private BinanceJson() {
    }

    static String dec(long scaled) {
        return Amounts.format(scaled, 8);
    }

    static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String write(JsonNode node) {
        return node.toString();
    }

    static String error(BinanceError error) {
        return object().put("code", error.code()).put("msg", error.msg()).toString();
    }

    static String timeInForce(OrderView order) {
        return order.type() == OrdType.MARKET || order.type() == OrdType.LIMIT_MAKER ? "GTC" : order.tif().name();
    }

    static String orderType(OrderView order) {
        return order.type().name();
    }

    /** The ACK fields of a new-order answer. */
    static ObjectNode ack(OrderView order, long transactMillis) {
        return object().put("symbol", order.symbol()).put("orderId", order.orderId()).put("orderListId", -1)
            .put("clientOrderId", order.clientOrderId()).put("transactTime", transactMillis);
    }

    /** RESULT: ACK plus the order state. */
    static ObjectNode result(OrderView order, long transactMillis) {
        ObjectNode node = ack(order, transactMillis);
        node.put("price", dec(order.price())).put("origQty", dec(order.origQty())).put("executedQty", dec(order.executedQty()))
            .put("origQuoteOrderQty", dec(0)).put("cummulativeQuoteQty", dec(order.cumQuoteQty())).put("status", order.status().name())
            .put("timeInForce", timeInForce(order)).put("type", orderType(order)).put("side", order.side().name())
            .put("workingTime", millis(order.createNanos())).put("selfTradePreventionMode", "NONE");
        return node;
    }

    /** FULL: RESULT plus the fills. */
    static ObjectNode full(OrderView order, List<Fill> fills, long transactMillis) {
        ObjectNode node = result(order, transactMillis);
        ArrayNode array = node.putArray("fills");
        for (Fill fill : fills) {
            array.addObject().put("price", dec(fill.price())).put("qty", dec(fill.qty())).put("commission", dec(fill.commission()))
                .put("commissionAsset", fill.commissionAsset()).put("tradeId", fill.tradeId());
        }
        return node;
    }

    /** GET /api/v3/order and openOrders elements. */
    static ObjectNode queried(OrderView order) {
        return object().put("symbol", order.symbol()).put("orderId", order.orderId()).put("orderListId", -1)
            .put("clientOrderId", order.clientOrderId()).put("price", dec(order.price())).put("origQty", dec(order.origQty()))
            .put("executedQty", dec(order.executedQty())).put("cummulativeQuoteQty", dec(order.cumQuoteQty()))
            .put("status", order.status().name()).put("timeInForce", timeInForce(order)).put("type", orderType(order))
            .put("side", order.side().name()).put("stopPrice", dec(0)).put("icebergQty", dec(0))
            .put("time", millis(order.createNanos())).put("updateTime", millis(order.updateNanos()))
            .put("isWorking", true).put("workingTime", millis(order.createNanos()))
            .put("origQuoteOrderQty", dec(0)).put("selfTradePreventionMode", "NONE");
    }

    /** DELETE /api/v3/order answer. */
    static ObjectNode canceled(OrderView order, String cancelClientId, long transactMillis) {
        return object().put("symbol", order.symbol()).put("origClientOrderId", order.clientOrderId()).put("orderId", order.orderId())
            .put("orderListId", -1).put("clientOrderId", cancelClientId).put("transactTime", transactMillis)
            .put("price", dec(order.price())).put("origQty", dec(order.origQty())).put("executedQty", dec(order.executedQty()))
            .put("origQuoteOrderQty", dec(0)).put("cummulativeQuoteQty", dec(order.cumQuoteQty())).put("status", order.status().name())
            .put("timeInForce", timeInForce(order)).put("type", orderType(order)).put("side", order.side().name())
            .put("selfTradePreventionMode", "NONE");
    }

    static ObjectNode myTrade(Fill fill) {
        return object().put("symbol", fill.symbol()).put("id", fill.tradeId()).put("orderId", fill.orderId()).put("orderListId", -1)
            .put("price", dec(fill.price())).put("qty", dec(fill.qty())).put("quoteQty", dec(fill.quoteQty()))
            .put("commission", dec(fill.commission())).put("commissionAsset", fill.commissionAsset())
            .put("time", millis(fill.timeNanos())).put("isBuyer", fill.side().name().equals("BUY"))
            .put("isMaker", fill.maker()).put("isBestMatch", true);
    }

    static ObjectNode symbolInfo(SymbolRules rules) {
        ObjectNode node = object().put("symbol", rules.symbol()).put("status", "TRADING").put("baseAsset", rules.baseAsset())
            .put("baseAssetPrecision", 8).put("quoteAsset", rules.quoteAsset()).put("quotePrecision", 8)
            .put("quoteAssetPrecision", 8).put("baseCommissionPrecision", 8).put("quoteCommissionPrecision", 8);
        ArrayNode types = node.putArray("orderTypes");
        types.add("LIMIT").add("LIMIT_MAKER").add("MARKET");
        node.put("icebergAllowed", false).put("ocoAllowed", false).put("otoAllowed", false)
            .put("quoteOrderQtyMarketAllowed", true).put("allowTrailingStop", false).put("cancelReplaceAllowed", true)
            .put("amendAllowed", false).put("isSpotTradingAllowed", true).put("isMarginTradingAllowed", false);
        ArrayNode filters = node.putArray("filters");
        filters.addObject().put("filterType", "PRICE_FILTER").put("minPrice", dec(rules.minPrice()))
            .put("maxPrice", dec(rules.maxPrice())).put("tickSize", dec(rules.tickSize()));
        filters.addObject().put("filterType", "LOT_SIZE").put("minQty", dec(rules.minQty()))
            .put("maxQty", dec(rules.maxQty())).put("stepSize", dec(rules.stepSize()));
        filters.addObject().put("filterType", "NOTIONAL").put("minNotional", dec(rules.minNotional()))
            .put("applyMinToMarket", true).put("maxNotional", "9000000.00000000").put("applyMaxToMarket", false)
            .put("avgPriceMins", 5);
        node.putArray("permissions");
        node.putArray("permissionSets").addArray().add("SPOT");
        node.put("defaultSelfTradePreventionMode", "NONE");
        node.putArray("allowedSelfTradePreventionModes").add("NONE");
        return node;
    }

    static ObjectNode depth(DepthSnapshot snapshot) {
        ObjectNode node = object().put("lastUpdateId", snapshot.lastUpdateId());
        levels(node.putArray("bids"), snapshot.bids());
        levels(node.putArray("asks"), snapshot.asks());
        return node;
    }

    static void levels(ArrayNode array, List<PriceQty> levels) {
        for (PriceQty level : levels) {
            array.addArray().add(dec(level.price())).add(dec(level.qty()));
        }
    }

    static ObjectNode balances(List<Balance> balances, ObjectNode into, String field, boolean shortNames) {
        ArrayNode array = into.putArray(field);
        for (Balance balance : balances) {
            if (shortNames) {
                array.addObject().put("a", balance.asset()).put("f", dec(balance.free())).put("l", dec(balance.locked()));
            } else {
                array.addObject().put("asset", balance.asset()).put("free", dec(balance.free())).put("locked", dec(balance.locked()));
            }
        }
        return into;
    }

    /** The executionReport user-data event for one order update. */
    static ObjectNode executionReport(OrderUpdate update, long eventMillis, String rejectReason) {
        OrderView order = update.order();
        Fill fill = update.fill();
        boolean trade = update.execType() == ExecType.TRADE;
        long time = millis(update.timeNanos());
        ObjectNode node = object().put("e", "executionReport").put("E", eventMillis).put("s", order.symbol())
            .put("c", order.clientOrderId()).put("S", order.side().name()).put("o", orderType(order))
            .put("f", timeInForce(order)).put("q", dec(order.origQty())).put("p", dec(order.price()))
            .put("P", dec(0)).put("F", dec(0)).put("g", -1).put("C", "")
            .put("x", update.execType().name()).put("X", order.status().name()).put("r", rejectReason == null ? "NONE" : rejectReason)
            .put("i", order.orderId()).put("l", dec(trade ? fill.qty() : 0)).put("z", dec(order.executedQty()))
            .put("L", dec(trade ? fill.price() : 0)).put("n", dec(trade ? fill.commission() : 0));
        if (trade) {
            node.put("N", fill.commissionAsset());
        } else {
            node.putNull("N");
        }
        node.put("T", time).put("t", trade ? fill.tradeId() : -1).put("v", 0).put("I", update.order().orderId() * 2 + (trade ? 1 : 0))
            .put("w", order.status().isOpen()).put("m", trade && fill.maker()).put("M", false)
            .put("O", millis(order.createNanos())).put("Z", dec(order.cumQuoteQty()))
            .put("Y", dec(trade ? fill.quoteQty() : 0)).put("Q", dec(0)).put("W", millis(order.createNanos())).put("V", "NONE");
        return node;
    }

    static ObjectNode accountPosition(BalanceChange change, long eventMillis, long drift, String driftAsset) {
        ObjectNode node = object().put("e", "outboundAccountPosition").put("E", eventMillis).put("u", millis(change.timeNanos()));
        ArrayNode array = node.putArray("B");
        for (Balance balance : change.balances()) {
            long free = balance.asset().equals(driftAsset) ? balance.free() + drift : balance.free();
            array.addObject().put("a", balance.asset()).put("f", dec(free)).put("l", dec(balance.locked()));
        }
        return node;
    }

    static ObjectNode balanceUpdate(BalanceChange change, long eventMillis) {
        return object().put("e", "balanceUpdate").put("E", eventMillis).put("a", change.asset()).put("d", dec(change.delta()))
            .put("T", millis(change.timeNanos()));
    }

    static ObjectNode depthUpdate(String symbol, long first, long last, List<PriceQty> bids, List<PriceQty> asks, long eventMillis) {
        ObjectNode node = object().put("e", "depthUpdate").put("E", eventMillis).put("s", symbol).put("U", first).put("u", last);
        levels(node.putArray("b"), bids);
        levels(node.putArray("a"), asks);
        return node;
    }

    static ObjectNode bookTicker(BookTop top) {
        return object().put("u", top.updateId()).put("s", top.symbol()).put("b", dec(top.bidPrice())).put("B", dec(top.bidQty()))
            .put("a", dec(top.askPrice())).put("A", dec(top.askQty()));
    }

    static ObjectNode trade(TradePrint print, long eventMillis) {
        return object().put("e", "trade").put("E", eventMillis).put("s", print.symbol()).put("t", print.tradeId())
            .put("p", dec(print.price())).put("q", dec(print.qty())).put("T", millis(print.timeNanos()))
            .put("m", print.buyerIsMaker()).put("M", true);
    }
}
