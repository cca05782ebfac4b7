package io.meridian.risk.alerts;

import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One sink with its own daemon delivery thread and its own bounded queues. {@link #offer} never blocks
 * and never allocates (lock-free array queues): when full the alert is counted as dropped, and RED
 * alerts have a queue of their own that is drained first, so lower alerts can neither delay nor push
 * out a RED one. The thread applies the sink's {@link SinkPolicy}: the rate limit (over it, alerts are
 * coalesced into one "K alerts suppressed" alert sent as soon as the bucket allows), then delivery with
 * retry and exponential backoff up to the attempt bound; every failed attempt is counted and logged,
 * and after the last one the alert is logged and dropped. Waits and the bucket run on the injected
 * clock, so tests drive them exactly.
 */
public final class AlertChannel
{
    public static final String SUMMARY_CODE = "ALERTS_SUPPRESSED";
    private static final Logger LOG = LoggerFactory.getLogger("meridian.alerts");
    private static final int MAX_SUMMARY_TEXT = 200;

    private final AlertSink sink;
    private final SinkPolicy policy;
    private final EpochClock clock;
    private final long idleCheckMs;
    private final ManyToOneConcurrentArrayQueue<Alert> red;
    private final ManyToOneConcurrentArrayQueue<Alert> lower;
    private final TokenBucket bucket;
    private final Thread thread;
    private volatile boolean closing;
    private volatile long closeDeadlineNs;

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedRed = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    // delivery thread only
    private Alert inFlight;
    private int attempts;
    private long nextAttemptMs;
    private int pendingSuppressed;
    private final int[] pendingBySeverity = new int[Severity.values().length];
    private long firstSuppressedMs;
    private Alert lastSuppressed;

    /**
     * @param idleCheckMs the longest the thread sleeps before looking at the clock again (new alerts wake
     *                    it at once); a second in production, a few ms in tests that move a fake clock.
     */
    public AlertChannel(final AlertSink sink, final SinkPolicy policy, final EpochClock clock, final long idleCheckMs)
    {
        this.sink = sink;
        this.policy = policy;
        this.clock = clock;
        this.idleCheckMs = Math.max(1, idleCheckMs);
        this.red = new ManyToOneConcurrentArrayQueue<>(policy.queueCapacity());
        this.lower = new ManyToOneConcurrentArrayQueue<>(policy.queueCapacity());
        this.bucket = new TokenBucket(policy.ratePerMinute(), clock.time());
        this.thread = new Thread(this::run, "meridian-alerts-" + sink.name());
        this.thread.setDaemon(true);
    }

    AlertChannel start()
    {
        thread.start();
        return this;
    }

    /** From any thread: queues the alert if it passes the severity filter; never blocks. */
    boolean offer(final Alert alert)
    {
        if (!alert.severity().atLeast(policy.minSeverity()))
        {
            return false;
        }
        final boolean queued = alert.severity() == Severity.RED ? red.offer(alert) : lower.offer(alert);
        if (!queued)
        {
            dropped.incrementAndGet();
            if (alert.severity() == Severity.RED)
            {
                droppedRed.incrementAndGet();
            }
            return false;
        }
        LockSupport.unpark(thread);
        return true;
    }

    private void run()
    {
        while (!Thread.currentThread().isInterrupted())
        {
            final long now = clock.time();
            if (closing && (System.nanoTime() - closeDeadlineNs > 0 || idle()))
            {
                break;
            }
            if (inFlight == null)
            {
                if (!next(now))
                {
                    park(pendingSuppressed > 0 ? bucket.msUntilToken(now) : idleCheckMs);
                }
                continue;
            }
            if (!closing && now < nextAttemptMs)
            {
                park(nextAttemptMs - now);
                continue;
            }
            attempt(now);
        }
        final int left = red.size() + lower.size() + (inFlight == null ? 0 : 1) + pendingSuppressed;
        if (left > 0)
        {
            LOG.warn("event=alerts_unsent_at_close sink={} alerts={}", sink.name(), left);
        }
    }

    private boolean idle()
    {
        return inFlight == null && pendingSuppressed == 0 && red.isEmpty() && lower.isEmpty();
    }

    /** @return false when there was nothing to do. */
    private boolean next(final long now)
    {
        if (pendingSuppressed > 0 && (closing || bucket.tryTake(now)))
        {
            begin(summary(now), now);
            return true;
        }
        Alert alert = red.poll();
        if (alert == null)
        {
            alert = lower.poll();
        }
        if (alert == null)
        {
            return false;
        }
        if (pendingSuppressed == 0 && bucket.tryTake(now))
        {
            begin(alert, now);
        }
        else
        {
            suppress(alert);
        }
        return true;
    }

