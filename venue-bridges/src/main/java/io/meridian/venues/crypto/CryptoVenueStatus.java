package io.meridian.venues.crypto;

/**
 * Snapshot of one crypto venue for health and the admin API (never a secret: the API key masked).
 *
 * @param orderChannel  "websocket", "rest" (WebSocket down, REST fallback) or "down".
 * @param userStream    private stream state: "subscribed", "catching-up", "down".
 * @param bookSync      market data book state per venue symbol, e.g. "BTCUSDT=synced,ETHUSDT=resyncing"
 *                      (disconnected, syncing, resyncing, synced), or "off" when market data is off.
 */
public record CryptoVenueStatus(
    int venueId, String name, String kind, String restUrl, String orderWsUrl, boolean connected, String orderChannel,
    String userStream, String bookSync, String apiKey, int openOrders, int unknownOrders, long reconnects,
    boolean simulated)
{
}
