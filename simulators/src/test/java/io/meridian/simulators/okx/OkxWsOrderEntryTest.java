package io.meridian.simulators.okx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OKX WebSocket order entry on {@code /ws/v5/private} ({@code order}, {@code cancel-order},
 * {@code amend-order} and their {@code batch-} forms), driven by a client written from OKX's
 * "WS / Place order", "WS / Cancel order", "WS / Amend order" and "WS / Place multiple orders"
 * pages: request {@code {"id","op","args":[...]}}, answer {@code {"id","op","code","msg","data",
 * "inTime","outTime"}} with per-order {@code sCode}/{@code sMsg}. The book is the seeded one:
 * asks from 60000.50 and bids from 59999.50 every 0.50, 0.5 BTC each.
 */
class OkxWsOrderEntryTest {
    private static final String BTC = "BTC-USDT";
    private static OkxSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = OkxSimulator.start(OkxSimulator.Config.defaults(0, 11).withMakerStepMs(0));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset(11);
    }

    private static ObjectNode limit(String side, String sz, String px, String clOrdId) {
        return OkxRestClient.JSON.createObjectNode().put("instId", BTC).put("tdMode", "cash").put("side", side)
            .put("ordType", "limit").put("sz", sz).put("px", px).put("clOrdId", clOrdId);
    }

    private static ObjectNode ids(String key, String value) {
        return OkxRestClient.JSON.createObjectNode().put("instId", BTC).put(key, value);
    }

    @Test
    void orderIsAnsweredInTheDocumentedShapeThenPushedAndVisibleOverRest() {
        try (OkxWsClient ws = OkxSimulatorStreamTest.loggedIn(simulator, 0)) {
            ws.subscribe(OkxWsClient.arg("orders", "instType", "SPOT"));
            ws.sendOp("1512", "order", limit("buy", "0.1", "59000", "wsBuy1").put("tag", "desk7"));
            List<JsonNode> seen = ws.collectUntil(m -> m.path("arg").path("channel").asText().equals("orders"));
            JsonNode answer = seen.stream().filter(m -> m.path("id").asText().equals("1512")).findFirst().orElseThrow();
            assertThat(seen.indexOf(answer)).as("the op's answer comes before the push it caused").isLessThan(seen.size() - 1);
            assertThat(answer.path("op").asText()).isEqualTo("order");
            assertThat(answer.path("code").asText()).isEqualTo("0");
            assertThat(answer.path("msg").asText()).isEmpty();
            JsonNode row = answer.path("data").path(0);
            assertThat(answer.path("data")).hasSize(1);
            assertThat(row.path("sCode").asText()).isEqualTo("0");
            assertThat(row.path("clOrdId").asText()).isEqualTo("wsBuy1");
            assertThat(row.path("tag").asText()).isEqualTo("desk7");
            String ordId = row.path("ordId").asText();
            assertThat(ordId).matches("[0-9]+");
            long inTime = Long.parseLong(answer.path("inTime").asText());
            long outTime = Long.parseLong(answer.path("outTime").asText());
            assertThat(inTime).isLessThanOrEqualTo(outTime);
            assertThat(Math.abs(inTime / 1000 - System.currentTimeMillis())).as("microseconds since the epoch").isLessThan(60_000);
            assertThat(Math.abs(Long.parseLong(row.path("ts").asText()) - System.currentTimeMillis())).isLessThan(60_000);

            JsonNode push = seen.get(seen.size() - 1).path("data").path(0);
            assertThat(push.path("ordId").asText()).isEqualTo(ordId);
            assertThat(push.path("state").asText()).isEqualTo("live");
            assertThat(push.path("tag").asText()).isEqualTo("desk7");

            OkxRestClient rest = OkxSimulatorTradingTest.clientFor(simulator, 0);
            JsonNode order = rest.order(BTC, ordId, null).first();
            assertThat(order.path("clOrdId").asText()).isEqualTo("wsBuy1");
            assertThat(order.path("px").asText()).isEqualTo("59000.00");
            assertThat(order.path("sz").asText()).isEqualTo("0.10000");
            assertThat(order.path("state").asText()).isEqualTo("live");
        }
    }

    @Test
    void instIdCodeFromTheInstrumentsListNamesTheInstrument() {
        OkxRestClient rest = OkxSimulatorTradingTest.clientFor(simulator, 0);
        JsonNode instruments = rest.instruments("SPOT").body().path("data");
        long btcCode = instruments.path(0).path("instIdCode").asLong();
        assertThat(instruments.path(0).path("instIdCode").isIntegralNumber()).isTrue();
        assertThat(instruments.path(1).path("instIdCode").asLong()).isNotEqualTo(btcCode);
        try (OkxWsClient ws = OkxSimulatorStreamTest.loggedIn(simulator, 0)) {
            ObjectNode byCode = limit("sell", "0.2", "61000", "byCode1");
            byCode.remove("instId");
            byCode.put("instIdCode", btcCode);
            JsonNode placed = ws.op("a1", "order", byCode);
            assertThat(placed.path("code").asText()).isEqualTo("0");
            String ordId = placed.path("data").path(0).path("ordId").asText();
            assertThat(rest.order(BTC, ordId, null).first().path("side").asText()).isEqualTo("sell");

            ObjectNode cancel = OkxRestClient.JSON.createObjectNode().put("instIdCode", btcCode).put("ordId", ordId);
            assertThat(ws.op("a2", "cancel-order", cancel).path("data").path(0).path("sCode").asText()).isEqualTo("0");

            ObjectNode unknownCode = limit("sell", "0.2", "61000", "byCode2");
            unknownCode.remove("instId");
            unknownCode.put("instIdCode", 42);
            JsonNode refused = ws.op("a3", "order", unknownCode);
            assertThat(refused.path("code").asText()).isEqualTo("1");
            assertThat(refused.path("data").path(0).path("sCode").asText()).isEqualTo("51001");
        }
    }

    @Test
    void amendThenCancelChangeTheOrderAndAreAnsweredPerOrder() {
        try (OkxWsClient ws = OkxSimulatorStreamTest.loggedIn(simulator, 0)) {
            ws.subscribe(OkxWsClient.arg("orders", "instType", "SPOT"));
            String ordId = ws.op("p1", "order", limit("buy", "0.3", "59000", "amendMe")).path("data").path(0).path("ordId").asText();
            ws.awaitPushes("orders", 1);

            ObjectNode amend = ids("ordId", ordId).put("newSz", "0.2").put("newPx", "59100").put("reqId", "r77");
            JsonNode amended = ws.op("p2", "amend-order", amend);
            assertThat(amended.path("code").asText()).isEqualTo("0");
            assertThat(amended.path("data").path(0).path("reqId").asText()).isEqualTo("r77");
            assertThat(amended.path("data").path(0).path("sCode").asText()).isEqualTo("0");
            JsonNode amendPush = ws.awaitPushes("orders", 1).get(0).path("data").path(0);
            assertThat(amendPush.path("amendResult").asText()).isEqualTo("0");
            assertThat(amendPush.path("reqId").asText()).isEqualTo("r77");
            assertThat(amendPush.path("px").asText()).isEqualTo("59100.00");
            assertThat(amendPush.path("sz").asText()).isEqualTo("0.20000");

            JsonNode canceled = ws.op("p3", "cancel-order", ids("clOrdId", "amendMe"));
            assertThat(canceled.path("code").asText()).isEqualTo("0");
            assertThat(canceled.path("data").path(0).path("ordId").asText()).isEqualTo(ordId);
            assertThat(canceled.path("data").path(0).path("clOrdId").asText()).isEqualTo("amendMe");
            assertThat(ws.awaitPushes("orders", 1).get(0).path("data").path(0).path("state").asText()).isEqualTo("canceled");

            JsonNode again = ws.op("p4", "cancel-order", ids("ordId", ordId));
            assertThat(again.path("code").asText()).isEqualTo("1");
            assertThat(again.path("data").path(0).path("sCode").asText()).isEqualTo("51400");
            JsonNode amendGone = ws.op("p5", "amend-order", ids("ordId", "123456").put("newSz", "1"));
            assertThat(amendGone.path("code").asText()).isEqualTo("1");
            assertThat(amendGone.path("data").path(0).path("sCode").asText()).isEqualTo("51603");
        }
    }

    @Test
    void aCrossingOrderFillsAgainstTheSharedBookAndRefusalsCarryTheRestCodes() {
        try (OkxWsClient ws = OkxSimulatorStreamTest.loggedIn(simulator, 0)) {
            ws.subscribe(OkxWsClient.arg("orders", "instType", "SPOT"));
            ObjectNode ioc = limit("buy", "0.6", "60001", "cross1").put("ordType", "ioc");
            JsonNode placed = ws.op("x1", "order", ioc);
            assertThat(placed.path("code").asText()).isEqualTo("0");
            List<JsonNode> pushes = ws.awaitPushes("orders", 3);
            assertThat(pushes.get(0).path("data").path(0).path("state").asText()).isEqualTo("live");
            assertThat(pushes.get(1).path("data").path(0).path("fillPx").asText()).isEqualTo("60000.50");
            assertThat(pushes.get(1).path("data").path(0).path("fillSz").asText()).isEqualTo("0.50000");
            assertThat(pushes.get(2).path("data").path(0).path("fillPx").asText()).isEqualTo("60001.00");
            assertThat(pushes.get(2).path("data").path(0).path("fillSz").asText()).isEqualTo("0.10000");
            assertThat(pushes.get(2).path("data").path(0).path("state").asText()).isEqualTo("filled");
            OkxRestClient rest = OkxSimulatorTradingTest.clientFor(simulator, 0);
            assertThat(rest.fills(BTC, placed.path("data").path(0).path("ordId").asText()).body().path("data")).hasSize(2);

            JsonNode broke = ws.op("x2", "order", limit("buy", "100", "59000", "tooBig"));
            assertThat(broke.path("code").asText()).isEqualTo("1");
            assertThat(broke.path("msg").asText()).isEmpty();
            assertThat(broke.path("data").path(0).path("sCode").asText()).isEqualTo("51008");
            assertThat(broke.path("data").path(0).path("clOrdId").asText()).isEqualTo("tooBig");
            JsonNode offTick = ws.op("x3", "order", limit("buy", "0.1", "59000.001", "offTick"));
            assertThat(offTick.path("data").path(0).path("sCode").asText()).isEqualTo("51000");
            JsonNode noSize = ws.op("x4", "order", limit("buy", "0.1", "59000", "noSize").put("sz", ""));
            assertThat(noSize.path("code").asText()).isEqualTo("1");
            assertThat(noSize.path("data").path(0).path("sCode").asText()).isEqualTo("50014");
        }
    }

    @Test
    void batchOpsAnswerEveryOrderInRequestOrderWithCodeZeroOneOrTwo() {
        try (OkxWsClient ws = OkxSimulatorStreamTest.loggedIn(simulator, 0)) {
            JsonNode partly = ws.op("b1", "batch-orders", limit("buy", "0.1", "59000", "b1a"),
                limit("buy", "100", "59000", "b1b"), limit("sell", "0.1", "61000", "b1c"));
            assertThat(partly.path("op").asText()).isEqualTo("batch-orders");
            assertThat(partly.path("code").asText()).isEqualTo("2");
            JsonNode rows = partly.path("data");
            assertThat(rows).hasSize(3);
            assertThat(rows.path(0).path("clOrdId").asText()).isEqualTo("b1a");
            assertThat(rows.path(0).path("sCode").asText()).isEqualTo("0");
            assertThat(rows.path(1).path("clOrdId").asText()).isEqualTo("b1b");
            assertThat(rows.path(1).path("sCode").asText()).isEqualTo("51008");
            assertThat(rows.path(1).path("ordId").asText()).isEmpty();
            assertThat(rows.path(2).path("sCode").asText()).isEqualTo("0");

            JsonNode amended = ws.op("b2", "batch-amend-orders", ids("clOrdId", "b1a").put("newPx", "59001"),
                ids("clOrdId", "b1c").put("newSz", "0.05").put("reqId", "q2"));
            assertThat(amended.path("code").asText()).isEqualTo("0");
            assertThat(amended.path("data").path(1).path("reqId").asText()).isEqualTo("q2");

            JsonNode canceled = ws.op("b3", "batch-cancel-orders", ids("clOrdId", "b1a"), ids("clOrdId", "b1c"));
            assertThat(canceled.path("code").asText()).isEqualTo("0");
            assertThat(canceled.path("data")).hasSize(2);
            JsonNode none = ws.op("b4", "batch-cancel-orders", ids("clOrdId", "b1a"), ids("clOrdId", "b1c"));
            assertThat(none.path("code").asText()).isEqualTo("1");
            assertThat(none.path("data").path(0).path("sCode").asText()).isEqualTo("51400");
            int open = simulator.onExchange(e -> e.openOrders("trader1", BTC).size());
            assertThat(open).isZero();
        }
    }

    @Test
    void frameErrorsAnswerInTheOpFormatWithEmptyData() {
        try (OkxWsClient anonymous = OkxWsClient.connect(simulator.privateWsUri())) {
            JsonNode notLoggedIn = anonymous.op("n1", "order", limit("buy", "0.1", "59000", "n1"));
            assertThat(notLoggedIn.path("code").asText()).isEqualTo("60011");
            assertThat(notLoggedIn.path("data")).isEmpty();
        }
        try (OkxWsClient publicWs = OkxWsClient.connect(simulator.publicWsUri())) {
            assertThat(publicWs.op("n2", "order", limit("buy", "0.1", "59000", "n2")).path("code").asText()).isEqualTo("60028");
        }
        try (OkxWsClient ws = OkxSimulatorStreamTest.loggedIn(simulator, 0)) {
            JsonNode twoOnSingle = ws.op("n3", "order", limit("buy", "0.1", "59000", "n3a"), limit("buy", "0.1", "59000", "n3b"));
            assertThat(twoOnSingle.path("code").asText()).isEqualTo("60013");
            assertThat(twoOnSingle.path("msg").asText()).isEqualTo("Invalid args");
            assertThat(twoOnSingle.path("data")).isEmpty();
            assertThat(ws.op("n4", "order").path("code").asText()).isEqualTo("60013");
            ObjectNode[] tooMany = new ObjectNode[21];
            for (int i = 0; i < tooMany.length; i++) {
                tooMany[i] = limit("buy", "0.001", "50000", "many" + i);
            }
            assertThat(ws.op("n5", "batch-orders", (JsonNode[]) tooMany).path("code").asText()).isEqualTo("60013");
            assertThat(ws.op("bad-id!", "order", limit("buy", "0.1", "59000", "n6")).path("code").asText()).isEqualTo("60013");
            ws.send("{\"id\":\"n7\",\"op\":\"place\",\"args\":[{}]}");
            JsonNode unknownOp = ws.await(m -> m.path("event").asText().equals("error"));
            assertThat(unknownOp.path("code").asText()).isEqualTo("60019");
            assertThat(unknownOp.path("id").asText()).isEqualTo("n7");
            int open = simulator.onExchange(e -> e.openOrders("trader1", BTC).size());
            assertThat(open).isZero();
        }
    }

    @Test
    void faultsShowOnTheSocketAsOnRest() {
        OkxRestClient rest = OkxSimulatorTradingTest.clientFor(simulator, 0);
        try (OkxWsClient ws = OkxSimulatorStreamTest.loggedIn(simulator, 0)) {
            simulator.faults().inject(FaultSpec.of(FaultType.UNKNOWN_OUTCOME).times(1));
            JsonNode unknown = ws.op("f1", "order", limit("buy", "0.1", "59000", "unknown1"));
            assertThat(unknown.path("code").asText()).isEqualTo("50004");
            assertThat(unknown.path("data")).isEmpty();
            assertThat(rest.order(BTC, null, "unknown1").first().path("state").asText()).as("placed all the same").isEqualTo("live");

            simulator.faults().inject(FaultSpec.of(FaultType.TIMEOUT_ORDER_PLACED).times(1));
            ws.sendOp("f2", "order", limit("buy", "0.1", "59000", "silent1"));
            ws.sendOp("f3", "order", limit("buy", "0.1", "59000", "answered1"));
            List<JsonNode> seen = ws.collectUntil(m -> m.path("id").asText().equals("f3"));
            assertThat(seen).noneMatch(m -> m.path("id").asText().equals("f2"));
            assertThat(seen.get(seen.size() - 1).path("code").asText()).isEqualTo("0");
            assertThat(rest.order(BTC, null, "silent1").first().path("state").asText()).isEqualTo("live");

            simulator.faults().inject(FaultSpec.of(FaultType.RATE_LIMIT_BURST).times(1));
            assertThat(ws.op("f4", "order", limit("buy", "0.1", "59000", "limited1")).path("code").asText()).isEqualTo("50011");
            assertThat(rest.order(BTC, null, "limited1").first().path("state").asText()).as("never placed").isEmpty();

            simulator.faults().inject(FaultSpec.of(FaultType.MAINTENANCE));
            assertThat(ws.op("f5", "order", limit("buy", "0.1", "59000", "maint1")).path("code").asText()).isEqualTo("50001");
            simulator.faults().clear();
            assertThat(rest.getPrivate("/api/v5/trade/orders-pending", Map.of("instId", BTC)).body().path("data")).hasSize(3);
        }
    }
}
