package io.meridian.admin.reconciliation;

import java.math.BigDecimal;

/**
 * One difference seen in one reconciliation pass.
 *
 * @param key        identifies the difference across passes (venue, cause, subject).
 * @param subject    what differs: an OrderID, a venue ClOrdID, a trade id, an asset, a symbol.
 * @param ours       Meridian's side, in words and figures.
 * @param venue      the venue's side.
 * @param amount     by how much (quantity or balance units), null when not a quantity.
 * @param immediate  certain at first sight (no second look needed), e.g. a trade the venue timed well
 *                   before the question that Meridian never recorded.
 */
public record Difference(
    String key, int venueId, DriftCause cause, String subject, String ours, String venue, BigDecimal amount,
    boolean immediate)
{
    public static Difference of(
        final int venueId, final DriftCause cause, final String subject, final String ours, final String venue,
        final BigDecimal amount, final boolean immediate)
    {
        return new Difference(venueId + "|" + cause + "|" + subject, venueId, cause, subject, ours, venue, amount,
            immediate);
    }
}
