package io.meridian.simulators.okx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OKX's REST batch endpoints ({@code batch-orders}, {@code cancel-batch-orders},
 * {@code amend-batch-orders}) and history queries ({@code fills-history}, {@code orders-history},
 * {@code orders-history-archive}) as OKX's "Place multiple orders", "Transaction details (last 3
 * months)" and "Order history (last 7 days)" pages document them. Seeded book: asks from 60000.50
 * and bids from 59999.50 every 0.50, 0.5 BTC each.
 */
class OkxBatchAndHistoryTest {
    private static final String BTC = "BTC-USDT";
    private static OkxSimulator simulator;
    private OkxRestClient trader1;

    @BeforeAll
    static void start() {
        simulator = OkxSimulator.start(OkxSimulator.Config.defaults(0, 13).withMakerStepMs(0));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset(13);
        trader1 = OkxSimulatorTradingTest.clientFor(simulator, 0);
    }

    private static ObjectNode limit(String side, String sz, String px, String clOrdId) {
        return OkxRestClient.JSON.createObjectNode().put("instId", BTC).put("tdMode", "cash").put("clOrdId", clOrdId)
            .put("side", side).put("ordType", "limit").put("px", px).put("sz", sz);
    }

    private static ObjectNode byClOrdId(String clOrdId) {
        return OkxRestClient.JSON.createObjectNode().put("instId", BTC).put("clOrdId", clOrdId);
    }

    private static ArrayNode array(ObjectNode... items) {
        ArrayNode array = OkxRestClient.JSON.createArrayNode();
        for (ObjectNode item : items) {
            array.add(item);
        }
        return array;
    }

    @Test
    void batchEndpointsAnswerEveryOrderInRequestOrder() {
        OkxRestClient.Response placed = trader1.postPrivate("/api/v5/trade/batch-orders",
            array(limit("buy", "0.1", "59000", "r1"), limit("buy", "100", "59000", "r2"), limit("sell", "0.1", "61000", "r3")));
        assertThat(placed.status()).isEqualTo(200);
        assertThat(placed.code()).isEqualTo("2");
        JsonNode rows = placed.body().path("data");
        assertThat(rows).hasSize(3);
        assertThat(rows.path(0).path("clOrdId").asText()).isEqualTo("r1");
        assertThat(rows.path(0).path("sCode").asText()).isEqualTo("0");
        assertThat(rows.path(0).path("ordId").asText()).matches("[0-9]+");
        assertThat(rows.path(1).path("clOrdId").asText()).isEqualTo("r2");
        assertThat(rows.path(1).path("sCode").asText()).isEqualTo("51008");
        assertThat(rows.path(1).path("ordId").asText()).isEmpty();
        assertThat(rows.path(2).path("sCode").asText()).isEqualTo("0");
        assertThat(Long.parseLong(placed.body().path("inTime").asText()))
            .isLessThanOrEqualTo(Long.parseLong(placed.body().path("outTime").asText()));

        OkxRestClient.Response amended = trader1.postPrivate("/api/v5/trade/amend-batch-orders",
            array(byClOrdId("r1").put("newPx", "59001"), byClOrdId("r3").put("newSz", "0.05").put("reqId", "q3")));
        assertThat(amended.code()).isEqualTo("0");
        assertThat(amended.body().path("data").path(1).path("reqId").asText()).isEqualTo("q3");
        assertThat(trader1.order(BTC, null, "r1").first().path("px").asText()).isEqualTo("59001.00");
        assertThat(trader1.order(BTC, null, "r3").first().path("sz").asText()).isEqualTo("0.05000");

        OkxRestClient.Response canceled = trader1.postPrivate("/api/v5/trade/cancel-batch-orders",
            array(byClOrdId("r1"), byClOrdId("r3")));
        assertThat(canceled.code()).isEqualTo("0");
        assertThat(canceled.body().path("data")).hasSize(2);
        assertThat(trader1.ordersPending(BTC).body().path("data")).isEmpty();
        OkxRestClient.Response again = trader1.postPrivate("/api/v5/trade/cancel-batch-orders", array(byClOrdId("r1"), byClOrdId("r3")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.code()).isEqualTo("1");
        assertThat(again.body().path("data").path(0).path("sCode").asText()).isEqualTo("51400");
        assertThat(again.body().path("data").path(1).path("sCode").asText()).isEqualTo("51400");
    }

    @Test
    void malformedBatchesAreRefusedAndAMalformedOrderIsItsOwnRow() {
        assertThat(trader1.postPrivate("/api/v5/trade/batch-orders", limit("buy", "0.1", "59000", "obj")).code()).isEqualTo("50002");
        ObjectNode[] many = new ObjectNode[21];
        for (int i = 0; i < many.length; i++) {
            many[i] = limit("buy", "0.001", "50000", "m" + i);
        }
        OkxRestClient.Response tooMany = trader1.postPrivate("/api/v5/trade/batch-orders", array(many));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.code()).isEqualTo("50025");
        ObjectNode noSize = limit("buy", "0.1", "59000", "nosz");
        noSize.remove("sz");
        OkxRestClient.Response oneBad = trader1.postPrivate("/api/v5/trade/batch-orders", array(noSize));
        assertThat(oneBad.status()).isEqualTo(200);
        assertThat(oneBad.code()).isEqualTo("1");
        assertThat(oneBad.sCode()).isEqualTo("50014");
        assertThat(oneBad.first().path("clOrdId").asText()).isEqualTo("nosz");
        assertThat(trader1.ordersPending(BTC).body().path("data")).isEmpty();
    }

