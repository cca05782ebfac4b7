package io.meridian.benchmarks.e2e;

import org.HdrHistogram.Histogram;

/**
 * Every order of one load point: when it was meant to be sent (open loop), which reports came
 * back and when. Latencies are measured from the intended send time, not the actual one, so a
 * sender held up by a slow server does not hide the wait (coordinated omission). Orders are
 * numbered 0..capacity-1; orders below {@code firstMeasured} are warm-up: checked, not recorded.
 * <p>
 * Two stages per order: the first report ({@link Stage#FIRST}: Meridian's PendingNew, an echo's
 * ExecutionReport) and the venue-acknowledged one ({@link Stage#ACKED}: Meridian's New). An order
 * is complete when every expected stage arrived; a stage arriving twice, for an unknown order or
 * on the wrong session is counted as a mismatch; a latency above the late threshold is late.
 */
public final class OrderTracker
{
    /** Which report of an order. */
    public enum Stage
    {
        FIRST,
        ACKED
    }

    private static final long HIGHEST_TRACKABLE_NANOS = 60_000_000_000L;

    private final long[] intendedNanos;
    private final byte[] seen;
    private final int firstMeasured;
    private final boolean expectAcked;
    private final long lateThresholdNanos;
    private final Histogram first = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    private final Histogram acked = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    private int sent;
    private long completed;
    private long late;
    private long mismatched;
    private long refused;
    private long maxSendLagNanos;

    /**
     * @param capacity           orders in this point, warm-up included.
     * @param firstMeasured      orders before this one are warm-up.
     * @param expectAcked        the server sends an ACKED stage (Meridian), else FIRST only (echo).
     * @param lateThresholdNanos a report slower than this is late.
     */
    public OrderTracker(final int capacity, final int firstMeasured, final boolean expectAcked,
        final long lateThresholdNanos)
    {
        this.intendedNanos = new long[capacity];
        this.seen = new byte[capacity];
        this.firstMeasured = firstMeasured;
        this.expectAcked = expectAcked;
        this.lateThresholdNanos = lateThresholdNanos;
    }

    public int capacity()
    {
        return intendedNanos.length;
    }

    /** Order {@code index} (the next one) was sent at {@code actualNanos}, meant for {@code intendedNanos}. */
    public void onSent(final int index, final long intendedNanos, final long actualNanos)
    {
        if (index != sent)
        {
            throw new IllegalStateException("orders are sent in sequence: expected " + sent + " got " + index);
        }
        this.intendedNanos[index] = intendedNanos;
        maxSendLagNanos = Math.max(maxSendLagNanos, actualNanos - intendedNanos);
        sent++;
    }

    /** A report for order {@code index} at {@code nowNanos}. */
    public void onReport(final int index, final Stage stage, final long nowNanos)
    {
        if (index < 0 || index >= sent)
        {
            mismatched++;
            return;
        }
        final int bit = stage == Stage.FIRST ? 1 : 2;
        if ((seen[index] & bit) != 0 || (stage == Stage.ACKED && !expectAcked))
        {
            mismatched++;
            return;
        }
        seen[index] |= bit;
        final long latency = Math.max(0, nowNanos - intendedNanos[index]);
        if (latency > lateThresholdNanos)
        {
            late++;
        }
        if (index >= firstMeasured)
        {
            (stage == Stage.FIRST ? first : acked).recordValue(Math.min(latency, HIGHEST_TRACKABLE_NANOS));
        }
        if (seen[index] == (expectAcked ? 3 : 1))
        {
            completed++;
        }
    }

    /**
     * Order {@code index} was refused (an ExecutionReport Rejected): answered and complete, counted apart
     * and kept out of the latency histograms, which measure orders the server took.
     */
    public void onRefused(final int index)
    {
        if (index < 0 || index >= sent || (seen[index] & 4) != 0)
        {
            mismatched++;
            return;
        }
        final boolean wasComplete = seen[index] == (expectAcked ? 3 : 1);
        seen[index] |= 4;
        refused++;
        if (!wasComplete)
        {
            completed++;
        }
    }

    public long refused()
    {
        return refused;
    }

    /** A report that names no order of this point (unparseable or foreign ClOrdID). */
    public void onUnknownReport()
    {
        mismatched++;
    }

    public int sent()
    {
        return sent;
    }

    public long completed()
    {
        return completed;
    }

    /** Sent orders still missing a report. */
    public long lost()
    {
        return sent - completed;
    }

    public long late()
    {
        return late;
    }

    public long mismatched()
    {
        return mismatched;
    }

    public int measured()
    {
        return Math.max(0, sent - firstMeasured);
    }

    /** The furthest the sender fell behind its schedule. */
    public long maxSendLagNanos()
    {
        return maxSendLagNanos;
    }

    public boolean allComplete()
    {
        return completed == sent;
    }

    /** Intended send -> first report, measured orders only. */
    public Histogram firstReport()
    {
        return first;
    }

    /** Intended send -> venue-acknowledged report, measured orders only (empty for echoes). */
    public Histogram ackedReport()
    {
        return acked;
    }
}
