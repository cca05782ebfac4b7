package io.meridian.simulators.okx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OKX test client against the OKX simulator over real sockets: public data, signing
 * failures, every order type, partial fills, cancel, amend, queries, fills and balances after
 * fees. The market maker does not step on its own here, so the book is the seeded one: asks
 * from 60000.50 and bids from 59999.50 every 0.50, 0.5 BTC each.
 */
class OkxSimulatorTradingTest {
    private static final String BTC = "BTC-USDT";
    private static OkxSimulator simulator;
    private OkxRestClient trader1;
    private OkxRestClient trader2;

    @BeforeAll
    static void start() {
        simulator = OkxSimulator.start(OkxSimulator.Config.defaults(0, 7).withMakerStepMs(0));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset(7);
        trader1 = client(0);
        trader2 = client(1);
    }

    static OkxRestClient clientFor(OkxSimulator sim, int index) {
        OkxCredentials c = OkxSimulator.DEFAULT_CREDENTIALS.get(index);
        return new OkxRestClient(sim.restUri(), c.apiKey(), c.secret(), c.passphrase());
    }

    private OkxRestClient client(int index) {
        return clientFor(simulator, index);
    }

    @Test
    void publicEndpointsDescribeTheInstrumentsAndTheSeededBook() {
        OkxRestClient.Response time = trader1.time();
        assertThat(time.status()).isEqualTo(200);
        assertThat(time.code()).isEqualTo("0");
        assertThat(Math.abs(Long.parseLong(time.first().path("ts").asText()) - System.currentTimeMillis())).isLessThan(10_000);

        OkxRestClient.Response instruments = trader1.instruments("SPOT");
        assertThat(instruments.body().path("data")).hasSize(2);
        JsonNode btc = instruments.first();
        assertThat(btc.path("instId").asText()).isEqualTo(BTC);
        assertThat(btc.path("baseCcy").asText()).isEqualTo("BTC");
        assertThat(btc.path("quoteCcy").asText()).isEqualTo("USDT");
        assertThat(btc.path("tickSz").asText()).isEqualTo("0.01");
        assertThat(btc.path("lotSz").asText()).isEqualTo("0.00001");
        assertThat(btc.path("minSz").asText()).isEqualTo("0.00001");
        assertThat(btc.path("state").asText()).isEqualTo("live");
        assertThat(trader1.getPublic("/api/v5/public/instruments", java.util.Map.of()).code()).isEqualTo("50014");

        OkxRestClient.Response books = trader1.books(BTC, 3);
        JsonNode book = books.first();
        assertThat(book.path("asks")).hasSize(3);
        assertThat(book.path("asks").path(0).path(0).asText()).isEqualTo("60000.50");
        assertThat(book.path("asks").path(0).path(1).asText()).isEqualTo("0.50000");
        assertThat(book.path("asks").path(0).path(2).asText()).isEqualTo("0");
        assertThat(book.path("bids").path(0).path(0).asText()).isEqualTo("59999.50");
        assertThat(book.path("bids").path(1).path(0).asText()).isEqualTo("59999.00");
    }

    @Test
    void refusesBadSignaturesStaleTimestampsAndUnknownKeysWithTheDocumentedCodes() {
        OkxRestClient.Response badSign = trader1.withForcedSignature("bm90IGEgc2lnbmF0dXJl").balance(null);
        assertThat(badSign.status()).isEqualTo(401);
        assertThat(badSign.code()).isEqualTo("50113");
        trader1.withForcedSignature(null);

        OkxRestClient.Response stale = trader1.withClock(() -> System.currentTimeMillis() - 60_000).balance(null);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.code()).isEqualTo("50102");
        assertThat(stale.body().path("msg").asText()).isEqualTo("Timestamp request expired.");
        trader1.withClock(System::currentTimeMillis);

