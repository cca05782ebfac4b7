package io.meridian.venues.crypto;

/** A venue's public market data on its bridge's thread: the stream connection and the local books. */
interface MarketDataFeed
{
    /** Connections and timers; returns work done. */
    int poll(long nowMs);

    /** Book-sync state per venue symbol, e.g. {@code BTCUSDT=synced,ETHUSDT=resyncing}. */
    String status();

    /** Closes the stream. */
    void close();
}
