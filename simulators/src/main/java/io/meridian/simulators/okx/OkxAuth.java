package io.meridian.simulators.okx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks OKX private requests as the venue does: REST {@code OK-ACCESS-*} headers (each one
 * present, ISO-8601 timestamp within {@link #WINDOW_MS} of the venue clock, known key, matching
 * passphrase, valid signature) and WebSocket login arguments (timestamp in epoch seconds).
 * Answers the documented codes ({@code 50102}-{@code 50113}, {@code 6000x}).
 */
public final class OkxAuth {
    /** How far a request timestamp may be from the venue clock. */
    public static final long WINDOW_MS = 30_000;

    private final Map<String, OkxCredentials> byKey = new HashMap<>();

    public OkxAuth(List<OkxCredentials> credentials) {
        credentials.forEach(c -> byKey.put(c.apiKey(), c));
    }

    /** The verdict on one request: the credentials that signed it, or why it was refused. */
    public record Verdict(OkxCredentials credentials, OkxError error) {
        public boolean ok() {
            return error == null;
        }

        static Verdict refused(OkxError error) {
            return new Verdict(null, error);
        }
    }

    /**
     * Verifies a REST request. {@code header} looks a header up case-insensitively (null if absent);
     * {@code requestPath} includes the query string as sent.
     */
    public Verdict verifyRest(java.util.function.Function<String, String> header, String method, String requestPath,
                              String body, long nowMs) {
        String key = header.apply("OK-ACCESS-KEY");
        String sign = header.apply("OK-ACCESS-SIGN");
        String timestamp = header.apply("OK-ACCESS-TIMESTAMP");
        String passphrase = header.apply("OK-ACCESS-PASSPHRASE");
        if (isEmpty(key)) {
            return Verdict.refused(OkxError.KEY_HEADER_EMPTY);
        }
        if (isEmpty(sign)) {
            return Verdict.refused(OkxError.SIGN_HEADER_EMPTY);
        }
        if (isEmpty(timestamp)) {
            return Verdict.refused(OkxError.TIMESTAMP_HEADER_EMPTY);
        }
        if (isEmpty(passphrase)) {
            return Verdict.refused(OkxError.PASSPHRASE_HEADER_EMPTY);
        }
        long timestampMs = OkxSignature.parseIsoTimestamp(timestamp);
        if (timestampMs < 0) {
            return Verdict.refused(OkxError.INVALID_TIMESTAMP);
        }
        if (Math.abs(nowMs - timestampMs) > WINDOW_MS) {
            return Verdict.refused(OkxError.TIMESTAMP_EXPIRED);
        }
        OkxCredentials credentials = byKey.get(key);
        if (credentials == null) {
            return Verdict.refused(OkxError.INVALID_KEY);
        }
        if (!credentials.passphrase().equals(passphrase)) {
            return Verdict.refused(OkxError.PASSPHRASE_INCORRECT);
        }
        if (!OkxSignature.matches(credentials.secret(), OkxSignature.prehash(timestamp, method, requestPath, body), sign)) {
            return Verdict.refused(OkxError.INVALID_SIGN);
        }
        return new Verdict(credentials, null);
    }

    /** Verifies one WebSocket {@code login} argument. */
    public Verdict verifyLogin(String apiKey, String passphrase, String timestamp, String sign, long nowMs) {
        if (isEmpty(apiKey) || isEmpty(passphrase) || isEmpty(timestamp) || isEmpty(sign)) {
            return Verdict.refused(OkxError.WS_INVALID_ARGS);
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.contains(".") ? timestamp.substring(0, timestamp.indexOf('.')) : timestamp);
        } catch (NumberFormatException e) {
            return Verdict.refused(OkxError.WS_INVALID_TIMESTAMP);
        }
        if (Math.abs(nowMs - seconds * 1000) > WINDOW_MS) {
            return Verdict.refused(OkxError.WS_TIMESTAMP_EXPIRED);
        }
        OkxCredentials credentials = byKey.get(apiKey);
        if (credentials == null) {
            return Verdict.refused(OkxError.WS_INVALID_KEY);
        }
        if (!credentials.passphrase().equals(passphrase)) {
            return Verdict.refused(OkxError.WS_WRONG_PASSPHRASE);
        }
        if (!OkxSignature.matches(credentials.secret(), OkxSignature.prehash(timestamp, "GET", OkxSignature.WS_LOGIN_PATH, ""), sign)) {
            return Verdict.refused(OkxError.WS_INVALID_SIGN);
        }
        return new Verdict(credentials, null);
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