        OkxRestClient unknown = new OkxRestClient(simulator.restUri(), "nobody", "x", "y");
        assertThat(unknown.balance(null).code()).isEqualTo("50111");
        OkxRestClient wrongPass = new OkxRestClient(simulator.restUri(), "okx-trader1-key", "okx-trader1-secret", "wrong");
        assertThat(wrongPass.balance(null).code()).isEqualTo("50105");
        OkxRestClient.Response unsigned = trader1.getPublic("/api/v5/account/balance", java.util.Map.of());
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.code()).isEqualTo("50103");
        OkxRestClient.Response fine = trader1.balance("BTC");
        assertThat(fine.code()).isEqualTo("0");
        assertThat(fine.first().path("details")).hasSize(1);
    }

    @Test
    void limitOrderRestsIsQueriedListedAndCanceled() {
        OkxRestClient.Response placed = trader1.placeOrder(BTC, "buy", "limit", "0.01", "59000.00", "lim1");
        assertThat(placed.status()).isEqualTo(200);
        assertThat(placed.code()).isEqualTo("0");
        assertThat(placed.sCode()).isEqualTo("0");
        assertThat(placed.first().path("sMsg").asText()).isEqualTo("Order placed");
        assertThat(placed.first().path("clOrdId").asText()).isEqualTo("lim1");
        String ordId = placed.first().path("ordId").asText();

        JsonNode order = trader1.order(BTC, ordId, null).first();
        assertThat(order.path("state").asText()).isEqualTo("live");
        assertThat(order.path("ordType").asText()).isEqualTo("limit");
        assertThat(order.path("px").asText()).isEqualTo("59000.00");
        assertThat(order.path("sz").asText()).isEqualTo("0.01000");
        assertThat(order.path("accFillSz").asText()).isEqualTo("0.00000");
        assertThat(order.path("avgPx").asText()).isEmpty();
        assertThat(trader1.order(BTC, null, "lim1").first().path("ordId").asText()).isEqualTo(ordId);

        JsonNode pending = trader1.ordersPending(BTC).body().path("data");
        assertThat(pending).hasSize(1);
        assertThat(pending.path(0).path("ordId").asText()).isEqualTo(ordId);
        assertThat(trader1.balanceOf("USDT").path("frozenBal").asText()).isEqualTo("590");

        OkxRestClient.Response canceled = trader1.cancelOrder(BTC, ordId, null);
        assertThat(canceled.code()).isEqualTo("0");
        assertThat(canceled.sCode()).isEqualTo("0");
        JsonNode after = trader1.order(BTC, ordId, null).first();
        assertThat(after.path("state").asText()).isEqualTo("canceled");
        assertThat(after.path("cancelSource").asText()).isEqualTo("1");
        assertThat(trader1.ordersPending(BTC).body().path("data")).isEmpty();
        assertThat(trader1.balanceOf("USDT").path("frozenBal").asText()).isEqualTo("0");

        OkxRestClient.Response again = trader1.cancelOrder(BTC, ordId, null);
        assertThat(again.code()).isEqualTo("1");
        assertThat(again.sCode()).isEqualTo("51400");
        OkxRestClient.Response missing = trader1.order(BTC, "424242", null);
        assertThat(missing.code()).isEqualTo("51603");
    }

    @Test
    void marketOrderFillsAndChargesTheTakerFeeInTheReceivedCurrency() {
        OkxRestClient.Response placed = trader1.placeOrder(BTC, "buy", "market", "0.1", null, "mkt1");
        assertThat(placed.sCode()).isEqualTo("0");
        String ordId = placed.first().path("ordId").asText();
        JsonNode order = trader1.order(BTC, ordId, null).first();
        assertThat(order.path("state").asText()).isEqualTo("filled");
        assertThat(order.path("tgtCcy").asText()).isEqualTo("base_ccy");
        assertThat(order.path("accFillSz").asText()).isEqualTo("0.10000");
        assertThat(order.path("avgPx").asText()).isEqualTo("60000.5");
        assertThat(order.path("fee").asText()).isEqualTo("-0.0001");
        assertThat(order.path("feeCcy").asText()).isEqualTo("BTC");

        JsonNode fills = trader1.fills(BTC, ordId).body().path("data");
        assertThat(fills).hasSize(1);
        assertThat(fills.path(0).path("fillPx").asText()).isEqualTo("60000.50");
        assertThat(fills.path(0).path("fillSz").asText()).isEqualTo("0.10000");
        assertThat(fills.path(0).path("execType").asText()).isEqualTo("T");
        assertThat(fills.path(0).path("fee").asText()).isEqualTo("-0.0001");
        assertThat(fills.path(0).path("feeCcy").asText()).isEqualTo("BTC");
        assertThat(fills.path(0).path("side").asText()).isEqualTo("buy");

        // 100000 - 0.1 * 60000.5 = 93999.95 USDT; 10 + 0.1 - 0.0001 fee = 10.0999 BTC
        assertThat(trader1.balanceOf("USDT").path("availBal").asText()).isEqualTo("93999.95");
        assertThat(trader1.balanceOf("BTC").path("cashBal").asText()).isEqualTo("10.0999");

        // a market buy without tgtCcy is sized in USDT, as on OKX spot
        OkxRestClient.Response quoteSized = trader1.postPrivate("/api/v5/trade/order", OkxRestClient.JSON.createObjectNode()
            .put("instId", BTC).put("tdMode", "cash").put("side", "buy").put("ordType", "market").put("sz", "600.05"));
        JsonNode bought = trader1.order(BTC, quoteSized.first().path("ordId").asText(), null).first();
        assertThat(bought.path("tgtCcy").asText()).isEqualTo("quote_ccy");
        assertThat(bought.path("sz").asText()).isEqualTo("600.05");
        assertThat(bought.path("accFillSz").asText()).isEqualTo("0.01000");
    }

    @Test
    void iocFokAndPostOnlyEndTheWayOkxEndsThem() {
        // IOC for 0.6 at 60000.50 takes the 0.5 there and cancels the rest (cancelSource 14)
        String ioc = trader1.placeOrder(BTC, "buy", "ioc", "0.6", "60000.50", null).first().path("ordId").asText();
        JsonNode iocOrder = trader1.order(BTC, ioc, null).first();
        assertThat(iocOrder.path("state").asText()).isEqualTo("canceled");
        assertThat(iocOrder.path("accFillSz").asText()).isEqualTo("0.50000");
        assertThat(iocOrder.path("cancelSource").asText()).isEqualTo("14");

        // FOK that cannot fill completely at its price does nothing and is canceled
        String fok = trader1.placeOrder(BTC, "buy", "fok", "1", "60001.00", null).first().path("ordId").asText();
        JsonNode fokOrder = trader1.order(BTC, fok, null).first();
        assertThat(fokOrder.path("state").asText()).isEqualTo("canceled");
        assertThat(fokOrder.path("accFillSz").asText()).isEqualTo("0.00000");
        assertThat(trader1.fills(BTC, fok).body().path("data")).isEmpty();

        // FOK that can fill does
        String fokOk = trader1.placeOrder(BTC, "buy", "fok", "0.2", "60001.00", null).first().path("ordId").asText();
        assertThat(trader1.order(BTC, fokOk, null).first().path("state").asText()).isEqualTo("filled");

        // a crossing post-only order is accepted, then canceled with cancelSource 31
        OkxRestClient.Response postOnly = trader1.placeOrder(BTC, "buy", "post_only", "0.01", "60005.00", "po1");
        assertThat(postOnly.sCode()).isEqualTo("0");
        JsonNode poOrder = trader1.order(BTC, null, "po1").first();
        assertThat(poOrder.path("state").asText()).isEqualTo("canceled");
        assertThat(poOrder.path("cancelSource").asText()).isEqualTo("31");
        // a resting post-only order rests
        String resting = trader1.placeOrder(BTC, "sell", "post_only", "0.01", "60100.00", null).first().path("ordId").asText();
        assertThat(trader1.order(BTC, resting, null).first().path("state").asText()).isEqualTo("live");
    }

    @Test
    void partialFillThenFillAcrossTwoAccountsWithMakerAndTakerFees() {
        String sell = trader1.placeOrder(BTC, "sell", "limit", "0.3", "60000.10", "ask1").first().path("ordId").asText();
        trader2.placeOrder(BTC, "buy", "limit", "0.1", "60000.10", null);
        JsonNode partial = trader1.order(BTC, sell, null).first();
        assertThat(partial.path("state").asText()).isEqualTo("partially_filled");
        assertThat(partial.path("accFillSz").asText()).isEqualTo("0.10000");
        assertThat(partial.path("fillSz").asText()).isEqualTo("0.10000");
        trader2.placeOrder(BTC, "buy", "market", "0.2", null, null);
        JsonNode filled = trader1.order(BTC, sell, null).first();
        assertThat(filled.path("state").asText()).isEqualTo("filled");
        assertThat(filled.path("accFillSz").asText()).isEqualTo("0.30000");
        assertThat(filled.path("avgPx").asText()).isEqualTo("60000.1");
        // maker fee 0.08 % of 0.3 * 60000.10 = 18000.03 USDT, charged in USDT for a sell
        assertThat(filled.path("fee").asText()).isEqualTo("-14.400024");
        JsonNode fills = trader1.fills(BTC, sell).body().path("data");
        assertThat(fills).hasSize(2);
        assertThat(fills.path(0).path("execType").asText()).isEqualTo("M");
        assertThat(fills.path(0).path("feeCcy").asText()).isEqualTo("USDT");
        // 100000 + 18000.03 - 14.400024 USDT; 10 - 0.3 BTC
        assertThat(new BigDecimal(trader1.balanceOf("USDT").path("cashBal").asText())).isEqualByComparingTo("117985.629976");
        assertThat(new BigDecimal(trader1.balanceOf("BTC").path("cashBal").asText())).isEqualByComparingTo("9.7");
    }

    @Test
    void amendChangesSizeAndPriceAndRefusesDoneOrUnknownOrders() {
        String ordId = trader1.placeOrder(BTC, "buy", "limit", "0.05", "59000.00", null).first().path("ordId").asText();
        OkxRestClient.Response down = trader1.amendOrder(BTC, ordId, "0.03", null, "r1");
        assertThat(down.code()).isEqualTo("0");
        assertThat(down.first().path("reqId").asText()).isEqualTo("r1");
        assertThat(trader1.order(BTC, ordId, null).first().path("sz").asText()).isEqualTo("0.03000");
        trader1.amendOrder(BTC, ordId, null, "59500.00", "r2");
        JsonNode moved = trader1.order(BTC, ordId, null).first();
        assertThat(moved.path("px").asText()).isEqualTo("59500.00");
        assertThat(moved.path("state").asText()).isEqualTo("live");
        // amend through the spread: trades at once
        trader1.amendOrder(BTC, ordId, null, "60000.50", "r3");
        assertThat(trader1.order(BTC, ordId, null).first().path("state").asText()).isEqualTo("filled");
        OkxRestClient.Response done = trader1.amendOrder(BTC, ordId, "0.04", null, "r4");
        assertThat(done.code()).isEqualTo("1");
        assertThat(done.sCode()).isEqualTo("51503");
        assertThat(trader1.amendOrder(BTC, "777", "0.04", null, null).sCode()).isEqualTo("51603");
    }

    @Test
    void refusesOrdersBreakingTheInstrumentRulesOrTheBalance() {
        assertThat(trader1.placeOrder(BTC, "buy", "limit", "0.000001", "59000.00", null).sCode()).isEqualTo("51020");
        assertThat(trader1.placeOrder(BTC, "buy", "limit", "0.000015", "59000.00", null).sCode()).isEqualTo("51121");
        OkxRestClient.Response tick = trader1.placeOrder(BTC, "buy", "limit", "0.01", "59000.001", null);
        assertThat(tick.code()).isEqualTo("1");
        assertThat(tick.sCode()).isEqualTo("51000");
        OkxRestClient.Response broke = trader1.placeOrder(BTC, "buy", "limit", "5", "59000.00", null);
        assertThat(broke.sCode()).isEqualTo("51008");
        assertThat(broke.first().path("sMsg").asText()).isEqualTo("Order failed. Insufficient USDT balance in account.");
        assertThat(trader1.placeOrder("DOGE-USDT", "buy", "limit", "1", "1", null).sCode()).isEqualTo("51001");
        trader1.placeOrder(BTC, "buy", "limit", "0.01", "59000.00", "dup");
        assertThat(trader1.placeOrder(BTC, "buy", "limit", "0.01", "59000.00", "dup").sCode()).isEqualTo("51016");
        OkxRestClient.Response noSide = trader1.postPrivate("/api/v5/trade/order",
            OkxRestClient.JSON.createObjectNode().put("instId", BTC).put("tdMode", "cash").put("ordType", "limit").put("sz", "1"));
        assertThat(noSide.status()).isEqualTo(400);
        assertThat(noSide.code()).isEqualTo("50014");
        assertThat(List.of(noSide.body().path("msg").asText())).containsExactly("Parameter side can not be empty.");
    }
}
