package io.meridian.gateway;

/**
 * Snapshot of one client FIX session for health and the admin API; {@code dictionary} names what its
 * messages are validated against (e.g. FIX.4.4, or FIX.4.4+ACME for a dialect).
 */
public record ClientSessionStatus(
    int clientId, String clientCompId, String meridianCompId, boolean connected, int lastSentSeqNum,
    int lastReceivedSeqNum, String dictionary)
{
}
