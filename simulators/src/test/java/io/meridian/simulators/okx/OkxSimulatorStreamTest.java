package io.meridian.simulators.okx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.DepthSnapshot;
import io.meridian.simulators.exchange.PriceQty;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OKX test client's WebSocket side against the simulator: login (and its refusals), the
 * private {@code orders} and {@code account} channels in order, ping/pong, and the public
 * {@code books} channel kept as a local book with {@code seqId}/{@code prevSeqId} and the
 * checksum verified on every push, plus {@code bbo-tbt}. The market maker is stepped by the test.
 */
class OkxSimulatorStreamTest {
    private static final String BTC = "BTC-USDT";
    private static OkxSimulator simulator;
    private OkxRestClient trader1;
    private OkxRestClient trader2;

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
        trader1 = OkxSimulatorTradingTest.clientFor(simulator, 0);
        trader2 = OkxSimulatorTradingTest.clientFor(simulator, 1);
    }

    static OkxWsClient loggedIn(OkxSimulator sim, int index) {
        OkxCredentials c = OkxSimulator.DEFAULT_CREDENTIALS.get(index);
        OkxWsClient ws = OkxWsClient.connect(sim.privateWsUri());
        JsonNode login = ws.login(c.apiKey(), c.secret(), c.passphrase(), System.currentTimeMillis() / 1000);
        assertThat(login.path("event").asText()).isEqualTo("login");
        assertThat(login.path("code").asText()).isEqualTo("0");
        return ws;
    }

    @Test
    void loginIsRefusedWithTheDocumentedCodesAndPrivateChannelsNeedIt() {
        OkxCredentials c = OkxSimulator.DEFAULT_CREDENTIALS.get(0);
        try (OkxWsClient ws = OkxWsClient.connect(simulator.privateWsUri())) {
            JsonNode notLoggedIn = ws.subscribe(OkxWsClient.arg("orders", "instType", "SPOT"));
            assertThat(notLoggedIn.path("event").asText()).isEqualTo("error");
            assertThat(notLoggedIn.path("code").asText()).isEqualTo("60011");
            JsonNode badSign = ws.login(c.apiKey(), "wrong-secret", c.passphrase(), System.currentTimeMillis() / 1000);
            assertThat(badSign.path("event").asText()).isEqualTo("error");
            assertThat(badSign.path("code").asText()).isEqualTo("60007");
            JsonNode stale = ws.login(c.apiKey(), c.secret(), c.passphrase(), System.currentTimeMillis() / 1000 - 120);
            assertThat(stale.path("code").asText()).isEqualTo("60006");
            JsonNode wrongPass = ws.login(c.apiKey(), c.secret(), "nope", System.currentTimeMillis() / 1000);
            assertThat(wrongPass.path("code").asText()).isEqualTo("60024");
            JsonNode ok = ws.login(c.apiKey(), c.secret(), c.passphrase(), System.currentTimeMillis() / 1000);
            assertThat(ok.path("event").asText()).isEqualTo("login");
            assertThat(ok.path("connId").asText()).isNotEmpty();
            ws.send("ping");
            assertThat(ws.await(m -> m.isTextual()).asText()).isEqualTo("pong");
            ws.send("{not json");
            assertThat(ws.await(m -> m.has("event")).path("code").asText()).isEqualTo("60012");
            JsonNode books = ws.subscribe(OkxWsClient.arg("books", "instId", BTC));
            assertThat(books.path("code").asText()).isEqualTo("60018");
        }
    }

    @Test
    void privateOrdersAndAccountChannelsPushEveryChangeInOrder() {
        try (OkxWsClient ws = loggedIn(simulator, 0)) {
            JsonNode subscribed = ws.subscribe(OkxWsClient.arg("orders", "instType", "SPOT"));
            assertThat(subscribed.path("event").asText()).isEqualTo("subscribe");
            assertThat(subscribed.path("arg").path("channel").asText()).isEqualTo("orders");
            ws.subscribe(OkxWsClient.arg("account", "ccy", "USDT"));
            JsonNode initial = ws.awaitPushes("account", 1).get(0);
            assertThat(initial.path("data").path(0).path("details").path(0).path("cashBal").asText()).isEqualTo("100000");

            String sell = trader1.placeOrder(BTC, "sell", "limit", "0.3", "60000.10", "s1").first().path("ordId").asText();
            trader2.placeOrder(BTC, "buy", "limit", "0.1", "60000.10", null);
            trader2.placeOrder(BTC, "buy", "limit", "0.2", "60000.10", null);
            String other = trader1.placeOrder(BTC, "buy", "limit", "0.01", "59000.00", null).first().path("ordId").asText();
            trader1.amendOrder(BTC, other, null, "59100.00", "am1");
            trader1.cancelOrder(BTC, other, null);

            List<JsonNode> pushes = ws.awaitPushes("orders", 6);
            assertThat(pushes).allSatisfy(p -> assertThat(p.path("arg").path("uid").asText()).isEqualTo("trader1"));
            List<String> states = pushes.stream().map(p -> p.path("data").path(0).path("ordId").asText() + ":"
                + p.path("data").path(0).path("state").asText()).toList();
            assertThat(states).containsExactly(sell + ":live", sell + ":partially_filled", sell + ":filled",
                other + ":live", other + ":live", other + ":canceled");
            JsonNode firstFill = pushes.get(1).path("data").path(0);
            assertThat(firstFill.path("clOrdId").asText()).isEqualTo("s1");
            assertThat(firstFill.path("fillSz").asText()).isEqualTo("0.10000");
            assertThat(firstFill.path("fillPx").asText()).isEqualTo("60000.10");
            assertThat(firstFill.path("execType").asText()).isEqualTo("M");
            assertThat(firstFill.path("fillFeeCcy").asText()).isEqualTo("USDT");
            assertThat(firstFill.path("fillFee").asText()).isEqualTo("-4.800008");
            assertThat(firstFill.path("tradeId").asText()).isNotEmpty();
            assertThat(pushes.get(4).path("data").path(0).path("amendResult").asText()).isEqualTo("0");
            assertThat(pushes.get(4).path("data").path(0).path("reqId").asText()).isEqualTo("am1");
            assertThat(pushes.get(4).path("data").path(0).path("px").asText()).isEqualTo("59100.00");
            assertThat(pushes.get(5).path("data").path(0).path("cancelSource").asText()).isEqualTo("1");

            // the account channel ends at what REST reports
            String restUsdt = trader1.balanceOf("USDT").path("cashBal").asText();
            JsonNode last = null;
            while (last == null || !last.path("data").path(0).path("details").path(0).path("cashBal").asText().equals(restUsdt)) {
                last = ws.awaitPushes("account", 1).get(0);
            }
            assertThat(last.path("data").path(0).path("details").path(0).path("ccy").asText()).isEqualTo("USDT");
        }
    }

    @Test
    void booksChecksumAndSequenceHoldOnEveryPushAndTheLocalBookMatchesTheVenue() {
        try (OkxWsClient ws = OkxWsClient.connect(simulator.publicWsUri())) {
            OkxLocalBook book = new OkxLocalBook();
            assertThat(ws.subscribe(OkxWsClient.arg("books", "instId", BTC)).path("event").asText()).isEqualTo("subscribe");
            JsonNode snapshot = ws.awaitPushes("books", 1).get(0);
            assertThat(snapshot.path("action").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("data").path(0).path("prevSeqId").asLong()).isEqualTo(-1);
            assertThat(book.apply(snapshot)).isEqualTo(OkxLocalBook.Result.OK);
            for (int i = 0; i < 25; i++) {
                simulator.stepMarket(1);
                if (i % 6 == 0) {
                    trader1.placeOrder(BTC, "buy", "market", "0.2", null, null);
                    trader2.placeOrder(BTC, "sell", "limit", "0.05", "60020.00", null);
                }
                syncAndCompare(simulator, ws, book, BTC);
            }
            assertThat(book.messagesVerified()).isGreaterThan(25);
        }
    }

    @Test
    void bboTbtFollowsTheBestLevels() {
        try (OkxWsClient ws = OkxWsClient.connect(simulator.publicWsUri())) {
            ws.subscribe(OkxWsClient.arg("bbo-tbt", "instId", BTC));
            JsonNode first = ws.awaitPushes("bbo-tbt", 1).get(0).path("data").path(0);
            assertThat(first.path("asks").path(0).path(0).asText()).isEqualTo("60000.50");
            assertThat(first.path("bids").path(0).path(0).asText()).isEqualTo("59999.50");
            trader1.placeOrder(BTC, "buy", "limit", "0.01", "59999.80", null);
            JsonNode next = ws.awaitPushes("bbo-tbt", 1).get(0).path("data").path(0);
            assertThat(next.path("bids").path(0).path(0).asText()).isEqualTo("59999.80");
            assertThat(next.path("bids").path(0).path(1).asText()).isEqualTo("0.01000");
            assertThat(next.path("seqId").asLong()).isGreaterThan(first.path("seqId").asLong());
        }
    }

    /** Reads books pushes until the local book reaches the venue's seqId, checking each, then compares whole books. */
    static void syncAndCompare(OkxSimulator sim, OkxWsClient ws, OkxLocalBook book, String instId) {
        long target = sim.onFrontEnd(f -> f.feed(instId).seqId());
        while (book.seqId() != target) {
            JsonNode push = ws.awaitPushes("books", 1).get(0);
            assertThat(book.apply(push)).as("push %s", push).isEqualTo(OkxLocalBook.Result.OK);
        }
        DepthSnapshot depth = sim.onExchange(e -> e.depth(instId, Integer.MAX_VALUE).orElseThrow());
        assertThat(book.bids()).isEqualTo(decimals(depth.bids()));
        assertThat(book.asks()).isEqualTo(decimals(depth.asks()));
    }

    static Map<BigDecimal, BigDecimal> decimals(List<PriceQty> levels) {
        Map<BigDecimal, BigDecimal> out = new LinkedHashMap<>();
        levels.forEach(l -> out.put(Amounts.toDecimal(l.price()).stripTrailingZeros(), Amounts.toDecimal(l.qty()).stripTrailingZeros()));
        return out;
    }
}
