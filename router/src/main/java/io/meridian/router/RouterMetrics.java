package io.meridian.router;

/**
 * Counters of the parent order router, written on the core thread and read by metrics from others
 * (a stale read is fine for a counter).
 */
public final class RouterMetrics
{
    long parentOrders;
    long childOrders;
    long childCancels;
    long childRejects;
    long decisions;
    long noRoute;
    long unknownChildReports;

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
