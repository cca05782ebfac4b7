package io.meridian.simulators.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OKX v5 REST client written from the OKX documentation (OKX publishes no Java SDK), used to
 * drive the simulator exactly as a bridge would drive the venue: {@code OK-ACCESS-*} headers,
 * {@code base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath + body))}, JSON bodies with
 * every number as a string. Signing is implemented here independently of the simulator's code.
 */
final class OkxRestClient {
    static final ObjectMapper JSON = new ObjectMapper();
    /** One client (connection pool, selector thread) shared by every instance, as a bridge would. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private static final DateTimeFormatter ISO =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final String secret;
    private final String passphrase;
    private volatile LongSupplier clockMs = System::currentTimeMillis;
    private volatile String forcedSignature;
    private volatile Duration timeout = Duration.ofSeconds(10);

    OkxRestClient(URI base, String apiKey, String secret, String passphrase) {
        this.http = HTTP;
        this.base = base;
        this.apiKey = apiKey;
        this.secret = secret;
        this.passphrase = passphrase;
    }

    /** The client's idea of the time, for stale-timestamp tests. */
    OkxRestClient withClock(LongSupplier clockMs) {
        this.clockMs = clockMs;
        return this;
    }

    /** How long to wait for an answer before the request fails with an {@link java.net.http.HttpTimeoutException}. */
    OkxRestClient withTimeout(Duration newTimeout) {
        this.timeout = newTimeout;
        return this;
    }

    /** Sends this signature instead of the right one (null restores signing). */
    OkxRestClient withForcedSignature(String signature) {
        this.forcedSignature = signature;
        return this;
    }

    /** An answer: HTTP status, parsed body, and the raw text. */
    record Response(int status, JsonNode body, String text) {
        String code() {
            return body.path("code").asText();
        }

        JsonNode first() {
            return body.path("data").path(0);
        }

        String sCode() {
            return first().path("sCode").asText();
        }
    }

    Response getPublic(String path, Map<String, String> query) {
        return send("GET", path + queryString(query), null, false);
    }

    Response getPrivate(String path, Map<String, String> query) {
        return send("GET", path + queryString(query), null, true);
    }

    Response postPrivate(String path, JsonNode body) {
        return send("POST", path, body.toString(), true);
    }

    Response time() {
        return getPublic("/api/v5/public/time", Map.of());
    }

    Response instruments(String instType) {
        return getPublic("/api/v5/public/instruments", Map.of("instType", instType));
    }

    Response books(String instId, int sz) {
        return getPublic("/api/v5/market/books", ordered("instId", instId, "sz", Integer.toString(sz)));
    }

    Response placeOrder(String instId, String side, String ordType, String sz, String px, String clOrdId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("instId", instId).put("tdMode", "cash").put("side", side).put("ordType", ordType).put("sz", sz);
        if (px != null) {
            body.put("px", px);
        }
        if (clOrdId != null) {
            body.put("clOrdId", clOrdId);
        }
        if (ordType.equals("market")) {
            body.put("tgtCcy", "base_ccy");
        }
        return postPrivate("/api/v5/trade/order", body);
    }

    Response cancelOrder(String instId, String ordId, String clOrdId) {
        ObjectNode body = JSON.createObjectNode().put("instId", instId);
        if (ordId != null) {
            body.put("ordId", ordId);
        }
        if (clOrdId != null) {
            body.put("clOrdId", clOrdId);
        }
        return postPrivate("/api/v5/trade/cancel-order", body);
    }

    Response amendOrder(String instId, String ordId, String newSz, String newPx, String reqId) {
        ObjectNode body = JSON.createObjectNode().put("instId", instId).put("ordId", ordId);
        if (newSz != null) {
            body.put("newSz", newSz);
        }
        if (newPx != null) {
            body.put("newPx", newPx);
        }
        if (reqId != null) {
            body.put("reqId", reqId);
        }
        return postPrivate("/api/v5/trade/amend-order", body);
    }

    Response order(String instId, String ordId, String clOrdId) {
        Map<String, String> query = ordered("instId", instId);
        if (ordId != null) {
            query.put("ordId", ordId);
        }
        if (clOrdId != null) {
            query.put("clOrdId", clOrdId);
        }
        return getPrivate("/api/v5/trade/order", query);
    }

    Response ordersPending(String instId) {
        return getPrivate("/api/v5/trade/orders-pending", ordered("instType", "SPOT", "instId", instId));
    }

    Response fills(String instId, String ordId) {
        Map<String, String> query = ordered("instType", "SPOT", "instId", instId);
        if (ordId != null) {
            query.put("ordId", ordId);
        }
        return getPrivate("/api/v5/trade/fills", query);
    }

    Response balance(String ccy) {
        return getPrivate("/api/v5/account/balance", ccy == null ? Map.of() : Map.of("ccy", ccy));
    }

    /** One currency's row of {@code account/balance}, or a missing node. */
    JsonNode balanceOf(String ccy) {
        for (JsonNode detail : balance(null).first().path("details")) {
            if (detail.path("ccy").asText().equals(ccy)) {
                return detail;
            }
        }
        return JSON.missingNode();
    }

    static String sign(String secret, String prehash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> ordered(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private Response send(String method, String requestPath, String body, boolean signed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(requestPath)).timeout(timeout)
            .header("Content-Type", "application/json");
        if (signed) {
            String timestamp = ISO.format(Instant.ofEpochMilli(clockMs.getAsLong()));
            String signature = forcedSignature != null ? forcedSignature
                : sign(secret, timestamp + method + requestPath + (body == null ? "" : body));
            request.header("OK-ACCESS-KEY", apiKey).header("OK-ACCESS-SIGN", signature)
                .header("OK-ACCESS-TIMESTAMP", timestamp).header("OK-ACCESS-PASSPHRASE", passphrase);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), parsed, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("?");
        query.forEach((k, v) -> {
            if (text.length() > 1) {
                text.append('&');
            }
            text.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return text.toString();
    }
}
