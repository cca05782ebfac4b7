package io.meridian.venues.fix;

import java.nio.file.Path;

/**
 * One FIX venue Meridian connects to as initiator.
 *
 * @param carryTags        ExecutionReport fields carried back unchanged to the client's reports (a venue's
 *                         custom tags); clients receive those their own dictionary allows.
 * @param dialect          the venue's session dialect.
 * @param signingKeyPath   for signed-logon dialects: the PKCS#8 PEM private key; null otherwise.
 */
public record FixVenueConfig(
    int venueId,
    String name,
    String host,
    int port,
    String senderCompId,
    String targetCompId,
    String username,
    String password,
    long reconnectIntervalMs,
    int[] carryTags,
    VenueDialect dialect,
    Path signingKeyPath)
{
    public FixVenueConfig
    {
        if (venueId < 0)
        {
            throw new IllegalArgumentException("venueId must be >= 0");
        }
        if (reconnectIntervalMs <= 0)
        {
            reconnectIntervalMs = 1_000;
        }
        carryTags = carryTags == null ? new int[0] : carryTags.clone();
        dialect = dialect == null ? VenueDialect.FIX44 : dialect;
        if (dialect == VenueDialect.BINANCE_SPOT && (signingKeyPath == null || username == null || username.isBlank()))
        {
            throw new IllegalArgumentException(
                "venue " + name + ": binance-spot needs username (the API key) and signing-key-path (Ed25519 PEM)");
        }
    }

    /** A plain FIX 4.4 venue. */
    public FixVenueConfig(
        final int venueId, final String name, final String host, final int port, final String senderCompId,
        final String targetCompId, final String username, final String password, final long reconnectIntervalMs)
    {
        this(venueId, name, host, port, senderCompId, targetCompId, username, password, reconnectIntervalMs,
            new int[0], VenueDialect.FIX44, null);
    }

    /** @return the logon signer of a signed-logon dialect (reads the key file). */
    public Ed25519LogonSigner logonSigner()
    {
        return Ed25519LogonSigner.fromPemFile(signingKeyPath);
    }
}
