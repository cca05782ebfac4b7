package io.meridian.venues.fix;

/**
 * The last requests sent on a venue session, by MsgSeqNum: what a session-level Reject (35=3, which
 * names only RefSeqNum) refused. Without it a NewOrderSingle the venue refused at the session layer (a
 * tag its dictionary does not know, say) would stay PendingNew forever. Preallocated ring, core
 * thread only, no allocation.
 */
final class SentRequests
{
    static final int CAPACITY = 4096;
    private static final int MASK = CAPACITY - 1;

    private final int[] seqNums = new int[CAPACITY];
    private final char[] msgTypes = new char[CAPACITY];
    private final StringBuilder[] clOrdIds = new StringBuilder[CAPACITY];
    private final StringBuilder[] origClOrdIds = new StringBuilder[CAPACITY];

    SentRequests()
    {
        for (int i = 0; i < CAPACITY; i++)
        {
            clOrdIds[i] = new StringBuilder(32);
            origClOrdIds[i] = new StringBuilder(32);
        }
    }

    void record(final int seqNum, final char msgType, final CharSequence clOrdId, final CharSequence origClOrdId)
    {
        final int slot = seqNum & MASK;
        seqNums[slot] = seqNum;
        msgTypes[slot] = msgType;
        clOrdIds[slot].setLength(0);
        clOrdIds[slot].append(clOrdId);
        origClOrdIds[slot].setLength(0);
        origClOrdIds[slot].append(origClOrdId);
    }

    /** @return the slot of the request sent with {@code seqNum}, or -1 when it is not (or no longer) known. */
    int find(final int seqNum)
    {
        final int slot = seqNum & MASK;
        return seqNum > 0 && seqNums[slot] == seqNum && msgTypes[slot] != 0 ? slot : -1;
    }

    /** @return the slot of the latest request of {@code msgType} with this ClOrdID, or -1. */
    int findByClOrdId(final char msgType, final CharSequence clOrdId)
    {
        for (int i = 0; i < CAPACITY; i++)
        {
            if (msgTypes[i] == msgType && contentEquals(clOrdIds[i], clOrdId))
            {
                return i;
            }
        }
        return -1;
    }

    char msgType(final int slot)
    {
        return msgTypes[slot];
    }

    CharSequence clOrdId(final int slot)
    {
        return clOrdIds[slot];
    }

    CharSequence origClOrdId(final int slot)
    {
        return origClOrdIds[slot];
    }

    /** Forgets a request once refused, so a repeated Reject is not applied twice. */
    void forget(final int slot)
    {
        msgTypes[slot] = 0;
    }

    private static boolean contentEquals(final StringBuilder a, final CharSequence b)
    {
        final int length = a.length();
        if (length != b.length())
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (a.charAt(i) != b.charAt(i))
            {
                return false;
            }
        }
        return true;
    }
}
