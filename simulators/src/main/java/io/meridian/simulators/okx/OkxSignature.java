package io.meridian.simulators.okx;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OKX v5 request signatures: {@code base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath + body))},
 * where the request path includes the query string of a GET and the timestamp is the
 * {@code OK-ACCESS-TIMESTAMP} header (ISO-8601 UTC with milliseconds). WebSocket login signs
 * {@code timestamp + "GET" + "/users/self/verify"} with the timestamp in epoch seconds.
 */
public final class OkxSignature {
    /** The path a WebSocket login signs. */
    public static final String WS_LOGIN_PATH = "/users/self/verify";

    private static final DateTimeFormatter ISO_MILLIS =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private OkxSignature() {
    }

    /** The string OKX signs. {@code body} is empty for requests without one. */
    public static String prehash(String timestamp, String method, String requestPath, String body) {
        return timestamp + method + requestPath + (body == null ? "" : body);
    }

    /** base64(HMAC-SHA256(secret, prehash)). */
    public static String sign(String secret, String prehash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of the expected signature with the one received. */
    public static boolean matches(String secret, String prehash, String received) {
        byte[] expected = sign(secret, prehash).getBytes(StandardCharsets.US_ASCII);
        return received != null && MessageDigest.isEqual(expected, received.getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code OK-ACCESS-TIMESTAMP} form of an epoch millisecond instant, e.g. {@code 2020-12-08T09:08:57.715Z}. */
    public static String isoTimestamp(long epochMs) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(epochMs));
    }

    /** Epoch milliseconds of an ISO-8601 UTC timestamp, or -1 if it is not one. */
    public static long parseIsoTimestamp(String value) {
        if (value == null || value.isEmpty()) {
            return -1;
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
