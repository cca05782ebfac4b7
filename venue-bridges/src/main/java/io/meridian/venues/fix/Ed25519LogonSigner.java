package io.meridian.venues.fix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Signs a FIX Logon the way Binance's spot FIX API requires: RawData (96) is the base64 Ed25519
 * signature of MsgType, SenderCompID, TargetCompID, MsgSeqNum and SendingTime joined by SOH.
 * Runs once per logon, so it may allocate.
 */
public final class Ed25519LogonSigner
{
    private final PrivateKey privateKey;

    private Ed25519LogonSigner(final PrivateKey privateKey)
    {
        this.privateKey = privateKey;
    }

    /** @param pem a PKCS#8 Ed25519 private key, {@code -----BEGIN PRIVATE KEY-----} armoured. */
    public static Ed25519LogonSigner fromPem(final String pem)
    {
        final String base64 = pem
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
        try
        {
            final byte[] der = Base64.getDecoder().decode(base64);
            return new Ed25519LogonSigner(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der)));
        }
        catch (final GeneralSecurityException | IllegalArgumentException e)
        {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** Reads the key from a PEM file. */
    public static Ed25519LogonSigner fromPemFile(final Path path)
    {
        try
        {
            return fromPem(Files.readString(path, StandardCharsets.US_ASCII));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read the logon signing key " + path, e);
        }
    }

    /** @return the signed payload {@code A<SOH>sender<SOH>target<SOH>seqNum<SOH>sendingTime}. */
    public static String payload(
        final String senderCompId, final String targetCompId, final int msgSeqNum, final String sendingTime)
    {
        return "A\u0001" + senderCompId + '\u0001' + targetCompId + '\u0001' + msgSeqNum + '\u0001' + sendingTime;
    }

    /** @return the base64 signature to put in RawData (96). */
    public String sign(final String senderCompId, final String targetCompId, final int msgSeqNum, final String sendingTime)
    {
        try
        {
            final Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(payload(senderCompId, targetCompId, msgSeqNum, sendingTime).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(signature.sign());
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