    @Test
    void fillsHistoryListsFillsNewestFirstAndPagesByBillId() {
        ObjectNode ioc = limit("buy", "0.6", "60001", "taker1").put("ordType", "ioc");
        String ordId = trader1.postPrivate("/api/v5/trade/order", ioc).first().path("ordId").asText();

        JsonNode fills = trader1.getPrivate("/api/v5/trade/fills-history", Map.of("instType", "SPOT")).body().path("data");
        assertThat(fills).hasSize(2);
        JsonNode newest = fills.path(0);
        JsonNode oldest = fills.path(1);
        assertThat(newest.path("fillPx").asText()).isEqualTo("60001.00");
        assertThat(newest.path("fillSz").asText()).isEqualTo("0.10000");
        assertThat(oldest.path("fillPx").asText()).isEqualTo("60000.50");
        assertThat(newest.path("ordId").asText()).isEqualTo(ordId);
        assertThat(newest.path("clOrdId").asText()).isEqualTo("taker1");
        assertThat(newest.path("instType").asText()).isEqualTo("SPOT");
        assertThat(newest.path("side").asText()).isEqualTo("buy");
        assertThat(newest.path("subType").asText()).isEqualTo("1");
        assertThat(newest.path("execType").asText()).isEqualTo("T");
        assertThat(newest.path("feeCcy").asText()).isEqualTo("BTC");
        assertThat(newest.path("fee").asText()).startsWith("-");
        assertThat(newest.path("tradeQuoteCcy").asText()).isEqualTo("USDT");
        long newestBill = Long.parseLong(newest.path("billId").asText());
        long oldestBill = Long.parseLong(oldest.path("billId").asText());
        assertThat(newestBill).isGreaterThan(oldestBill);

        assertThat(trader1.getPrivate("/api/v5/trade/fills-history", OkxRestClient.ordered("instType", "SPOT", "limit", "1"))
            .body().path("data")).hasSize(1);
        JsonNode older = trader1.getPrivate("/api/v5/trade/fills-history",
            OkxRestClient.ordered("instType", "SPOT", "after", Long.toString(newestBill))).body().path("data");
        assertThat(older).hasSize(1);
        assertThat(older.path(0).path("billId").asText()).isEqualTo(Long.toString(oldestBill));
        JsonNode newer = trader1.getPrivate("/api/v5/trade/fills-history",
            OkxRestClient.ordered("instType", "SPOT", "before", Long.toString(oldestBill))).body().path("data");
        assertThat(newer).hasSize(1);
        assertThat(newer.path(0).path("billId").asText()).isEqualTo(Long.toString(newestBill));
        assertThat(trader1.getPrivate("/api/v5/trade/fills-history", OkxRestClient.ordered("instType", "SPOT", "ordId", "1"))
            .body().path("data")).isEmpty();
        assertThat(trader1.getPrivate("/api/v5/trade/fills", Map.of()).body().path("data")).hasSize(2);

        assertThat(trader1.getPrivate("/api/v5/trade/fills-history", Map.of()).code()).isEqualTo("50014");
        assertThat(trader1.getPrivate("/api/v5/trade/fills-history", Map.of("instType", "SWAP")).body().path("data")).isEmpty();
        assertThat(trader1.getPrivate("/api/v5/trade/fills-history", OkxRestClient.ordered("instType", "SPOT", "limit", "101")).code())
            .isEqualTo("51000");
    }

