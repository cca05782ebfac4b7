package io.meridian.router;

/**
 * A TWAP parent's schedule: {@code slices} slices between a start and an end, slice i due at
 * {@link #dueTimeNanos(int)} with the cumulative quantity {@link #targetBy(int)} to have been sent by then.
 * Slice i is due at {@code start + i x (end - start) / slices} (the first at the start, the last one interval
 * before the end), moved by up to {@code randomPct}% of an interval either way; slice sizes are the parent
 * over the slices, each moved by up to {@code randomPct}% of that, in pairs that cancel out (one slice's
 * +d is another's -d, paired at random) so the total stays the parent. The targets are cumulative and rounded
 * down to whole lots, so rounding never accumulates; the last slice takes the remainder: its target is the
 * parent, which is the only target that may be an odd lot. Randomisation comes from the seed alone
 * (SplitMix64): the same inputs give the same schedule. Arrays are sized once; {@link #init} and the reads
 * allocate nothing. Not thread-safe.
 */
public final class TwapSchedule
{
    private static final long PPM = 1_000_000;

    private final long[] dueTimeNanos;
    private final long[] targetQty;
    private final int[] permutation;
    private int slices;
    private long parentQty;
    private long randomState;

    /** Sized for {@link RoutingInstructions#MAX_TWAP_SLICES}. */
    public TwapSchedule()
    {
        this(RoutingInstructions.MAX_TWAP_SLICES);
    }

    /** @param maxSlices the most slices {@link #init} accepts. */
    public TwapSchedule(final int maxSlices)
    {
        dueTimeNanos = new long[maxSlices];
        targetQty = new long[maxSlices];
        permutation = new int[maxSlices];
    }

    /**
     * @param parentQty  the parent's quantity (scaled), positive.
     * @param lotSize    targets are whole multiples of it (scaled), positive; 1 for none.
     * @param startNanos epoch nanos of the first slice.
     * @param endNanos   epoch nanos the schedule ends by, after the start.
     * @param slices     1..maxSlices.
     * @param randomPct  0..{@link RoutingInstructions#MAX_TWAP_RANDOM_PCT}.
     * @param seed       any; the same seed gives the same schedule.
     * @throws IllegalArgumentException for arguments outside those ranges: the edge rejects such instructions,
     *                                  so reaching here with them is a bug.
     */
    public TwapSchedule init(
        final long parentQty, final long lotSize, final long startNanos, final long endNanos, final int slices,
        final int randomPct, final long seed)
    {
        if (parentQty <= 0 || lotSize <= 0 || endNanos <= startNanos || slices < 1 || slices > dueTimeNanos.length ||
            randomPct < 0 || randomPct > RoutingInstructions.MAX_TWAP_RANDOM_PCT)
        {
            throw new IllegalArgumentException("invalid TWAP: qty=" + parentQty + " lot=" + lotSize + " start=" +
                startNanos + " end=" + endNanos + " slices=" + slices + " randomPct=" + randomPct);
        }
        this.slices = slices;
        this.parentQty = parentQty;
        randomState = seed;
        final long maxDeviationPpm = randomPct * 10_000L;

        final long spanNanos = endNanos - startNanos;
        final long intervalNanos = spanNanos / slices;
        for (int i = 0; i < slices; i++)
        {
            final long base = startNanos + mulDiv(spanNanos, i, slices);
            final long deviationPpm = nextDeviation(maxDeviationPpm);
            // at most half an interval either way (randomPct <= 50), so the due times stay in order
            final long shift = mulDiv(intervalNanos, Math.abs(deviationPpm), PPM);
            dueTimeNanos[i] = Math.max(startNanos, deviationPpm < 0 ? base - shift : base + shift);
        }

        // weights in ppm of an even slice, deviations in cancelling pairs: the weights sum to slices x PPM
        for (int i = 0; i < slices; i++)
        {
            permutation[i] = i;
            targetQty[i] = PPM;
        }
        for (int i = slices - 1; i > 0; i--)
        {
            final int j = (int)Long.remainderUnsigned(nextRandom(), i + 1);
            final int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        for (int pair = 0; pair + 1 < slices; pair += 2)
        {
            final long deviationPpm = nextDeviation(maxDeviationPpm);
            targetQty[permutation[pair]] += deviationPpm;
            targetQty[permutation[pair + 1]] -= deviationPpm;
        }
        final long totalWeight = slices * PPM;
        long cumulativeWeight = 0;
        for (int i = 0; i < slices - 1; i++)
        {
            cumulativeWeight += targetQty[i];
            final long exact = mulDiv(parentQty, cumulativeWeight, totalWeight);
            targetQty[i] = exact - exact % lotSize;
        }
        targetQty[slices - 1] = parentQty;
        return this;
    }

    /** @return the number of slices. */
    public int slices()
    {
        return slices;
    }

    /** @return the parent quantity the schedule was made for. */
    public long parentQty()
    {
        return parentQty;
    }

    /** @return epoch nanos slice {@code index} is due at; never before the start, before the end, in order. */
    public long dueTimeNanos(final int index)
    {
        checkIndex(index);
        return dueTimeNanos[index];
    }

    /** @return the cumulative quantity due by slice {@code index}: whole lots, except the last (the parent). */
    public long targetBy(final int index)
    {
        checkIndex(index);
        return targetQty[index];
    }

    /** @return slice {@code index}'s own quantity: its target less the previous slice's, possibly 0. */
    public long sliceQty(final int index)
    {
        checkIndex(index);
        return index == 0 ? targetQty[0] : targetQty[index] - targetQty[index - 1];
    }

    /** @return how many slices are due at {@code nowNanos} (due time at or before it). */
    public int slicesDueAt(final long nowNanos)
    {
        int low = 0;
        int high = slices;
        while (low < high)
        {
            final int mid = (low + high) >>> 1;
            if (dueTimeNanos[mid] <= nowNanos)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    /** @return the cumulative quantity due at {@code nowNanos}: 0 before the first slice, the parent after the last. */
    public long targetAt(final long nowNanos)
    {
        final int due = slicesDueAt(nowNanos);
        return due == 0 ? 0 : targetQty[due - 1];
    }

    private void checkIndex(final int index)
    {
        if (index < 0 || index >= slices)
        {
            throw new IndexOutOfBoundsException(index);
        }
    }

    /** @return uniform in [-max, max]. */
    private long nextDeviation(final long max)
    {
        return max == 0 ? 0 : Long.remainderUnsigned(nextRandom(), 2 * max + 1) - max;
    }

    /** SplitMix64. */
    private long nextRandom()
    {
        randomState += 0x9E3779B97F4A7C15L;
        long z = randomState;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@code floor(a x b / c)} for a >= 0, 0 <= b <= c, 0 < c < 2^31, without overflow. */
    private static long mulDiv(final long a, final long b, final long c)
    {
        return (a / c) * b + (a % c) * b / c;
    }
}
