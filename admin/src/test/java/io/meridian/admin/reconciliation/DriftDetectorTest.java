package io.meridian.admin.reconciliation;

import io.meridian.oms.model.OrdStatus;
import io.meridian.positions.store.StoreViews.FillView;
import io.meridian.venues.view.VenueView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriftDetectorTest
{
    private static final int VENUE = 3;
    private static final long ASKED = 1_000_000_000_000L;
    private static final long SETTLE = 150_000_000L;
    private final DriftDetector detector = new DriftDetector(SETTLE);

    @Test
    void agreeingViewsHaveNoDifference()
    {
        final OurOrder open = order("M1", "V1", OrdStatus.PARTIALLY_FILLED, "10", "4");
        final VenueView view = view(List.of(venueOpen("M1-1", "V1", "10", "4")), List.of(trade("T1", "V1", "4")),
            List.of(balance("BTC", "104")));
        final List<Difference> differences = detector.compare(view,
            ours(List.of(open), Set.of("T1"), Map.of("BTC", new BigDecimal("4"))), DriftDetector.HoldingKind.BALANCES,
            Map.of("BTC", new BigDecimal("100")), new HashMap<>());
        assertEquals(List.of(), differences);
    }

    @Test
    void eachKindOfDriftHasItsCause()
    {
        final List<OurOrder> orders = List.of(
            order("M1", "V1", OrdStatus.NEW, "10", "0"),        // venue filled 4 we never heard of
            order("M2", "V2", OrdStatus.NEW, "5", "0"),         // venue forgot it
            order("M3", "V3", OrdStatus.CANCELED, "5", "0"),    // venue still has it open
            order("M4", "V4", OrdStatus.PARTIALLY_FILLED, "5", "3")); // venue has less filled
        final VenueView view = view(
            List.of(venueOpen("M1-1", "V1", "10", "4"), venueOpen("M3-1", "V3", "5", "0"), venueOpen("M4-2", "V4", "5", "1"),
                venueOpen("XYZ", "V9", "7", "0")),
            List.of(trade("T1", "V1", "4"), trade("T9", "V99", "1")),
            List.of(balance("USDT", "1000")));
        final Map<String, BigDecimal> raw = new HashMap<>();
        final List<Difference> differences = detector.compare(view,
            ours(orders, Set.of(), Map.of("USDT", new BigDecimal("-50"))), DriftDetector.HoldingKind.BALANCES,
            Map.of("USDT", new BigDecimal("1000")), raw);

        final Map<String, DriftCause> bySubject = new HashMap<>();
        differences.forEach(d -> bySubject.put(d.subject(), d.cause()));
        assertEquals(Map.of(
            "M1", DriftCause.MISSING_FILL,
            "M2", DriftCause.ORDER_UNKNOWN_TO_VENUE,
            "M3", DriftCause.ORDER_MISMATCH,
            "M4", DriftCause.EXTRA_FILL,
            "XYZ", DriftCause.ORDER_UNKNOWN_TO_US,
            "trade T9", DriftCause.UNKNOWN_ORDER_FILL,
            "USDT", DriftCause.BALANCE_MOVED), bySubject);
        final Difference moved = differences.stream().filter(d -> d.subject().equals("USDT")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("50").compareTo(moved.amount()), "1000 - (-50) - baseline 1000");
        assertEquals(0, new BigDecimal("1050").compareTo(raw.get("USDT")));
        final Difference missing = differences.stream().filter(d -> d.subject().equals("M1")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("4").compareTo(missing.amount()));
    }

    @Test
    void aTradeTheVenueTimedWellBeforeTheQuestionIsCertainAFreshOneNeedsASecondLook()
    {
        final OurOrder o = order("M1", "V1", OrdStatus.NEW, "10", "0");
        final VenueView.Trade old = new VenueView.Trade("T1", "M1-1", "V1", "BTC-USDT", '1', new BigDecimal("1"),
            new BigDecimal("100"), BigDecimal.ZERO, "", ASKED - SETTLE - 1);
        final VenueView.Trade fresh = new VenueView.Trade("T2", "M1-1", "V1", "BTC-USDT", '1', new BigDecimal("1"),
            new BigDecimal("100"), BigDecimal.ZERO, "", ASKED - 1);
        assertTrue(detector.compare(view(List.of(), List.of(old), List.of()), ours(List.of(o), Set.of(), Map.of()),
            DriftDetector.HoldingKind.BALANCES, Map.of(), new HashMap<>()).get(0).immediate());
        assertEquals(false, detector.compare(view(List.of(), List.of(fresh), List.of()), ours(List.of(o), Set.of(), Map.of()),
            DriftDetector.HoldingKind.BALANCES, Map.of(), new HashMap<>()).get(0).immediate());
    }

    @Test
    void ordersInFlightAreNotJudged()
    {
        final List<OurOrder> orders = List.of(
            order("M1", "", OrdStatus.PENDING_NEW, "10", "0"),
            order("M2", "V2", OrdStatus.PENDING_CANCEL, "10", "0"),
            new OurOrder("M3", "V3", "BTC-USDT", OrdStatus.NEW, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN, ASKED + 1));
        assertEquals(List.of(), detector.compare(view(List.of(venueOpen("M2-1", "V2", "10", "3")), List.of(), List.of()),
            ours(orders, Set.of(), Map.of()), DriftDetector.HoldingKind.BALANCES, Map.of(), new HashMap<>()));
    }

    /**
     * Differential: random consistent books on both sides, then random faults injected into the venue's
     * side; the detector must report exactly the injected faults, with their causes, and nothing else.
     */
    @Test
    void findsExactlyTheInjectedFaults()
    {
        final Random random = new Random(20261207L);
        for (int round = 0; round < 2_000; round++)
        {
            final List<OurOrder> orders = new ArrayList<>();
            final List<VenueView.OpenOrder> open = new ArrayList<>();
            final List<VenueView.Trade> trades = new ArrayList<>();
            final Set<String> recorded = new HashSet<>();
            final Map<String, DriftCause> expected = new HashMap<>();
            final int count = 1 + random.nextInt(20);
            int tradeId = 0;
            for (int i = 0; i < count; i++)
            {
                final String id = "M" + i;
                final String venueOrderId = "V" + i;
                final int qty = 1 + random.nextInt(100);
                final int cum = random.nextInt(qty + 1);
                final boolean done = cum == qty || random.nextInt(4) == 0;
                final OrdStatus status = cum == qty ? OrdStatus.FILLED : done ? OrdStatus.CANCELED :
                    cum > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW;
                orders.add(new OurOrder(id, venueOrderId, "BTC-USDT", status, BigDecimal.valueOf(qty),
                    BigDecimal.valueOf(cum), BigDecimal.valueOf(done ? 0 : qty - cum), ASKED - 1_000_000_000L));
                int venueCum = cum;
                int fills = cum == 0 ? 0 : 1 + random.nextInt(Math.min(cum, 3));
                int left = cum;
                for (int f = 0; f < fills; f++)
                {
                    final int fillQty = f == fills - 1 ? left : 1 + random.nextInt(left - (fills - f - 1));
                    left -= fillQty;
                    final String t = "T" + (tradeId++);
                    trades.add(trade(t, venueOrderId, String.valueOf(fillQty)));
                    recorded.add(t);
                }
                final int fault = random.nextInt(10);
                if (!done && fault == 0)
                {
                    // a fill the stream lost: the venue has it, the ledger does not
                    final int extra = 1 + random.nextInt(qty - cum);
                    venueCum += extra;
                    trades.add(trade("T" + (tradeId++), venueOrderId, String.valueOf(extra)));
                    expected.put(id, DriftCause.MISSING_FILL);
                }
                else if (!done && fault == 1)
                {
                    expected.put(id, DriftCause.ORDER_UNKNOWN_TO_VENUE); // the venue forgot it
                    continue;
                }
                else if (done && fault == 2)
                {
                    expected.put(id, DriftCause.ORDER_MISMATCH); // still open at the venue
                    open.add(venueOpen(id + "-1", venueOrderId, String.valueOf(qty), String.valueOf(cum)));
                    continue;
                }
                if (!done && venueCum < qty)
                {
                    open.add(venueOpen(id + "-" + (1 + random.nextInt(3)), venueOrderId, String.valueOf(qty),
                        String.valueOf(venueCum)));
                }
                else if (!done)
                {
                    // filled at the venue by the lost fill: no longer open there, the trade says why
                    expected.put(id, DriftCause.MISSING_FILL);
                }
            }
            if (random.nextInt(5) == 0)
            {
                open.add(venueOpen("OTHER-" + round, "X" + round, "5", "0"));
                expected.put("OTHER-" + round, DriftCause.ORDER_UNKNOWN_TO_US);
            }
            final List<Difference> differences = detector.compare(view(open, trades, List.of()),
                ours(orders, recorded, Map.of()), DriftDetector.HoldingKind.BALANCES, Map.of(), new HashMap<>());
            final Map<String, DriftCause> found = new HashMap<>();
            differences.forEach(d -> found.put(d.subject(), d.cause()));
            assertEquals(new TreeSet<>(expected.entrySet().stream().map(Object::toString).toList()),
                new TreeSet<>(found.entrySet().stream().map(Object::toString).toList()), "round " + round);
        }
    }

    @Test
    void venueClOrdIdNamesTheOrderBeforeItsChildNumber()
    {
        assertEquals("MX17", OurOrder.orderIdOf("MX17-2"));
        assertEquals("AB-12-3", OurOrder.orderIdOf("AB-12-3-1").equals("AB-12-3") ? "AB-12-3" : "wrong");
        assertEquals("plain", OurOrder.orderIdOf("plain"));
        assertEquals("ends-x", OurOrder.orderIdOf("ends-x"));
    }

    private static OurOrder order(final String id, final String venueOrderId, final OrdStatus status, final String qty,
        final String cum)
    {
        final BigDecimal q = new BigDecimal(qty);
        final BigDecimal c = new BigDecimal(cum);
        return new OurOrder(id, venueOrderId, "BTC-USDT", status, q, c, status.isTerminal() ? BigDecimal.ZERO : q.subtract(c),
            ASKED - 1_000_000_000L);
    }

    private static VenueView.OpenOrder venueOpen(final String clOrdId, final String venueOrderId, final String qty,
        final String cum)
    {
        final BigDecimal q = new BigDecimal(qty);
        final BigDecimal c = new BigDecimal(cum);
        return new VenueView.OpenOrder(clOrdId, venueOrderId, "BTC-USDT", '1', q, new BigDecimal("100"), c,
            q.subtract(c), c.signum() > 0 ? '1' : '0');
    }

    private static VenueView.Trade trade(final String id, final String venueOrderId, final String qty)
    {
        return new VenueView.Trade(id, "", venueOrderId, "BTC-USDT", '1', new BigDecimal(qty), new BigDecimal("100"),
            BigDecimal.ZERO, "", ASKED - 10 * SETTLE);
    }

    private static VenueView.Balance balance(final String asset, final String total)
    {
        return new VenueView.Balance(asset, new BigDecimal(total), BigDecimal.ZERO, ASKED);
    }

    private static VenueView view(
        final List<VenueView.OpenOrder> open, final List<VenueView.Trade> trades, final List<VenueView.Balance> balances)
    {
        return new VenueView(VENUE, ASKED, ASKED + 1, open, trades, balances, List.of(), !balances.isEmpty());
    }

    private static OurSide ours(final List<OurOrder> orders, final Set<String> recorded, final Map<String, BigDecimal> holdings)
    {
        return new OurSide(orders, t -> recorded.contains(t.venueTradeId()), List.<FillView>of(), holdings);
    }
}
