package io.meridian.admin.reconciliation;

import java.math.BigDecimal;

/**
 * A confirmed difference with a venue, from when it was first seen until it is no longer seen or an
 * operator resolves it.
 *
 * @param sinceNanos       first seen (epoch nanos).
 * @param detectedNanos    confirmed: the event was raised.
 * @param lastSeenNanos    the latest pass that still saw it.
 * @param resolvedNanos    0 while open.
 * @param resolution       how it ended: "no longer seen at the venue" or "resolved by {user}: {why}".
 */
public record DriftEvent(
    long id, int venueId, String venue, DriftCause cause, String likelyCause, String subject, String ours,
    String venueSays, BigDecimal amount, long sinceNanos, long detectedNanos, long lastSeenNanos, long resolvedNanos,
    String resolution, String key)
{
    public boolean open()
    {
        return resolvedNanos == 0;
    }

    DriftEvent seen(final Difference d, final long nowNanos)
    {
        return new DriftEvent(id, venueId, venue, cause, likelyCause, subject, d.ours(), d.venue(), d.amount(),
            sinceNanos, detectedNanos, nowNanos, 0, "", key);
    }

    DriftEvent resolved(final long nowNanos, final String how)
    {
        return new DriftEvent(id, venueId, venue, cause, likelyCause, subject, ours, venueSays, amount, sinceNanos,
            detectedNanos, lastSeenNanos, nowNanos, how, key);
    }
}
