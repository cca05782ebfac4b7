package io.meridian.risk;

/**
 * Tells a stalled sequencer from an idle one: input waiting and no sequence number assigned for
 * {@code stallMs} is a stall; progress, or nothing waiting, is healthy. After a stall it reports the
 * recovery once healthy for {@code clearAfterMs} (0: never by itself). Fed by one monitoring thread.
 */
public final class SequencerHeartbeat
{
    /** What an observation concluded. */
    public enum Verdict
    {
        HEALTHY, STALLED, RECOVERED
    }

    private final long stallMs;
    private final long clearAfterMs;
    private long lastSequence = Long.MIN_VALUE;
    private long lastProgressMs;
    private long healthySinceMs = -1;
    private boolean stalled;

    public SequencerHeartbeat(final long stallMs, final long clearAfterMs)
    {
        this.stallMs = stallMs;
        this.clearAfterMs = clearAfterMs;
    }

    /**
     * @return STALLED once when the stall begins, RECOVERED once when it has been healthy long enough,
     * HEALTHY otherwise (also while still stalled or not yet recovered).
     */
    public Verdict observe(final long nowMs, final long sequence, final boolean inputWaiting)
    {
        if (sequence != lastSequence || !inputWaiting)
        {
            lastSequence = sequence;
            lastProgressMs = nowMs;
        }
        final boolean stallNow = nowMs - lastProgressMs >= stallMs;
        if (stallNow)
        {
            healthySinceMs = -1;
            if (!stalled)
            {
                stalled = true;
                return Verdict.STALLED;
            }
            return Verdict.HEALTHY;
        }
        if (stalled && clearAfterMs > 0)
        {
            if (healthySinceMs < 0)
            {
                healthySinceMs = nowMs;
            }
            if (nowMs - healthySinceMs >= clearAfterMs)
            {
                stalled = false;
                healthySinceMs = -1;
                return Verdict.RECOVERED;
            }
        }
        return Verdict.HEALTHY;
    }

    /** An operator cleared the halt: a new stall is reported again. */
    public void cleared()
    {
        stalled = false;
        healthySinceMs = -1;
    }

    public boolean stalled()
    {
        return stalled;
    }
}
