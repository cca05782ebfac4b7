package io.meridian.risk;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradingHaltsTest
{
    private static final Instrument BTC = new Instrument(0, "BTC-USD", 2, 8, 1, 0, 1_000, 1_000_000, 0);
    private static final Instrument AAPL = new Instrument(1, "AAPL", 4, 0, 0, 0, 1_000, 1_000_000, 0);

    @Test
    void eachVenueHaltIsItsOwnFlagAndLiftingOneLeavesTheOthers()
    {
        final TradingHalts halts = new TradingHalts(new HotRiskGate(new InstrumentRegistry(List.of(BTC, AAPL))), 2);
        final Instrument onVenue1 = BTC;
        assertEquals(OrderRejectReason.NONE, check(halts, onVenue1));
        halts.overdueHalt(1, true);
        assertEquals(OrderRejectReason.RECONCILIATION_OVERDUE, check(halts, onVenue1));
        halts.notReconciled(1, true);
        assertEquals(OrderRejectReason.VENUE_NOT_RECONCILED, check(halts, onVenue1));
        halts.driftHalt(1, true);
        assertEquals(OrderRejectReason.VENUE_DRIFT, check(halts, onVenue1));
        halts.venueHalted(1, true);
        assertEquals(OrderRejectReason.VENUE_HALTED, check(halts, onVenue1), "the operator's halt says so first");
        assertTrue(halts.venueHalted(1, false));
        assertEquals(OrderRejectReason.VENUE_DRIFT, check(halts, onVenue1), "the drift halt is still there");
        assertTrue(halts.driftHalt(1, false));
        assertFalse(halts.driftHalted(1));
        assertTrue(halts.notReconciled(1));
        halts.notReconciled(1, false);
        assertEquals(OrderRejectReason.RECONCILIATION_OVERDUE, check(halts, onVenue1), "overdue still");
        assertTrue(halts.overdueHalt(1, false));
        assertFalse(halts.overdueHalted(1));
        assertEquals(OrderRejectReason.NONE, check(halts, onVenue1));
        assertEquals(OrderRejectReason.NONE, check(halts, AAPL));
        assertThrows(IllegalArgumentException.class, () -> halts.driftHalt(2, true));
    }

    private static OrderRejectReason check(final TradingHalts halts, final Instrument instrument)
    {
        return halts.check(instrument, Side.BUY, OrdType.LIMIT, 1, 100);
    }
}
