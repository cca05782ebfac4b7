package io.meridian.simulators.okx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: measures how many REST orders per second and WebSocket pushes per second one OKX
 * simulator sustains on this machine, with the OKX test client. Run from the simulators module:
 * {@code java -cp target/classes:target/test-classes:<deps> io.meridian.simulators.okx.OkxThroughputMain [seconds] [clients]}.
 */
public final class OkxThroughputMain {
    private OkxThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        try (OkxSimulator simulator = OkxSimulator.start(OkxSimulator.Config.defaults(0, 1).withMakerStepMs(0))) {
            // the first seconds only warm the JIT up (they count for nothing on a shared machine)
            restOrders(simulator, Math.max(2, seconds / 2), clients);
            restOrders(simulator, seconds, clients);
            streamEvents(simulator, Math.max(2, seconds / 2));
            streamEvents(simulator, seconds);
        }
    }

    private static void restOrders(OkxSimulator simulator, int seconds, int clients) throws InterruptedException {
        AtomicLong placed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            OkxRestClient client = OkxSimulatorTradingTest.clientFor(simulator, i % 2);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    // resting, non-crossing orders, each canceled right after: two signed requests per order
                    JsonNode ack = client.placeOrder("BTC-USDT", "buy", "limit", "0.001", "50000.00", null).first();
                    client.cancelOrder("BTC-USDT", ack.path("ordId").asText(), null);
                    placed.incrementAndGet();
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("REST: %d clients, %d orders placed and canceled in %d s: %.0f orders/s (%.0f signed requests/s)%n",
            clients, placed.get(), seconds, placed.get() / (double) seconds, 2 * placed.get() / (double) seconds);
    }

    private static void streamEvents(OkxSimulator simulator, int seconds) {
        try (OkxWsClient books = OkxWsClient.connect(simulator.publicWsUri())) {
            books.subscribe(OkxWsClient.arg("books", "instId", "BTC-USDT"));
            books.awaitPushes("books", 1);
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long steps = 0;
            while (System.nanoTime() < end) {
                simulator.stepMarket(20);
                steps += 20;
            }
            long target = simulator.onFrontEnd(f -> f.feed("BTC-USDT").seqId());
            long received = 0;
            // count until the client has received everything the venue sent
            JsonNode push = null;
            while (push == null || push.path("data").path(0).path("seqId").asLong() != target) {
                push = books.awaitPushes("books", 1).get(0);
                received++;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf("books stream: %d market-maker steps, %d pushes received in %.1f s: %.0f pushes/s%n",
                steps, received, elapsed, received / elapsed);
        }
    }
}
