package io.meridian.venues.fix;

/** Snapshot of one venue connection for health and the admin API. */
public record VenueStatus(
    int venueId, String name, String host, int port, boolean connected, int lastSentSeqNum, int lastReceivedSeqNum,
    long connectAttempts, String dialect)
{
}
