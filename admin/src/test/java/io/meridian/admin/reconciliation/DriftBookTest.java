package io.meridian.admin.reconciliation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriftBookTest
{
    private static final long MS = 1_000_000L;
    private final DriftBook book = new DriftBook(150 * MS, 10);
    private final Difference forgotten = Difference.of(1, DriftCause.ORDER_UNKNOWN_TO_VENUE, "M1", "NEW", "not open",
        BigDecimal.ONE, false);

    @Test
    void aDifferenceBecomesAnEventWhenStillSeenAfterTheSettleTime()
    {
        assertEquals(List.of(), book.pass(1, "V", List.of(forgotten), 1_000 * MS));
        assertTrue(book.hasPending(1));
        assertEquals(List.of(), book.pass(1, "V", List.of(forgotten), 1_100 * MS), "too soon");
        final List<DriftBook.Change> changes = book.pass(1, "V", List.of(forgotten), 1_150 * MS);
        assertEquals(1, changes.size());
        assertTrue(changes.get(0).raised());
        assertEquals(1_000 * MS, changes.get(0).event().sinceNanos(), "since its first sighting");
        assertEquals(DriftCause.ORDER_UNKNOWN_TO_VENUE, changes.get(0).event().cause());
        assertTrue(book.hasOpen(1));
        assertFalse(book.hasOpen(2));
    }

    @Test
    void aDifferenceThatSettlesByItselfNeverBecomesAnEvent()
    {
        book.pass(1, "V", List.of(forgotten), 1_000 * MS);
        assertEquals(List.of(), book.pass(1, "V", List.of(), 1_200 * MS));
        assertEquals(List.of(), book.pass(1, "V", List.of(forgotten), 1_300 * MS), "seen again: a new first sighting");
        assertEquals(0, book.raisedTotal());
    }

    @Test
    void anEventResolvesWhenNoLongerSeenAndAnotherVenueIsUntouched()
    {
        final Difference other = Difference.of(2, DriftCause.MISSING_FILL, "M9", "cum 0", "cum 1", BigDecimal.ONE, true);
        book.pass(2, "W", List.of(other), 1_000 * MS);
        book.pass(1, "V", List.of(forgotten), 1_000 * MS);
        book.pass(1, "V", List.of(forgotten), 1_200 * MS);
        final List<DriftBook.Change> changes = book.pass(1, "V", List.of(), 1_400 * MS);
        assertEquals(1, changes.size());
        assertFalse(changes.get(0).raised());
        assertEquals("no longer seen at the venue", changes.get(0).event().resolution());
        assertEquals(1, book.open().size(), "venue 2's event stays open");
        assertEquals(2, book.all().size());
    }

    @Test
    void anOperatorsResolutionHoldsWhileTheDifferencePersistsAndNotAfterItComesBack()
    {
        final Difference unknown = Difference.of(1, DriftCause.ORDER_UNKNOWN_TO_US, "X1", "none", "open", BigDecimal.ONE, true);
        final long id = book.pass(1, "V", List.of(unknown), 1_000 * MS).get(0).event().id();
        assertTrue(book.resolve(id, "resolved by ops: ours", 1_100 * MS).isPresent());
        assertTrue(book.acknowledged(unknown.key()));
        assertEquals(List.of(), book.pass(1, "V", List.of(unknown), 1_200 * MS), "acknowledged");
        book.pass(1, "V", List.of(), 1_300 * MS);
        assertFalse(book.acknowledged(unknown.key()));
        assertEquals(1, book.pass(1, "V", List.of(unknown), 1_400 * MS).size(), "came back: raised again");
        assertFalse(book.resolve(999, "nobody", 0).isPresent());
    }
}
