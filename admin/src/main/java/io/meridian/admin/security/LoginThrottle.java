package io.meridian.admin.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Rate limit of failed logins per remote address: after {@code max-failures} failures within
 * {@code window-seconds}, that address is refused (429) until the window has passed since its
 * latest failure. A success does not reset the count: a guesser with one valid account gains nothing.
 */
@Singleton
public class LoginThrottle
{
    private final int maxFailures;
    private final long windowMs;
    private final LongSupplier clockMs;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(
        @Value("${meridian.admin.login-throttle.max-failures:5}") final int maxFailures,
        @Value("${meridian.admin.login-throttle.window-seconds:300}") final int windowSeconds)
    {
        this(maxFailures, windowSeconds * 1000L, System::currentTimeMillis);
    }

    LoginThrottle(final int maxFailures, final long windowMs, final LongSupplier clockMs)
    {
        this.maxFailures = maxFailures;
        this.windowMs = windowMs;
        this.clockMs = clockMs;
    }

    /** @return milliseconds until the address may try again, 0 when it may now. */
    public long blockedForMs(final String address)
    {
        final Deque<Long> times = failures.get(address);
        if (times == null)
        {
            return 0;
        }
        synchronized (times)
        {
            final long now = clockMs.getAsLong();
            prune(times, now);
            return times.size() >= maxFailures ? times.peekLast() + windowMs - now : 0;
        }
    }

    public void failed(final String address)
    {
        final Deque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times)
        {
            final long now = clockMs.getAsLong();
            prune(times, now);
            times.addLast(now);
            while (times.size() > maxFailures)
            {
                times.removeFirst();
            }
        }
    }

    private void prune(final Deque<Long> times, final long now)
    {
        while (!times.isEmpty() && times.peekFirst() + windowMs <= now)
        {
            times.removeFirst();
        }
    }
}
