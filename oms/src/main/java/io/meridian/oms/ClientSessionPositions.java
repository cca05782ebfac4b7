package io.meridian.oms;

import org.agrona.collections.Long2LongHashMap;

/**
 * The furthest point of each client's FIX session whose command the journal holds: its sequence index
 * and MsgSeqNum, packed into a long so the newest compares greatest. Rebuilt by replay, so after a
 * crash the gateway knows which client messages were processed and asks the client for the rest.
 * Sequencer thread only (and before it runs).
 */
public final class ClientSessionPositions
{
    public static final long NONE = -1;

    private final Long2LongHashMap byClient = new Long2LongHashMap(NONE);

    void onCommand(final int clientId, final int sessionSequenceIndex, final int msgSeqNum)
    {
        if (msgSeqNum <= 0)
        {
            return;
        }
        final long position = pack(sessionSequenceIndex, msgSeqNum);
        if (position > byClient.get(clientId))
        {
            byClient.put(clientId, position);
        }
    }

    /** @return the packed position of the client's last journaled command, or {@link #NONE}. */
    public long of(final int clientId)
    {
        return byClient.get(clientId);
    }

    public static long pack(final int sessionSequenceIndex, final int msgSeqNum)
    {
        return ((long)sessionSequenceIndex << 32) | (msgSeqNum & 0xFFFF_FFFFL);
    }

    public static int sequenceIndex(final long position)
    {
        return (int)(position >>> 32);
    }

    public static int msgSeqNum(final long position)
    {
        return (int)position;
    }
}
