package io.meridian.gateway;

import uk.co.real_logic.artio.session.Session;

/**
 * Moves an Artio session's last received MsgSeqNum back, so that what Artio counted as received but
 * Meridian never processed is asked for again. Artio's setter treats a lower number as a sequence reset
 * and starts a new sequence index; the index is restored, because the messages already sent to the client
 * in it must stay resendable (Artio's replayer finds them by index).
 */
final class ReceivedSequenceNumbers
{
    private ReceivedSequenceNumbers()
    {
    }

    static void rewind(final Session session, final int lastReceivedMsgSeqNum)
    {
        final int sequenceIndex = session.sequenceIndex();
        session.lastReceivedMsgSeqNum(lastReceivedMsgSeqNum);
        session.sequenceIndex(sequenceIndex);
    }
}
