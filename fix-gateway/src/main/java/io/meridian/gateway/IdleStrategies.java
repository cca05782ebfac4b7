package io.meridian.gateway;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.concurrent.TimeUnit;

/** Named idle strategies, so configuration can choose one by name. */
public final class IdleStrategies
{
    private IdleStrategies()
    {
    }

    /**
     * @param name backoff (default: spin, yield, then park up to 1 ms), busy-spin, yielding, noop,
     *             sleeping (1 ms).
     */
    public static IdleStrategy of(final String name)
    {
        switch (name == null ? "backoff" : name.toLowerCase())
        {
            case "backoff":
                return new BackoffIdleStrategy(
                    10, 20, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
            case "busy-spin":
                return new BusySpinIdleStrategy();
            case "yielding":
                return new YieldingIdleStrategy();
            case "noop":
                return new NoOpIdleStrategy();
            case "sleeping":
                return new SleepingMillisIdleStrategy(1);
            default:
                throw new IllegalArgumentException("unknown idle strategy: " + name);
        }
    }
}
