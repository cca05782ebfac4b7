package io.meridian.gateway;

/**
 * What a client session has had processed, and what it still owes us. Processed: the highest MsgSeqNum
 * handled (turned into an OMS command or answered with a reject) in the session's current sequence index;
 * a resent message at or below it is a duplicate (Artio delivers a PossDup below its expected number as
 * valid, and a resend after a gap can repeat what was processed before the gap was noticed). Owed: the
 * range of numbers Artio received but did not hand over (beyond a gap), until each has been resent and
 * processed. Core thread only.
 */
final class InboundSequence
{
    static final int NONE = -1;

    private int sequenceIndex = NONE;
    private int lastProcessedSeqNum;
    private int owedFromSeqNum;
    private int owedToSeqNum;
    private long owedSinceNs;

    /** @return true when the message was processed already: same sequence index, number not above the last. */
    boolean isDuplicate(final int sequenceIndex, final int msgSeqNum)
    {
        if (this.sequenceIndex == NONE || sequenceIndex > this.sequenceIndex)
        {
            return false;
        }
        return sequenceIndex < this.sequenceIndex || msgSeqNum <= lastProcessedSeqNum;
    }

    void processed(final int sequenceIndex, final int msgSeqNum)
    {
        if (sequenceIndex > this.sequenceIndex)
        {
            this.sequenceIndex = sequenceIndex;
            lastProcessedSeqNum = msgSeqNum;
        }
        else if (sequenceIndex == this.sequenceIndex && msgSeqNum > lastProcessedSeqNum)
        {
            lastProcessedSeqNum = msgSeqNum;
        }
        if (owedToSeqNum != 0 && lastProcessedSeqNum >= owedToSeqNum)
        {
            owedFromSeqNum = 0;
            owedToSeqNum = 0;
        }
    }

    /** Artio received {@code msgSeqNum} but did not hand it over: it is owed until resent and processed. */
    void notProcessed(final int msgSeqNum, final long nowNs)
    {
        if (owedToSeqNum == 0)
        {
            owedFromSeqNum = msgSeqNum;
            owedToSeqNum = msgSeqNum;
            owedSinceNs = nowNs;
        }
        else
        {
            owedFromSeqNum = Math.min(owedFromSeqNum, msgSeqNum);
            owedToSeqNum = Math.max(owedToSeqNum, msgSeqNum);
        }
    }

    /** Starts the wait for the owed messages again (a ResendRequest for them has just been sent). */
    void owedRequested(final long nowNs)
    {
        owedSinceNs = nowNs;
    }

    boolean owesMessages()
    {
        return owedToSeqNum != 0;
    }

    /** The first owed number not processed yet. */
    int firstOwedSeqNum()
    {
        return Math.max(owedFromSeqNum, lastProcessedSeqNum + 1);
    }

    long owedSinceNs()
    {
        return owedSinceNs;
    }

    /** Restores what the journal says was processed (before any message of this run). */
    void recovered(final int sequenceIndex, final int lastProcessedSeqNum)
    {
        this.sequenceIndex = sequenceIndex;
        this.lastProcessedSeqNum = lastProcessedSeqNum;
    }

    int sequenceIndex()
    {
        return sequenceIndex;
    }

    int lastProcessedSeqNum()
    {
        return lastProcessedSeqNum;
    }
}
