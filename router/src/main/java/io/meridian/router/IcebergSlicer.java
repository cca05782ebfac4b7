package io.meridian.router;

/**
 * An iceberg parent's visible child: at most the display quantity (MaxFloor, 111) shows at a time, in whole
 * lots; when the visible child is done (filled, or gone) the next one is cut from what is left, the last one
 * smaller. A display quantity below one lot shows one lot, so the order still makes progress. Never more
 * than what is left to place. Allocation free; one per parent order, reused. Not thread-safe.
 */
public final class IcebergSlicer
{
    private long displayQty;
    private long lotSize;
    private int childCount;

    /**
     * @param maxFloorQty the client's display quantity (scaled), positive.
     * @param lotSize     children are whole multiples of it (scaled), positive; 1 for none.
     * @throws IllegalArgumentException for a non-positive argument (rejected at the edge: a bug here).
     */
    public IcebergSlicer init(final long maxFloorQty, final long lotSize)
    {
        if (maxFloorQty <= 0 || lotSize <= 0)
        {
            throw new IllegalArgumentException("invalid iceberg: maxFloor=" + maxFloorQty + " lot=" + lotSize);
        }
        this.lotSize = lotSize;
        displayQty = Math.max(lotSize, maxFloorQty - maxFloorQty % lotSize);
        childCount = 0;
        return this;
    }

    /** @return the quantity a full visible child shows: MaxFloor rounded down to whole lots, at least one lot. */
    public long displayQty()
    {
        return displayQty;
    }

    /**
     * @param unplacedQty      the parent's quantity neither filled nor on a working child.
     * @param visibleLeavesQty the leaves of the visible child still working; 0 when there is none.
     * @return the quantity of the next visible child to send: 0 while a visible child is working, else the
     * display quantity or, for the last, what is left rounded down to whole lots (0 when less than a lot is left).
     */
    public long nextChildQty(final long unplacedQty, final long visibleLeavesQty)
    {
        if (visibleLeavesQty > 0 || unplacedQty <= 0)
        {
            return 0;
        }
        final long qty = Math.min(displayQty, unplacedQty - unplacedQty % lotSize);
        if (qty > 0)
        {
            childCount++;
        }
        return qty;
    }

    /** @return how many visible children {@link #nextChildQty} has cut since {@link #init} (refills + 1). */
    public int childCount()
    {
        return childCount;
    }
}
