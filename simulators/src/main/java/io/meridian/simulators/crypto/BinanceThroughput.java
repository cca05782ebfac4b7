package io.meridian.simulators.crypto;

import io.meridian.simulators.binance.BinanceSignatures;
import io.meridian.simulators.binance.BinanceSimulator;
import io.meridian.simulators.binance.BinanceSimulatorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures what one Binance simulator sustains on this machine (not a test; prints a report):
 * signed REST orders per second from {@code threads} keep-alive clients, and stream events per
 * second delivered to one WebSocket client (market streams + user data) meanwhile; then market
 * streams alone with the market maker stepped as fast as the loop allows; then the exchange core
 * alone (orders submitted on its thread, no network).
 * <pre>java ... io.meridian.simulators.crypto.BinanceThroughput [seconds=10] [threads=2]</pre>
 */
public final class BinanceThroughput {
    private BinanceThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        BinanceSimulatorConfig defaults = BinanceSimulatorConfig.defaults(0, 1);
        BinanceSimulatorConfig config = new BinanceSimulatorConfig(defaults.host(), 0, defaults.exchange(), defaults.apiKeys(),
            defaults.clock(), 0, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, 0);
        try (BinanceSimulator sim = BinanceSimulator.start(config)) {
            AtomicLong events = new AtomicLong();
            String listenKey = listenKey(sim);
            List<WebSocket> sockets = new ArrayList<>();
            sockets.add(counter(sim.wsUrl() + "/stream?streams=btcusdt@trade/btcusdt@bookTicker/btcusdt@depth@100ms", events));
            sockets.add(counter(sim.wsUrl() + "/ws/" + listenKey, events));
            AtomicLong orders = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread client = new Thread(() -> placeUntil(sim, end, orders, errors), "rest-client-" + t);
                clients.add(client);
                client.start();
            }
            long eventsBefore = events.get();
            for (Thread client : clients) {
                client.join();
            }
            long restEvents = events.get() - eventsBefore;
            System.out.printf("REST: %d orders in %d s = %.0f orders/s (%d errors, %d client threads)%n",
                orders.get(), seconds, orders.get() / (double) seconds, errors.get(), threads);
            System.out.printf("streams during REST: %d events = %.0f events/s to one client (trade, bookTicker, depth@100ms, user data)%n",
                restEvents, restEvents / (double) seconds);

            AtomicLong marketEvents = new AtomicLong();
            sockets.add(counter(sim.wsUrl() + "/stream?streams=btcusdt@trade/btcusdt@bookTicker/ethusdt@trade/ethusdt@bookTicker"
                + "/btcusdt@depth@100ms/ethusdt@depth@100ms", marketEvents));
            long stepEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            long steps = 0;
            while (System.nanoTime() < stepEnd) {
                sim.stepMarketMaker();
                steps++;
            }
            Thread.sleep(300);
            System.out.printf("market maker alone: %d steps = %.0f steps/s, %d market events = %.0f events/s to one client%n",
                steps, steps / (double) seconds, marketEvents.get(), marketEvents.get() / (double) seconds);
            sockets.forEach(WebSocket::abort);

            sim.reset(1);
            long coreOrders = 200_000;
            long nanos = sim.onExchange(ex -> {
                long start = System.nanoTime();
                for (long i = 0; i < coreOrders; i++) {
                    ex.submit(io.meridian.simulators.exchange.NewOrder.limit("trader1", "BTCUSDT",
                        i % 2 == 0 ? io.meridian.simulators.matching.Side.BUY : io.meridian.simulators.matching.Side.SELL,
                        io.meridian.simulators.matching.TimeInForce.GTC, io.meridian.simulators.exchange.Amounts.of("60000"),
                        io.meridian.simulators.exchange.Amounts.of("0.001"), null));
                }
                return System.nanoTime() - start;
            });
            System.out.printf("exchange core alone (no network, no JSON): %d orders in %.2f s = %.0f orders/s%n",
                coreOrders, nanos / 1e9, coreOrders / (nanos / 1e9));
        }
    }

    private static void placeUntil(BinanceSimulator sim, long end, AtomicLong orders, AtomicLong errors) {
        HttpClient http = HttpClient.newHttpClient();
        boolean buy = Thread.currentThread().getName().hashCode() % 2 == 0;
        while (System.nanoTime() < end) {
            buy = !buy;
            String payload = "symbol=BTCUSDT&side=" + (buy ? "BUY" : "SELL") + "&type=LIMIT&timeInForce=GTC&quantity=0.001&price=60000"
                + "&newOrderRespType=ACK&timestamp=" + System.currentTimeMillis();
            String url = sim.restUrl() + "/api/v3/order?" + payload + "&signature="
                + BinanceSignatures.hmacSha256Hex(BinanceSimulatorConfig.TRADER1_SECRET, payload);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("X-MBX-APIKEY", BinanceSimulatorConfig.TRADER1_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
                (response.statusCode() == 200 ? orders : errors).incrementAndGet();
            } catch (java.io.IOException e) {
                errors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String listenKey(BinanceSimulator sim) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.restUrl() + "/api/v3/userDataStream"))
            .header("X-MBX-APIKEY", BinanceSimulatorConfig.TRADER1_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
        return response.body().replaceAll(".*\"listenKey\":\"([^\"]+)\".*", "$1");
    }

    private static WebSocket counter(String url, AtomicLong count) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                if (last) {
                    count.incrementAndGet();
                }
                webSocket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }
}
