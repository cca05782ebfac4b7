package io.meridian.venues.fix;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the venue side; written on the core thread, read by the admin. */
public final class VenueBridgeMetrics
{
    final AtomicLong ordersSent = new AtomicLong();
    final AtomicLong cancelsSent = new AtomicLong();
    final AtomicLong replacesSent = new AtomicLong();
    final AtomicLong sendFailures = new AtomicLong();
    final AtomicLong executionsIn = new AtomicLong();
    final AtomicLong cancelRejectsIn = new AtomicLong();
    final AtomicLong unusableMessages = new AtomicLong();

    public long ordersSent()
    {
        return ordersSent.get();
    }

    public long cancelsSent()
    {
        return cancelsSent.get();
    }

    public long replacesSent()
    {
        return replacesSent.get();
    }

    public long sendFailures()
    {
        return sendFailures.get();
    }

    public long executionsIn()
    {
        return executionsIn.get();
    }

    public long cancelRejectsIn()
    {
        return cancelRejectsIn.get();
    }

    /** Venue messages that could not be normalised (unknown symbol, unknown ExecType...). */
    public long unusableMessages()
    {
        return unusableMessages.get();
    }
}
