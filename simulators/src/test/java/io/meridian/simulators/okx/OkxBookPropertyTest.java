package io.meridian.simulators.okx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property: for any seeded run of market-maker steps and random client orders, cancels and
 * amends, a local book rebuilt from the {@code books} snapshot plus every update (each one
 * checked for {@code prevSeqId} continuity and checksum) equals the simulator's book after every
 * event. Several seeds; each seed drives both the venue and the random operations.
 */
class OkxBookPropertyTest {
    private static final String BTC = "BTC-USDT";
    private static OkxSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = OkxSimulator.start(OkxSimulator.Config.defaults(0, 1).withMakerStepMs(0));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void localBookFromSnapshotAndUpdatesEqualsTheVenueBookAfterEveryEvent() {
        for (long seed : new long[] {1, 2, 42}) {
            simulator.reset(seed);
            runSeed(seed);
        }
    }

    private void runSeed(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<OkxRestClient> traders = List.of(OkxSimulatorTradingTest.clientFor(simulator, 0), OkxSimulatorTradingTest.clientFor(simulator, 1));
        List<String[]> open = new ArrayList<>();
        try (OkxWsClient ws = OkxWsClient.connect(simulator.publicWsUri())) {
            OkxLocalBook book = new OkxLocalBook();
            ws.subscribe(OkxWsClient.arg("books", "instId", BTC));
            JsonNode snapshot = ws.awaitPushes("books", 1).get(0);
            assertThat(book.apply(snapshot)).isEqualTo(OkxLocalBook.Result.OK);
            for (int event = 0; event < 40; event++) {
                int trader = random.nextInt(2);
                OkxRestClient client = traders.get(trader);
                int action = random.nextInt(10);
                long bid = simulator.onExchange(e -> e.bookTop(BTC).orElseThrow().bidPrice());
                BigDecimal mid = BigDecimal.valueOf(bid, 8);
                if (action < 3) {
                    simulator.stepMarket(1 + random.nextInt(3));
                } else if (action < 7) {
                    String side = random.nextBoolean() ? "buy" : "sell";
                    BigDecimal px = mid.add(BigDecimal.valueOf(random.nextInt(-300, 300), 2)).setScale(2, RoundingMode.DOWN);
                    String sz = BigDecimal.valueOf(1 + random.nextInt(20), 3).toPlainString();
                    JsonNode placed = client.placeOrder(BTC, side, random.nextInt(4) == 0 ? "post_only" : "limit", sz, px.toPlainString(), null).first();
                    if (placed.path("sCode").asText().equals("0")) {
                        open.add(new String[] {Integer.toString(trader), placed.path("ordId").asText()});
                    }
                } else if (action < 8 && !open.isEmpty()) {
                    String[] target = open.remove(random.nextInt(open.size()));
                    traders.get(Integer.parseInt(target[0])).cancelOrder(BTC, target[1], null);
                } else if (action < 9 && !open.isEmpty()) {
                    String[] target = open.get(random.nextInt(open.size()));
                    BigDecimal px = mid.add(BigDecimal.valueOf(random.nextInt(-300, 100), 2)).setScale(2, RoundingMode.DOWN);
                    traders.get(Integer.parseInt(target[0])).amendOrder(BTC, target[1], null, px.toPlainString(), null);
                } else {
                    client.placeOrder(BTC, random.nextBoolean() ? "buy" : "sell", "market", "0.01", null, null);
                }
                OkxSimulatorStreamTest.syncAndCompare(simulator, ws, book, BTC);
            }
            assertThat(book.messagesVerified()).as("seed %d", seed).isGreaterThan(20);
        }
    }
}
