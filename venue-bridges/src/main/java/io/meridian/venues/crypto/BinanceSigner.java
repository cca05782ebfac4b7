package io.meridian.venues.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

/**
 * Binance request signatures: hex HMAC-SHA256 of the payload with the API secret, or base64 Ed25519
 * with an Ed25519 key. The payload is the query string followed by the body (REST), or the request's
 * parameters sorted by name (WebSocket API).
 */
public final class BinanceSigner
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final VenueCredentials credentials;
    private final Mac mac;
    private final Signature ed25519;

    public BinanceSigner(final VenueCredentials credentials)
    {
        this.credentials = credentials;
        try
        {
            if (credentials.isEd25519())
            {
                mac = null;
                ed25519 = Signature.getInstance("Ed25519");
            }
            else
            {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(credentials.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                ed25519 = null;
            }
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException("cannot initialise the Binance signer", e);
        }
    }

    public String sign(final String payload)
    {
        final byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        try
        {
            if (ed25519 != null)
            {
                ed25519.initSign(credentials.ed25519Key());
                ed25519.update(bytes);
                return Base64.getEncoder().encodeToString(ed25519.sign());
            }
            return hex(mac.doFinal(bytes));
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException("Binance signature failed", e);
        }
    }

    /** Hex HMAC-SHA256, as Binance documents it (the known-answer test). */
    public static String hmacSha256Hex(final String secret, final String payload)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(final byte[] bytes)
    {
        final char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++)
        {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
