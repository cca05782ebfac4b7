package io.meridian.risk.alerts;

/**
 * N tokens a minute, burst N, refilled continuously; integer arithmetic in token-milliseconds (one
 * token is 60,000 of them, and each millisecond adds N). Used by one thread.
 */
final class TokenBucket
{
    private static final long TOKEN = 60_000;

    private final long ratePerMinute;
    private final long capacity;
    private long units;
    private long lastMs;

    TokenBucket(final int ratePerMinute, final long nowMs)
    {
        this.ratePerMinute = ratePerMinute;
        this.capacity = ratePerMinute * TOKEN;
        this.units = capacity;
        this.lastMs = nowMs;
    }

    boolean tryTake(final long nowMs)
    {
        if (ratePerMinute == 0)
        {
            return true;
        }
        refill(nowMs);
        if (units >= TOKEN)
        {
            units -= TOKEN;
            return true;
        }
        return false;
    }

    /** 0 when a token is free now. */
    long msUntilToken(final long nowMs)
    {
        if (ratePerMinute == 0)
        {
            return 0;
        }
        refill(nowMs);
        return units >= TOKEN ? 0 : (TOKEN - units + ratePerMinute - 1) / ratePerMinute;
    }

    private void refill(final long nowMs)
    {
        if (nowMs > lastMs)
        {
            final long elapsedMs = Math.min(nowMs - lastMs, TOKEN);
            units = Math.min(capacity, units + elapsedMs * ratePerMinute);
            lastMs = nowMs;
        }
    }
}