    @Test
    void ordersHistoryListsCompletedOrdersOnlyNewestFirst() {
        String filled = trader1.postPrivate("/api/v5/trade/order", limit("buy", "0.6", "60001", "filled1").put("ordType", "ioc"))
            .first().path("ordId").asText();
        String canceled = trader1.placeOrder(BTC, "buy", "limit", "0.1", "59000", "canceled1").first().path("ordId").asText();
        trader1.cancelOrder(BTC, canceled, null);
        trader1.placeOrder(BTC, "buy", "limit", "0.1", "58000", "live1");

        for (String path : new String[] {"/api/v5/trade/orders-history", "/api/v5/trade/orders-history-archive"}) {
            JsonNode history = trader1.getPrivate(path, Map.of("instType", "SPOT")).body().path("data");
            assertThat(history).as(path).hasSize(2);
            assertThat(history.path(0).path("ordId").asText()).isEqualTo(canceled);
            assertThat(history.path(0).path("state").asText()).isEqualTo("canceled");
            assertThat(history.path(0).path("cancelSource").asText()).isEqualTo("1");
            assertThat(history.path(1).path("ordId").asText()).isEqualTo(filled);
            assertThat(history.path(1).path("state").asText()).isEqualTo("filled");
            assertThat(history.path(1).path("accFillSz").asText()).isEqualTo("0.60000");
            assertThat(history.path(1).path("ordType").asText()).isEqualTo("ioc");
            assertThat(history.path(1).path("avgPx").asText()).isNotEmpty();
        }
        JsonNode onlyFilled = trader1.getPrivate("/api/v5/trade/orders-history", OkxRestClient.ordered("instType", "SPOT", "state", "filled"))
            .body().path("data");
        assertThat(onlyFilled).hasSize(1);
        assertThat(onlyFilled.path(0).path("ordId").asText()).isEqualTo(filled);
        assertThat(trader1.getPrivate("/api/v5/trade/orders-history", OkxRestClient.ordered("instType", "SPOT", "ordType", "limit"))
            .body().path("data")).hasSize(1);
        assertThat(trader1.getPrivate("/api/v5/trade/orders-history", OkxRestClient.ordered("instType", "SPOT", "ordType", "limit,ioc"))
            .body().path("data")).hasSize(2);
        JsonNode older = trader1.getPrivate("/api/v5/trade/orders-history", OkxRestClient.ordered("instType", "SPOT", "after", canceled))
            .body().path("data");
        assertThat(older).hasSize(1);
        assertThat(older.path(0).path("ordId").asText()).isEqualTo(filled);
        assertThat(trader1.getPrivate("/api/v5/trade/orders-history", Map.of()).code()).isEqualTo("50014");
        assertThat(trader1.getPrivate("/api/v5/trade/orders-history", OkxRestClient.ordered("instType", "SPOT", "limit", "x")).code())
            .isEqualTo("51000");
    }
}
