package io.meridian.simulators.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.impl.SpotClientImpl;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.Balance;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Binance's official Java connector (3.4.1) against the simulator over REST: only the base URL and
 * the keys differ from a real deployment. The market maker is still (stepped by hand), so the book
 * is known: asks from 60000.50 up, bids from 59999.50 down, 0.5 BTC per level.
 */
class BinanceConnectorTest {
    private static BinanceSimulator sim;
    private SpotClientImpl trader1;
    private SpotClientImpl trader2;

    @BeforeAll
    static void start() {
        sim = BinanceSimulator.start(BinanceSimulatorConfig.defaults(0, 7).withMakerStepMillis(0));
        // the connector stamps a request before its HTTP client exists: warm the client up so that
        // a cold start on a busy machine cannot push the first signed request out of its recvWindow
        new SpotClientImpl(sim.restUrl()).createMarket().ping();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset(7);
        trader1 = new SpotClientImpl(BinanceSimulatorConfig.TRADER1_KEY, BinanceSimulatorConfig.TRADER1_SECRET, sim.restUrl());
        trader2 = new SpotClientImpl(BinanceSimulatorConfig.TRADER2_KEY, BinanceSimulatorConfig.TRADER2_SECRET, sim.restUrl());
    }

    @Test
    void exchangeInfoListsFilters() {
        JSONObject info = new JSONObject(trader1.createMarket().exchangeInfo(params("symbol", "BTCUSDT")));
        JSONObject symbol = info.getJSONArray("symbols").getJSONObject(0);
        assertThat(symbol.getString("symbol")).isEqualTo("BTCUSDT");
        assertThat(symbol.getString("baseAsset")).isEqualTo("BTC");
        JSONArray filters = symbol.getJSONArray("filters");
        assertThat(filters.getJSONObject(0).getString("filterType")).isEqualTo("PRICE_FILTER");
        assertThat(filters.getJSONObject(0).getString("tickSize")).isEqualTo("0.01000000");
        assertThat(filters.getJSONObject(1).getString("filterType")).isEqualTo("LOT_SIZE");
        assertThat(filters.getJSONObject(1).getString("stepSize")).isEqualTo("0.00001000");
        assertThat(filters.getJSONObject(2).getString("filterType")).isEqualTo("NOTIONAL");
        assertThat(filters.getJSONObject(2).getString("minNotional")).isEqualTo("5.00000000");
        assertThat(new JSONObject(trader1.createMarket().time()).getLong("serverTime")).isPositive();
        assertThat(trader1.createMarket().ping()).isEqualTo("{}");
    }

