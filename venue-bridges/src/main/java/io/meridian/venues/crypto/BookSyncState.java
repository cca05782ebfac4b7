package io.meridian.venues.crypto;

/** Where one instrument's local book stands against the venue's feed (shown by {@code /health}, {@code /sessions}). */
enum BookSyncState
{
    /** no stream yet (connecting, or the connection dropped) */
    DISCONNECTED("disconnected"),
    /** stream up, waiting for the first snapshot */
    SYNCING("syncing"),
    /** a gap or checksum mismatch was seen: rebuilding from a new snapshot */
    RESYNCING("resyncing"),
    /** the book follows the feed: its top is published */
    SYNCED("synced");

    private final String text;

    BookSyncState(final String text)
    {
        this.text = text;
    }

    String text()
    {
        return text;
    }
}