    private void begin(final Alert alert, final long now)
    {
        inFlight = alert;
        attempts = 0;
        nextAttemptMs = now;
    }

    private void attempt(final long now)
    {
        attempts++;
        try
        {
            sink.deliver(inFlight);
            delivered.incrementAndGet();
            inFlight = null;
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        catch (final Exception e)
        {
            // logged before counted: whoever reads the counters finds the log line written
            final boolean permanent = e instanceof PermanentDeliveryFailure;
            if (permanent || attempts >= policy.maxAttempts())
            {
                LOG.error("event=alert_dropped sink={} attempts={} severity={} code={} permanent={} error=\"{}\"",
                    sink.name(), attempts, inFlight.severity(), inFlight.code(), permanent, e.toString());
                inFlight = null;
                failedAttempts.incrementAndGet();
                givenUp.incrementAndGet();
            }
            else
            {
                final long waitMs = policy.backoffAfter(attempts);
                nextAttemptMs = now + waitMs;
                LOG.warn("event=alert_delivery_failed sink={} attempt={}/{} retryInMs={} severity={} code={} error=\"{}\"",
                    sink.name(), attempts, policy.maxAttempts(), waitMs, inFlight.severity(), inFlight.code(),
                    e.toString());
                failedAttempts.incrementAndGet();
            }
        }
    }

    private void suppress(final Alert alert)
    {
        if (pendingSuppressed == 0)
        {
            firstSuppressedMs = alert.timeMs();
        }
        pendingSuppressed++;
        pendingBySeverity[alert.severity().ordinal()]++;
        lastSuppressed = alert;
        suppressed.incrementAndGet();
    }

    private Alert summary(final long now)
    {
        Severity highest = Severity.INFO;
        for (final Severity severity : Severity.values())
        {
            if (pendingBySeverity[severity.ordinal()] > 0)
            {
                highest = severity;
            }
        }
        final String lastText = lastSuppressed.text().length() > MAX_SUMMARY_TEXT ?
            lastSuppressed.text().substring(0, MAX_SUMMARY_TEXT) + "..." : lastSuppressed.text();
        final String text = pendingSuppressed + " alerts suppressed by the rate limit of " + policy.ratePerMinute() +
            "/min since " + Instant.ofEpochMilli(firstSuppressedMs) + " (RED " + pendingBySeverity[Severity.RED.ordinal()] +
            ", YELLOW " + pendingBySeverity[Severity.YELLOW.ordinal()] + ", INFO " +
            pendingBySeverity[Severity.INFO.ordinal()] + "); the last: " + lastSuppressed.severity() + " " +
            lastSuppressed.code() + ": " + lastText + " (all of them are in the log)";
        pendingSuppressed = 0;
        java.util.Arrays.fill(pendingBySeverity, 0);
        lastSuppressed = null;
        return new Alert(highest, "alerts", SUMMARY_CODE, text, now);
    }

    private void park(final long ms)
    {
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(Math.max(1, Math.min(ms, idleCheckMs))));
    }

    /**
     * Stops the thread after what is queued has been tried once more (backoff waits and the rate limit are
     * skipped, suppressed alerts go out as one summary), within {@code timeoutMs}.
     */
    void close(final long timeoutMs)
    {
        closeDeadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        closing = true;
        LockSupport.unpark(thread);
        try
        {
            thread.join(Math.max(1, timeoutMs + 1_000));
            if (thread.isAlive())
            {
                thread.interrupt();
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    public String sinkName()
    {
        return sink.name();
    }

    public SinkPolicy policy()
    {
        return policy;
    }

    /** Alerts the sink accepted (summaries included). */
    public long delivered()
    {
        return delivered.get();
    }

    /** Delivery attempts that failed (each retry counts). */
    public long failedAttempts()
    {
        return failedAttempts.get();
    }

    /** Alerts dropped after their last attempt (or a permanent refusal). */
    public long givenUp()
    {
        return givenUp.get();
    }

    /** Alerts dropped because this sink's queue was full. */
    public long dropped()
    {
        return dropped.get();
    }

    /** RED alerts among {@link #dropped()}. */
    public long droppedRed()
    {
        return droppedRed.get();
    }

    /** Alerts over the rate limit, coalesced into summaries. */
    public long suppressed()
    {
        return suppressed.get();
    }

    public String toString()
    {
        return "AlertChannel[" + sink + ", " + policy + "]";
    }
}