    @Test
    void limitOrderRestsIsQueriedListedAndCanceled() {
        JSONObject placed = new JSONObject(trader1.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "timeInForce", "GTC", "quantity", "0.1", "price", "59000", "newClientOrderId", "rest-1", "newOrderRespType", "RESULT")));
        assertThat(placed.getString("status")).isEqualTo("NEW");
        assertThat(placed.getString("clientOrderId")).isEqualTo("rest-1");
        assertThat(placed.has("fills")).isFalse();
        long orderId = placed.getLong("orderId");

        JSONObject queried = new JSONObject(trader1.createTrade().getOrder(params("symbol", "BTCUSDT", "orderId", orderId)));
        assertThat(queried.getString("origQty")).isEqualTo("0.10000000");
        assertThat(queried.getString("price")).isEqualTo("59000.00000000");
        JSONArray open = new JSONArray(trader1.createTrade().getOpenOrders(params("symbol", "BTCUSDT")));
        assertThat(open.length()).isEqualTo(1);
        assertThat(balance("trader1", "USDT")).isEqualTo(new Balance("USDT", Amounts.of("94100"), Amounts.of("5900")));

        JSONObject canceled = new JSONObject(trader1.createTrade().cancelOrder(params("symbol", "BTCUSDT", "origClientOrderId", "rest-1")));
        assertThat(canceled.getString("status")).isEqualTo("CANCELED");
        assertThat(canceled.getString("origClientOrderId")).isEqualTo("rest-1");
        assertThat(new JSONArray(trader1.createTrade().getOpenOrders(params("symbol", "BTCUSDT"))).length()).isZero();
        assertThat(balance("trader1", "USDT")).isEqualTo(new Balance("USDT", Amounts.of("100000"), 0));
        assertThatThrownBy(() -> trader1.createTrade().cancelOrder(params("symbol", "BTCUSDT", "orderId", orderId)))
            .isInstanceOfSatisfying(BinanceClientException.class, e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(400);
                assertThat(e.getErrorCode()).isEqualTo(-2011);
            });
    }

    @Test
    void marketOrderFillsWithFeesInFullAnswerAndBalancesAddUp() {
        JSONObject full = new JSONObject(trader1.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
            "quantity", "0.7")));
        assertThat(full.getString("status")).isEqualTo("FILLED");
        JSONArray fills = full.getJSONArray("fills");
        assertThat(fills.length()).isEqualTo(2);
        assertThat(fills.getJSONObject(0).getString("price")).isEqualTo("60000.50000000");
        assertThat(fills.getJSONObject(0).getString("qty")).isEqualTo("0.50000000");
        assertThat(fills.getJSONObject(0).getString("commission")).isEqualTo("0.00050000");
        assertThat(fills.getJSONObject(0).getString("commissionAsset")).isEqualTo("BTC");
        assertThat(fills.getJSONObject(1).getString("price")).isEqualTo("60001.00000000");
        // 0.5 * 60000.5 + 0.2 * 60001 = 42000.45 USDT; 0.7 BTC less 0.1 % taker fee
        assertThat(full.getString("cummulativeQuoteQty")).isEqualTo("42000.45000000");
        JSONObject account = new JSONObject(trader1.createTrade().account(params()));
        assertThat(assetOf(account, "USDT")).isEqualTo("57999.55000000");
        assertThat(assetOf(account, "BTC")).isEqualTo("10.69930000");
        assertThat(account.getJSONObject("commissionRates").getString("taker")).isEqualTo("0.00100000");

        JSONArray trades = new JSONArray(trader1.createTrade().myTrades(params("symbol", "BTCUSDT")));
        assertThat(trades.length()).isEqualTo(2);
        assertThat(trades.getJSONObject(1).getString("commission")).isEqualTo("0.00020000");
        assertThat(trades.getJSONObject(1).getBoolean("isBuyer")).isTrue();
        assertThat(trades.getJSONObject(1).getBoolean("isMaker")).isFalse();
    }

    @Test
    void iocAndFokExpireTheirRest() {
        JSONObject ioc = new JSONObject(trader1.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "timeInForce", "IOC", "quantity", "0.8", "price", "60000.50")));
        assertThat(ioc.getString("status")).isEqualTo("EXPIRED");
        assertThat(ioc.getString("executedQty")).isEqualTo("0.50000000");

        JSONObject fok = new JSONObject(trader1.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT",
            "timeInForce", "FOK", "quantity", "0.8", "price", "59999.50")));
        assertThat(fok.getString("status")).isEqualTo("EXPIRED");
        assertThat(fok.getString("executedQty")).isEqualTo("0.00000000");
        assertThat(fok.getJSONArray("fills").length()).isZero();
    }

    @Test
    void partialFillThenFillBetweenTwoAccountsWithMakerAndTakerFees() {
        JSONObject sell = new JSONObject(trader1.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT",
            "timeInForce", "GTC", "quantity", "0.3", "price", "60000")));
        long sellId = sell.getLong("orderId");
        trader2.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
            "quantity", "0.1", "price", "60000"));
        JSONObject partial = new JSONObject(trader1.createTrade().getOrder(params("symbol", "BTCUSDT", "orderId", sellId)));
        assertThat(partial.getString("status")).isEqualTo("PARTIALLY_FILLED");
        assertThat(partial.getString("executedQty")).isEqualTo("0.10000000");

        trader2.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
            "quantity", "0.2", "price", "60000"));
        JSONObject filled = new JSONObject(trader1.createTrade().getOrder(params("symbol", "BTCUSDT", "orderId", sellId)));
        assertThat(filled.getString("status")).isEqualTo("FILLED");
        assertThat(filled.getString("cummulativeQuoteQty")).isEqualTo("18000.00000000");
        // seller was maker (0.08 %): 18000 - 14.4; buyer taker (0.1 %) paid in BTC
        JSONObject account1 = new JSONObject(trader1.createTrade().account(params()));
        assertThat(assetOf(account1, "USDT")).isEqualTo("117985.60000000");
        assertThat(assetOf(account1, "BTC")).isEqualTo("9.70000000");
        JSONObject account2 = new JSONObject(trader2.createTrade().account(params()));
        assertThat(assetOf(account2, "USDT")).isEqualTo("82000.00000000");
        assertThat(assetOf(account2, "BTC")).isEqualTo("10.29970000");
    }

    @Test
    void cancelReplaceAnswers200Then400Then409() {
        long resting = new JSONObject(trader1.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "timeInForce", "GTC", "quantity", "0.1", "price", "59000"))).getLong("orderId");

        JSONObject ok = new JSONObject(trader1.createTrade().cancelReplace(params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "cancelReplaceMode", "STOP_ON_FAILURE", "timeInForce", "GTC", "quantity", "0.2", "price", "59100", "cancelOrderId", resting)));
        assertThat(ok.getString("cancelResult")).isEqualTo("SUCCESS");
        assertThat(ok.getString("newOrderResult")).isEqualTo("SUCCESS");
        long replacement = ok.getJSONObject("newOrderResponse").getLong("orderId");

        assertThatThrownBy(() -> trader1.createTrade().cancelReplace(params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "cancelReplaceMode", "STOP_ON_FAILURE", "timeInForce", "GTC", "quantity", "0.2", "price", "59100", "cancelOrderId", resting)))
            .isInstanceOfSatisfying(BinanceClientException.class, e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(400);
                assertThat(e.getErrorCode()).isEqualTo(-2022);
                JSONObject data = new JSONObject(e.getMessage()).getJSONObject("data");
                assertThat(data.getString("cancelResult")).isEqualTo("FAILURE");
                assertThat(data.getString("newOrderResult")).isEqualTo("NOT_ATTEMPTED");
                assertThat(data.getJSONObject("cancelResponse").getInt("code")).isEqualTo(-2011);
            });

        assertThatThrownBy(() -> trader1.createTrade().cancelReplace(params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT_MAKER",
            "cancelReplaceMode", "STOP_ON_FAILURE", "quantity", "0.2", "price", "60001", "cancelOrderId", replacement)))
            .isInstanceOfSatisfying(BinanceClientException.class, e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(409);
                assertThat(e.getErrorCode()).isEqualTo(-2021);
                JSONObject data = new JSONObject(e.getMessage()).getJSONObject("data");
                assertThat(data.getString("cancelResult")).isEqualTo("SUCCESS");
                assertThat(data.getString("newOrderResult")).isEqualTo("FAILURE");
                assertThat(data.getJSONObject("newOrderResponse").getInt("code")).isEqualTo(-2010);
            });
        assertThat(new JSONArray(trader1.createTrade().getOpenOrders(params("symbol", "BTCUSDT"))).length()).isZero();
    }

    @Test
    void signedRulesAnswerTheDocumentedCodes() {
        SpotClientImpl wrongSecret = new SpotClientImpl(BinanceSimulatorConfig.TRADER1_KEY, "not-the-secret", sim.restUrl());
        assertThatThrownBy(() -> wrongSecret.createTrade().account(params()))
            .isInstanceOfSatisfying(BinanceClientException.class, e -> assertThat(e.getErrorCode()).isEqualTo(-1022));
        SpotClientImpl unknownKey = new SpotClientImpl("nobody", "x", sim.restUrl());
        assertThatThrownBy(() -> unknownKey.createTrade().account(params()))
            .isInstanceOfSatisfying(BinanceClientException.class, e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(401);
                assertThat(e.getErrorCode()).isEqualTo(-2015);
            });
        long stale = System.currentTimeMillis() - 10_000;
        assertThatThrownBy(() -> trader1.createTrade().account(params("timestamp", stale)))
            .isInstanceOfSatisfying(BinanceClientException.class, e -> assertThat(e.getErrorCode()).isEqualTo(-1021));
        assertThat(new JSONObject(trader1.createTrade().account(params("timestamp", stale, "recvWindow", 60000))).has("balances")).isTrue();
        assertThatThrownBy(() -> trader1.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "timeInForce", "GTC", "quantity", "0.1", "price", "59000.001")))
            .isInstanceOfSatisfying(BinanceClientException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(-1013);
                assertThat(e.getErrMsg()).isEqualTo("Filter failure: PRICE_FILTER");
            });
        assertThatThrownBy(() -> trader1.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "timeInForce", "GTC", "quantity", "2", "price", "59000")))
            .isInstanceOfSatisfying(BinanceClientException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(-2010);
                assertThat(e.getErrMsg()).isEqualTo("Account has insufficient balance for requested action.");
            });
        assertThatThrownBy(() -> trader1.createTrade().newOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "quantity", "0.1", "price", "59000")))
            .isInstanceOfSatisfying(BinanceClientException.class, e -> assertThat(e.getErrorCode()).isEqualTo(-1102));
        assertThat(new JSONObject(trader1.createTrade().testNewOrder(params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "timeInForce", "GTC", "quantity", "0.1", "price", "59000"))).length()).isZero();
    }

    private static Balance balance(String account, String asset) {
        return sim.onExchange(ex -> ex.balance(account, asset));
    }

    private static String assetOf(JSONObject account, String asset) {
        JSONArray balances = account.getJSONArray("balances");
        for (int i = 0; i < balances.length(); i++) {
            if (balances.getJSONObject(i).getString("asset").equals(asset)) {
                return balances.getJSONObject(i).getString("free");
            }
        }
        throw new AssertionError("no " + asset);
    }

    static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            map.put((String) keyValues[i], value instanceof BigDecimal d ? d.toPlainString() : value);
        }
        return map;
    }
}
