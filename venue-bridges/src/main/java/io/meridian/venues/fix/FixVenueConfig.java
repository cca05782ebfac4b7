package io.meridian.venues.fix;

import java.nio.file.Path;
import java.util.Map;

/**
 * One FIX venue Meridian connects to as initiator.
 *
 * @param carryTags        ExecutionReport fields carried back unchanged to the client's reports (a venue's
 *                         custom tags); clients receive those their own dictionary allows.
 * @param dialect          the venue's session dialect.
 * @param signingKeyPath   for signed-logon dialects: the PKCS#8 PEM private key; null otherwise.
 * @param symbols          the venue's symbol for a Meridian symbol where it is not that symbol without its
 *                         {@code @VENUE} suffix (the default: {@code BTC-USDT@SIMVENUE} is {@code BTC-USDT}).
 * @param marketData       subscribe (MarketDataRequest, snapshot + incremental updates) to the book of every
 *                         instrument routed here after each logon, and publish it to the top-of-book and
 *                         depth tables.
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
    Path signingKeyPath,
    Map<String, String> symbols,
    boolean marketData)
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
        symbols = symbols == null ? Map.of() : Map.copyOf(symbols);
        if (dialect == VenueDialect.BINANCE_SPOT && (signingKeyPath == null || username == null || username.isBlank()))
        {
            throw new IllegalArgumentException(
                "venue " + name + ": binance-spot needs username (the API key) and signing-key-path (Ed25519 PEM)");
        }
    }

    /** A venue with its symbols named by default and no market data. */
    public FixVenueConfig(
        final int venueId, final String name, final String host, final int port, final String senderCompId,
        final String targetCompId, final String username, final String password, final long reconnectIntervalMs,
        final int[] carryTags, final VenueDialect dialect, final Path signingKeyPath)
    {
        this(venueId, name, host, port, senderCompId, targetCompId, username, password, reconnectIntervalMs,
            carryTags, dialect, signingKeyPath, Map.of(), false);
    }

    /** The same venue, with or without market data. */
    public FixVenueConfig withMarketData(final boolean marketData)
    {
        return new FixVenueConfig(venueId, name, host, port, senderCompId, targetCompId, username, password,
            reconnectIntervalMs, carryTags, dialect, signingKeyPath, symbols, marketData);
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
