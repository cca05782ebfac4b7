package io.meridian.gateway;

/** Snapshot of one client FIX session for health and the admin API. */
public record ClientSessionStatus(
    int clientId, String clientCompId, String meridianCompId, boolean connected, int lastSentSeqNum,
    int lastReceivedSeqNum)
{
}
