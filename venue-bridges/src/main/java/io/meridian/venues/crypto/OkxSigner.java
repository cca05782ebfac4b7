package io.meridian.venues.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * OKX v5 signatures: {@code base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath + body))}
 * with the timestamp ISO-8601 UTC in milliseconds for REST; for the WebSocket {@code login},
 * {@code timestamp + "GET" + "/users/self/verify"} with the timestamp in epoch seconds.
 */
public final class OkxSigner
{
    private final Mac mac;

    public OkxSigner(final String secret)
    {
        try
        {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException("cannot initialise the OKX signer", e);
        }
    }

    public String sign(final String timestamp, final String method, final String requestPath, final String body)
    {
        final byte[] prehash = (timestamp + method + requestPath + (body == null ? "" : body))
            .getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(mac.doFinal(prehash));
    }

    private static final DateTimeFormatter TIMESTAMP =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The REST timestamp: {@code 2020-12-08T09:08:57.715Z}. */
    public static String restTimestamp(final long epochMs)
    {
        return TIMESTAMP.format(Instant.ofEpochMilli(epochMs));
    }
}
