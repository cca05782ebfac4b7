package io.meridian.simulators.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A plain HTTP/WebSocket client written from Binance's "Request security" and "User Data Stream
 * requests" pages (its own HMAC code, no connector): SIGNED parameters and the signature in the
 * query string, in the x-www-form-urlencoded body, or split between them (the payload is the query
 * string followed directly by the body); {@code GET /sapi/v1/capital/config/getall}; and
 * {@code userDataStream.subscribe.signature} on the WebSocket API with an HMAC key, without logon.
 */
class BinanceSignedRequestTest {
    private static final String KEY = "sim-trader1-key";
    private static final String SECRET = "sim-trader1-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static BinanceSimulator sim;

    @BeforeAll
    static void start() {
        sim = BinanceSimulator.start(BinanceSimulatorConfig.defaults(0, 5).withMakerStepMillis(0));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset(5);
    }

    static String hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private static Answer send(String method, String path, String query, String formBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.restUrl() + path + (query.isEmpty() ? "" : "?" + query)))
            .timeout(Duration.ofSeconds(10)).header("X-MBX-APIKEY", KEY);
        if (formBody.isEmpty()) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(formBody));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private static String orderHead() {
        return "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC";
    }

    private static String orderTail(String clientId) {
        return "quantity=0.01000&price=50000.00&newClientOrderId=" + clientId + "&recvWindow=5000&timestamp=" + System.currentTimeMillis();
    }

    @Test
    void parametersAndSignatureAreAcceptedInTheQueryTheBodyOrBoth() throws Exception {
        String allInQuery = orderHead() + "&" + orderTail("inQuery");
        Answer query = send("POST", "/api/v3/order", allInQuery + "&signature=" + hmac(allInQuery), "");

        String allInBody = orderHead() + "&" + orderTail("inBody");
        Answer body = send("POST", "/api/v3/order", "", allInBody + "&signature=" + hmac(allInBody));

        String head = orderHead();
        String tail = orderTail("mixed");
        Answer mixed = send("POST", "/api/v3/order", head, tail + "&signature=" + hmac(head + tail));

        String paramsInBody = orderHead() + "&" + orderTail("sigInQuery");
        Answer signatureInQuery = send("POST", "/api/v3/order", "signature=" + hmac(paramsInBody), paramsInBody);

        for (Answer answer : new Answer[] {query, body, mixed, signatureInQuery}) {
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            assertThat(answer.body().path("status").asText()).isEqualTo("NEW");
        }
        assertThat(query.body().path("clientOrderId").asText()).isEqualTo("inQuery");
        assertThat(body.body().path("clientOrderId").asText()).isEqualTo("inBody");
        assertThat(mixed.body().path("clientOrderId").asText()).isEqualTo("mixed");
        assertThat(signatureInQuery.body().path("clientOrderId").asText()).isEqualTo("sigInQuery");

        String get = "symbol=BTCUSDT&timestamp=" + System.currentTimeMillis();
        Answer open = send("GET", "/api/v3/openOrders", get + "&signature=" + hmac(get), "");
        assertThat(open.body()).hasSize(4);

        String cancel = "symbol=BTCUSDT&origClientOrderId=mixed&timestamp=" + System.currentTimeMillis();
        Answer canceled = send("DELETE", "/api/v3/order", "", cancel + "&signature=" + hmac(cancel));
        assertThat(canceled.body().path("status").asText()).isEqualTo("CANCELED");
    }

    @Test
    void aSignatureOverAnythingButQueryThenBodyIsRefused() throws Exception {
        String head = orderHead();
        String tail = orderTail("joined");
        Answer withAmpersand = send("POST", "/api/v3/order", head, tail + "&signature=" + hmac(head + "&" + tail));
        assertThat(withAmpersand.body().path("code").asInt()).isEqualTo(-1022);

        String signed = orderHead() + "&" + orderTail("tampered");
        Answer tampered = send("POST", "/api/v3/order", "", signed.replace("price=50000.00", "price=50001.00") + "&signature=" + hmac(signed));
        assertThat(tampered.body().path("code").asInt()).isEqualTo(-1022);
        assertThat(sim.onExchange(e -> e.openOrders("trader1", "BTCUSDT").size()).intValue()).isZero();
    }

    @Test
    void allCoinsInformationServesTheSimulatedAssetsAndBalances() throws Exception {
        String order = orderHead() + "&" + orderTail("locks");
        send("POST", "/api/v3/order", order + "&signature=" + hmac(order), "");
        String query = "timestamp=" + System.currentTimeMillis();
        Answer coins = send("GET", "/sapi/v1/capital/config/getall", query + "&signature=" + hmac(query), "");
        assertThat(coins.status()).isEqualTo(200);
        assertThat(coins.body().isArray()).isTrue();
        JsonNode btc = find(coins.body(), "BTC");
        JsonNode usdt = find(coins.body(), "USDT");
        assertThat(find(coins.body(), "ETH").path("name").asText()).isEqualTo("Ethereum");
        assertThat(btc.path("free").asText()).isEqualTo("10.00000000");
        assertThat(btc.path("locked").asText()).isEqualTo("0.00000000");
        assertThat(btc.path("depositAllEnable").asBoolean()).isTrue();
        assertThat(btc.path("trading").asBoolean()).isTrue();
        assertThat(usdt.path("locked").asText()).isEqualTo("500.00000000");
        assertThat(usdt.path("free").asText()).isEqualTo("99500.00000000");
        JsonNode network = btc.path("networkList").path(0);
        assertThat(network.path("coin").asText()).isEqualTo("BTC");
        assertThat(network.path("isDefault").asBoolean()).isTrue();
        assertThat(network.path("withdrawEnable").isBoolean()).isTrue();
        assertThat(network.path("withdrawFee").asText()).isNotEmpty();
        assertThat(network.path("minConfirm").isInt()).isTrue();

        Answer unsigned = send("GET", "/sapi/v1/capital/config/getall", "timestamp=" + System.currentTimeMillis(), "");
        assertThat(unsigned.body().path("code").asInt()).isEqualTo(-1102);
    }

    private static JsonNode find(JsonNode coins, String coin) {
        for (JsonNode entry : coins) {
            if (entry.path("coin").asText().equals(coin)) {
                return entry;
            }
        }
        throw new AssertionError("no " + coin + " in " + coins);
    }

    @Test
    void userDataStreamSubscribeSignatureNeedsNoLogonAndDeliversEvents() throws Exception {
        LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(sim.wsApiUrl()), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        inbox.add(JSON.readTree(partial.toString()));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    partial.setLength(0);
                }
                socket.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        try {
            send(ws, subscribeSignature("sub1", true));
            JsonNode subscribed = await(inbox, m -> "sub1".equals(m.path("id").asText()));
            assertThat(subscribed.path("status").asInt()).as(subscribed.toString()).isEqualTo(200);
            int subscriptionId = subscribed.path("result").path("subscriptionId").asInt(-1);
            assertThat(subscriptionId).isGreaterThanOrEqualTo(0);

            String order = orderHead() + "&" + orderTail("streamed");
            send("POST", "/api/v3/order", order + "&signature=" + hmac(order), "");
            JsonNode event = await(inbox, m -> m.has("subscriptionId") && m.path("event").path("e").asText().equals("executionReport"));
            assertThat(event.path("subscriptionId").asInt()).isEqualTo(subscriptionId);
            assertThat(event.path("event").path("c").asText()).isEqualTo("streamed");
            assertThat(event.path("event").path("x").asText()).isEqualTo("NEW");

            send(ws, JSON.createObjectNode().put("id", "st").put("method", "session.status"));
            JsonNode status = await(inbox, m -> "st".equals(m.path("id").asText()));
            assertThat(status.path("result").path("apiKey").isNull()).as("no logon").isTrue();
            assertThat(status.path("result").path("userDataStream").asBoolean()).isTrue();

            send(ws, subscribeSignature("sub2", true));
            assertThat(await(inbox, m -> "sub2".equals(m.path("id").asText())).path("error").path("code").asInt()).isEqualTo(-2035);
            send(ws, subscribeSignature("sub3", false));
            assertThat(await(inbox, m -> "sub3".equals(m.path("id").asText())).path("error").path("code").asInt()).isEqualTo(-1022);

            ObjectNode unsubscribe = JSON.createObjectNode().put("id", "un").put("method", "userDataStream.unsubscribe");
            unsubscribe.putObject("params").put("subscriptionId", subscriptionId);
            send(ws, unsubscribe);
            assertThat(await(inbox, m -> "un".equals(m.path("id").asText())).path("status").asInt()).isEqualTo(200);
            send(ws, JSON.createObjectNode().put("id", "ls").put("method", "session.subscriptions"));
            assertThat(await(inbox, m -> "ls".equals(m.path("id").asText())).path("result")).isEmpty();
        } finally {
            ws.abort();
        }
    }

    /** A {@code userDataStream.subscribe.signature} request, signed right or over the wrong payload. */
    private static ObjectNode subscribeSignature(String id, boolean validSignature) {
        long timestamp = System.currentTimeMillis();
        // WebSocket API signing: every param but signature, sorted by name, as a query string
        String payload = "apiKey=" + KEY + "&timestamp=" + timestamp;
        String signature = hmac(validSignature ? payload : payload + "&recvWindow=5000");
        ObjectNode request = JSON.createObjectNode().put("id", id).put("method", "userDataStream.subscribe.signature");
        request.putObject("params").put("apiKey", KEY).put("timestamp", timestamp).put("signature", signature);
        return request;
    }

    private static void send(WebSocket ws, ObjectNode request) {
        ws.sendText(request.toString(), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static JsonNode await(LinkedBlockingQueue<JsonNode> inbox, Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode next = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("no matching WebSocket API message within 10 s");
            }
            if (wanted.test(next)) {
                return next;
            }
        }
    }
}
