package io.meridian.venues.crypto;

import java.util.Map;
import java.util.Objects;

/**
 * One crypto venue Meridian trades on.
 *
 * @param venueId          the OMS's id of the venue (after the FIX venues).
 * @param name             the venue's name in the configuration, instruments route to it by this name
 *                         and it is the LastMkt (30) of its fills.
 * @param restUrl          REST base, e.g. {@code https://api.binance.com} or {@code https://www.okx.com}.
 * @param orderWsUrl       order entry WebSocket: Binance WebSocket API ({@code wss://ws-api.binance.com:443/ws-api/v3}),
 *                         OKX private ({@code wss://ws.okx.com:8443/ws/v5/private}).
 * @param streamWsUrl      market data WebSocket base: Binance {@code wss://stream.binance.com:9443},
 *                         OKX public ({@code wss://ws.okx.com:8443/ws/v5/public}).
 * @param symbols          our instrument symbol -> the venue's symbol.
 * @param requestTimeoutMs an order request unanswered this long has an unknown outcome.
 * @param recvWindowMs     Binance recvWindow.
 * @param reconnectMinMs   first reconnect delay; doubles (with jitter) up to reconnectMaxMs.
 * @param simulated        trades against an embedded simulator (the admin API says so).
 * @param marketData       keep a local book of every instrument routed here from the venue's public
 *                         depth stream and publish its top of book (default true).
 */
public record CryptoVenueConfig(
    int venueId,
    String name,
    CryptoVenueKind kind,
    String restUrl,
    String orderWsUrl,
    String streamWsUrl,
    VenueCredentials credentials,
    Map<String, String> symbols,
    long requestTimeoutMs,
    long recvWindowMs,
    long reconnectMinMs,
    long reconnectMaxMs,
    boolean simulated,
    boolean marketData)
{
    /** With market data on (the default). */
    public CryptoVenueConfig(
        final int venueId, final String name, final CryptoVenueKind kind, final String restUrl, final String orderWsUrl,
        final String streamWsUrl, final VenueCredentials credentials, final Map<String, String> symbols,
        final long requestTimeoutMs, final long recvWindowMs, final long reconnectMinMs, final long reconnectMaxMs,
        final boolean simulated)
    {
        this(venueId, name, kind, restUrl, orderWsUrl, streamWsUrl, credentials, symbols, requestTimeoutMs, recvWindowMs,
            reconnectMinMs, reconnectMaxMs, simulated, true);
    }

    /** The same venue with market data on or off. */
    public CryptoVenueConfig withMarketData(final boolean on)
    {
        return new CryptoVenueConfig(venueId, name, kind, restUrl, orderWsUrl, streamWsUrl, credentials, symbols,
            requestTimeoutMs, recvWindowMs, reconnectMinMs, reconnectMaxMs, simulated, on);
    }

    public CryptoVenueConfig
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(credentials, "credentials");
        symbols = Map.copyOf(symbols);
        restUrl = stripSlash(restUrl);
        orderWsUrl = orderWsUrl == null ? null : stripSlash(orderWsUrl);
        streamWsUrl = streamWsUrl == null ? null : stripSlash(streamWsUrl);
        requestTimeoutMs = requestTimeoutMs <= 0 ? 5_000 : requestTimeoutMs;
        recvWindowMs = recvWindowMs <= 0 ? 5_000 : Math.min(recvWindowMs, 60_000);
        reconnectMinMs = reconnectMinMs <= 0 ? 250 : reconnectMinMs;
        reconnectMaxMs = Math.max(reconnectMinMs, reconnectMaxMs <= 0 ? 10_000 : reconnectMaxMs);
    }

    private static String stripSlash(final String url)
    {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The venue's symbol for our instrument symbol, null when the instrument is not routed here. */
    public String venueSymbol(final CharSequence instrumentSymbol)
    {
        return symbols.get(instrumentSymbol.toString());
    }
}
