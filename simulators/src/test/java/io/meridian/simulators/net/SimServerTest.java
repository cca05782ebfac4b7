package io.meridian.simulators.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.simulators.fault.FaultPlan;
import io.meridian.simulators.fault.FaultType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimServerTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private SimServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersHttpWithStatusHeadersAndDecodedParams() throws Exception {
        server = SimServer.start("t", "127.0.0.1", 0, request -> CompletableFuture.completedFuture(
            HttpResponse.json(418, "{\"q\":\"" + request.rawQuery() + "\",\"a\":\"" + request.param("a") + "\",\"b\":\"" + request.param("b") + "\"}")
                .withHeader("X-Test", request.method() + request.path())), null);

        var response = client.send(java.net.http.HttpRequest.newBuilder(URI.create(server.httpUrl() + "/p/x?a=1%2B1"))
            .POST(BodyPublishers.ofString("b=2")).header("Content-Type", "application/x-www-form-urlencoded").build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.headers().firstValue("X-Test")).contains("POST/p/x");
        assertThat(response.body()).isEqualTo("{\"q\":\"a=1%2B1\",\"a\":\"1+1\",\"b\":\"2\"}");
    }

    @Test
    void webSocketEchoesAndVenueDownRefusesThenListensAgain() throws Exception {
        server = SimServer.start("t", "127.0.0.1", 0, request -> CompletableFuture.completedFuture(HttpResponse.json(200, "{}")),
            (upgrade, session) -> upgrade.path().equals("/ws") ? session::send : null);
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create(server.wsUrl() + "/ws"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                received.add(data.toString());
                webSocket.request(1);
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
        ws.sendText("hello", true);
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("hello");

        int port = server.port();
        server.goDown(300);
        assertThatThrownBy(() -> client.send(java.net.http.HttpRequest.newBuilder(URI.create(server.httpUrl() + "/")).build(), BodyHandlers.ofString()))
            .isInstanceOf(ConnectException.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!server.isListening() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.port()).isEqualTo(port);
        assertThat(get(server.httpUrl() + "/")).isEqualTo(200);
    }

    @Test
    void controlEndpointInjectsListsAndClearsFaults() throws Exception {
        AtomicLong resetSeed = new AtomicLong();
        FaultPlan plan = new FaultPlan("demo", 5, System::currentTimeMillis);
        ControlledVenue venue = new ControlledVenue() {
            @Override
            public String venue() {
                return "demo";
            }

            @Override
            public FaultPlan faults() {
                return plan;
            }

            @Override
            public void reset(long seed) {
                resetSeed.set(seed);
            }
        };
        try (ControlServer control = ControlServer.start(List.of(venue), "127.0.0.1", 0)) {
            var post = client.send(java.net.http.HttpRequest.newBuilder(URI.create(control.url() + "/faults/demo"))
                .POST(BodyPublishers.ofString("[{\"type\":\"RATE_LIMIT_BURST\",\"symbol\":\"BTCUSDT\",\"count\":3},{\"type\":\"CLOCK_SKEW\",\"param\":-2000}]"))
                .build(), BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(plan.armed()).extracting(s -> s.type()).containsExactly(FaultType.RATE_LIMIT_BURST, FaultType.CLOCK_SKEW);
            assertThat(plan.active(FaultType.CLOCK_SKEW, "ETHUSDT").orElseThrow().param()).isEqualTo(-2000);

            var bad = client.send(java.net.http.HttpRequest.newBuilder(URI.create(control.url() + "/faults/demo"))
                .POST(BodyPublishers.ofString("{\"type\":\"NOPE\"}")).build(), BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);

            client.send(java.net.http.HttpRequest.newBuilder(URI.create(control.url() + "/faults/demo")).DELETE().build(), BodyHandlers.ofString());
            assertThat(plan.armed()).isEmpty();
            client.send(java.net.http.HttpRequest.newBuilder(URI.create(control.url() + "/seed/demo?seed=42"))
                .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
            assertThat(plan.seed()).isEqualTo(42);
            client.send(java.net.http.HttpRequest.newBuilder(URI.create(control.url() + "/reset/demo?seed=99"))
                .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
            assertThat(resetSeed.get()).isEqualTo(99);
        }
    }

    private int get(String url) throws IOException, InterruptedException {
        return client.send(java.net.http.HttpRequest.newBuilder(URI.create(url)).build(), BodyHandlers.ofString()).statusCode();
    }
}
