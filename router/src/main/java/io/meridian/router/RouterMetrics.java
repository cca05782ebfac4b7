package io.meridian.router;

/**
 * Counters of the parent order router: written on the core thread only (single writer), read by metrics from
 * any thread.
 */
public final class RouterMetrics
{
    volatile long parentOrders;
    volatile long childOrders;
    volatile long childCancels;
    volatile long childRejects;
    volatile long decisions;
    volatile long noRoute;
    volatile long unknownChildReports;
    volatile int openParents;

    /** Parent orders open in the router. */
    public int openParents()
    {
        return openParents;
    }

    public long parentOrders()
    {
        return parentOrders;
    }

    public long childOrders()
    {
        return childOrders;
    }

    public long childCancels()
    {
        return childCancels;
    }

    public long childRejects()
    {
        return childRejects;
    }

    /** Routing decisions taken (sweeps and posts). */
    public long decisions()
    {
        return decisions;
    }

    /** Decisions that found no venue to post at (the parent waits and tries again). */
    public long noRoute()
    {
        return noRoute;
    }

    public long unknownChildReports()
    {
        return unknownChildReports;
    }
}
