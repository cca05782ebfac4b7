package io.meridian.admin;

import java.util.Locale;
import java.util.Map;

/**
 * {@code meridian.reconciliation}: how often each venue is asked for its own view, how long a
 * difference must last to become a drift event, and what a drift does to the venue.
 *
 * @param intervalMs        a pass over each venue this often (a venue's balance push or reconnect
 *                          also triggers one).
 * @param settleMs          a difference must still be there this long after it was first seen (fills
 *                          and cancels in flight settle by themselves).
 * @param timeoutMs         a venue's whole answer must arrive within this bound.
 * @param overdueMs         a venue not reconciled for this long raises RECONCILIATION_OVERDUE.
 * @param startupTimeoutMs  at a start, each venue's first pass is awaited this long.
 * @param startupHalt       a venue not reconciled at the start keeps refusing new orders until it is
 *                          (true), or trades once the start-up wait is over (false).
 * @param overdueHalt       a venue not reconciled for {@code overdueMs} refuses new orders
 *                          (RECONCILIATION_OVERDUE) until its next successful pass (true, the default: fail
 *                          closed), or only raises the drift event (false).
 * @param policies          per venue name, what a drift does: ALERT (default) or HALT new orders to it.
 * @param intervals         per venue name, its own pass interval (a crypto venue's request weight
 *                          budget), else {@code intervalMs}.
 */
public record ReconciliationSettings(
    boolean enabled, long intervalMs, long settleMs, long timeoutMs, long overdueMs, long startupTimeoutMs,
    boolean startupHalt, boolean overdueHalt, Map<String, Policy> policies, Map<String, Long> intervals)
{
    /** What an open drift event does to its venue. */
    public enum Policy
    {
        /** log, metric, alert */
        ALERT,
        /** and new orders to the venue refused (VENUE_DRIFT) until every drift event of it is resolved */
        HALT;

        static Policy of(final String value)
        {
            try
            {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException("reconciliation policy must be alert or halt, not '" + value + "'", ex);
            }
        }
    }

    public ReconciliationSettings
    {
        policies = Map.copyOf(policies);
        intervals = Map.copyOf(intervals);
        if (intervals.values().stream().anyMatch(i -> i <= 0 || i >= overdueMs))
        {
            throw new IllegalArgumentException("meridian.reconciliation.intervals: each must be positive and below " +
                "overdue-ms " + overdueMs);
        }
        if (enabled && (intervalMs <= 0 || settleMs < 0 || timeoutMs <= 0 || overdueMs <= intervalMs))
        {
            throw new IllegalArgumentException("meridian.reconciliation: interval-ms and timeout-ms must be positive, " +
                "settle-ms not negative, overdue-ms above interval-ms");
        }
    }

    /** No reconciliation (the default of a configuration built in code). */
    public static ReconciliationSettings off()
    {
        return new ReconciliationSettings(false, 1_000, 150, 2_000, 10_000, 10_000, true, true, Map.of(), Map.of());
    }

    /** The shipped defaults, every venue alert-only. */
    public static ReconciliationSettings defaults()
    {
        return new ReconciliationSettings(true, 1_000, 150, 2_000, 10_000, 10_000, true, true, Map.of(), Map.of());
    }

    public Policy policy(final String venue)
    {
        return policies.getOrDefault(venue, Policy.ALERT);
    }

    /** The venue's pass interval. */
    public long intervalMs(final String venue)
    {
        return intervals.getOrDefault(venue, intervalMs);
    }

    /** A copy with {@code venue}'s policy set. */
    public ReconciliationSettings withPolicy(final String venue, final Policy policy)
    {
        final Map<String, Policy> copy = new java.util.HashMap<>(policies);
        copy.put(venue, policy);
        return new ReconciliationSettings(enabled, intervalMs, settleMs, timeoutMs, overdueMs, startupTimeoutMs,
            startupHalt, overdueHalt, copy, intervals);
    }

    /** A copy waiting {@code timeoutMs} at a start for each venue's first pass. */
    public ReconciliationSettings withStartupTimeout(final long timeoutMs)
    {
        return new ReconciliationSettings(enabled, intervalMs, settleMs, this.timeoutMs, overdueMs, timeoutMs,
            startupHalt, overdueHalt, policies, intervals);
    }

    /** A copy passing over {@code venue} every {@code interval} ms. */
    public ReconciliationSettings withInterval(final String venue, final long interval)
    {
        final Map<String, Long> copy = new java.util.HashMap<>(intervals);
        copy.put(venue, interval);
        return new ReconciliationSettings(enabled, intervalMs, settleMs, timeoutMs, overdueMs, startupTimeoutMs,
            startupHalt, overdueHalt, policies, copy);
    }

    /** A copy passing over each venue every {@code interval} ms and confirming after {@code settle} ms. */
    public ReconciliationSettings withTiming(final long interval, final long settle)
    {
        return new ReconciliationSettings(enabled, interval, settle, timeoutMs, Math.max(overdueMs, interval * 4),
            startupTimeoutMs, startupHalt, overdueHalt, policies, intervals);
    }

    /** A copy declaring a venue overdue after {@code overdue} ms, halting it then or not. */
    public ReconciliationSettings withOverdue(final long overdue, final boolean halt)
    {
        return new ReconciliationSettings(enabled, intervalMs, settleMs, timeoutMs, overdue, startupTimeoutMs,
            startupHalt, halt, policies, intervals);
    }
}
