package io.meridian.admin.reconciliation;

import io.meridian.oms.model.OrdStatus;
import io.meridian.positions.store.StoreViews.FillView;
import io.meridian.venues.view.VenueView;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares one venue's view with what Meridian recorded. Pure: no clock, no I/O; what is a difference
 * here becomes a drift event only once {@link DriftBook} has seen it long enough.
 */
public final class DriftDetector
{
    /** What a venue reports as holdings: balances per asset (crypto) or positions per symbol (FIX). */
    public enum HoldingKind
    {
        BALANCES("balance"), POSITIONS("position");

        private final String word;

        HoldingKind(final String word)
        {
            this.word = word;
        }
    }

    private final long tradeSettleNanos;

    /**
     * @param tradeSettleNanos a trade the venue timed this long before the question and Meridian never
     *                         recorded is missing for certain (no stream delivers that late).
     */
    public DriftDetector(final long tradeSettleNanos)
    {
        this.tradeSettleNanos = tradeSettleNanos;
    }

    /**
     * @param baselines   per holding subject, the venue's figure minus ours accepted as normal (what
     *                    the account held before Meridian, deposits acknowledged by an operator).
     * @param rawHoldings filled with the venue's figure minus ours per holding subject, for baselines.
     */
    public List<Difference> compare(
        final VenueView view, final OurSide ours, final HoldingKind holdingKind,
        final Map<String, BigDecimal> baselines, final Map<String, BigDecimal> rawHoldings)
    {
        final int venueId = view.venueId();
        final List<Difference> differences = new ArrayList<>();
        final Map<String, OurOrder> byOrderId = new HashMap<>();
        final Map<String, OurOrder> byVenueOrderId = new HashMap<>();
        for (final OurOrder o : ours.orders())
        {
            byOrderId.put(o.orderId(), o);
            if (!o.venueOrderId().isEmpty())
            {
                byVenueOrderId.put(o.venueOrderId(), o);
            }
        }

        final Map<String, Difference> missingFills = new LinkedHashMap<>();
        for (final VenueView.Trade t : view.trades())
        {
            if (ours.tradeRecorded().test(t))
            {
                continue;
            }
            final OurOrder o = find(byOrderId, byVenueOrderId, t.clOrdId(), t.venueOrderId());
            final boolean certain = t.venueTimeNanos() > 0 && t.venueTimeNanos() < view.askedAtNanos() - tradeSettleNanos;
            final String fill = t.qty().toPlainString() + " @ " + t.price().toPlainString() + " trade " + t.venueTradeId();
            if (o == null)
            {
                differences.add(Difference.of(venueId, DriftCause.UNKNOWN_ORDER_FILL, "trade " + t.venueTradeId(),
                    "no order with venue order id " + t.venueOrderId(), t.symbol() + " " + side(t.side()) + " " + fill,
                    t.qty(), certain));
                continue;
            }
            missingFills.merge(o.orderId(), Difference.of(venueId, DriftCause.MISSING_FILL, o.orderId(),
                "trade not recorded", fill, t.qty(), certain), DriftDetector::addUp);
        }

        final Set<String> openAtVenue = new HashSet<>();
        for (final VenueView.OpenOrder v : view.openOrders())
        {
            final OurOrder o = find(byOrderId, byVenueOrderId, v.clOrdId(), v.venueOrderId());
            if (o == null)
            {
                final String subject = v.clOrdId().isEmpty() ? "venue order " + v.venueOrderId() : v.clOrdId();
                differences.add(Difference.of(venueId, DriftCause.ORDER_UNKNOWN_TO_US, subject, "no such order",
                    "open: " + v.symbol() + " " + side(v.side()) + " " + v.leavesQty().toPlainString() + " @ " +
                    plain(v.price()) + " (venue order " + v.venueOrderId() + ")", v.leavesQty(), false));
                continue;
            }
            openAtVenue.add(o.orderId());
            if (o.pending())
            {
                continue; // a cancel or replace in flight: its answer settles the order
            }
            final BigDecimal ourCum = o.cumQty();
            final BigDecimal ourQty = o.orderQty();
            if (o.status().isTerminal())
            {
                differences.add(Difference.of(venueId, DriftCause.ORDER_MISMATCH, o.orderId(), o.status().name(),
                    "open, cum " + v.cumQty().toPlainString() + " leaves " + v.leavesQty().toPlainString(),
                    v.leavesQty(), false));
            }
            else if (v.cumQty().compareTo(ourCum) > 0)
            {
                missingFills.merge(o.orderId(), Difference.of(venueId, DriftCause.MISSING_FILL, o.orderId(),
                    "cum " + ourCum.toPlainString(), "cum " + v.cumQty().toPlainString(), v.cumQty().subtract(ourCum),
                    false), (a, b) -> a);
            }
            else if (v.cumQty().compareTo(ourCum) < 0)
            {
                differences.add(Difference.of(venueId, DriftCause.EXTRA_FILL, o.orderId(), "cum " + ourCum.toPlainString(),
                    "cum " + v.cumQty().toPlainString(), ourCum.subtract(v.cumQty()), false));
            }
            else if (v.orderQty().signum() > 0 && v.orderQty().compareTo(ourQty) != 0)
            {
                differences.add(Difference.of(venueId, DriftCause.ORDER_MISMATCH, o.orderId(),
                    "qty " + ourQty.toPlainString(), "qty " + v.orderQty().toPlainString(),
                    v.orderQty().subtract(ourQty).abs(), false));
            }
        }

        for (final OurOrder o : ours.orders())
        {
            if (o.status().isTerminal() || o.status() == OrdStatus.PENDING_NEW || o.pending() ||
                openAtVenue.contains(o.orderId()) || missingFills.containsKey(o.orderId()) ||
                o.updatedNanos() >= view.askedAtNanos())
            {
                continue;
            }
            differences.add(Difference.of(venueId, DriftCause.ORDER_UNKNOWN_TO_VENUE, o.orderId(),
                o.status().name() + ", leaves " + o.leavesQty().toPlainString(), "not open", o.leavesQty(), false));
        }
        differences.addAll(missingFills.values());

        for (final FillView f : ours.unknownFills())
        {
            differences.add(Difference.of(venueId, DriftCause.UNKNOWN_ORDER_FILL, "trade " + f.venueTradeId(),
                "recorded for no order (venue order " + f.venueOrderId() + ")",
                f.symbol() + " " + f.side() + " " + f.qty().toPlainString() + " @ " + f.price().toPlainString(),
                f.qty(), true));
        }

        if (view.balancesAsked())
        {
            holdings(view, ours, holdingKind, baselines, rawHoldings, differences);
        }
        return differences;
    }

    private static void holdings(
        final VenueView view, final OurSide ours, final HoldingKind kind, final Map<String, BigDecimal> baselines,
        final Map<String, BigDecimal> rawHoldings, final List<Difference> differences)
    {
        final Map<String, BigDecimal> venue = new TreeMap<>();
        if (kind == HoldingKind.BALANCES)
        {
            view.balances().forEach(b -> venue.merge(b.asset(), b.total(), BigDecimal::add));
        }
        else
        {
            view.positions().forEach(p -> venue.merge(p.symbol(), p.net(), BigDecimal::add));
        }
        final Set<String> subjects = new HashSet<>(venue.keySet());
        subjects.addAll(ours.holdings().keySet());
        for (final String subject : subjects)
        {
            final BigDecimal theirs = venue.getOrDefault(subject, BigDecimal.ZERO);
            final BigDecimal mine = ours.holdings().getOrDefault(subject, BigDecimal.ZERO);
            final BigDecimal raw = theirs.subtract(mine);
            rawHoldings.put(subject, raw);
            final BigDecimal baseline = baselines.get(subject);
            if (baseline != null && raw.compareTo(baseline) != 0)
            {
                final BigDecimal moved = raw.subtract(baseline);
                differences.add(Difference.of(view.venueId(),
                    kind == HoldingKind.BALANCES ? DriftCause.BALANCE_MOVED : DriftCause.POSITION_MISMATCH, subject,
                    kind.word + " by our fills " + mine.toPlainString() + " (+ baseline " + baseline.toPlainString() + ")",
                    kind.word + " " + theirs.toPlainString(), moved, false));
            }
        }
    }

    private static OurOrder find(
        final Map<String, OurOrder> byOrderId, final Map<String, OurOrder> byVenueOrderId,
        final String clOrdId, final String venueOrderId)
    {
        final OurOrder o = clOrdId.isEmpty() ? null : byOrderId.get(OurOrder.orderIdOf(clOrdId));
        return o != null ? o : venueOrderId.isEmpty() ? null : byVenueOrderId.get(venueOrderId);
    }

    private static Difference addUp(final Difference a, final Difference b)
    {
        return new Difference(a.key(), a.venueId(), a.cause(), a.subject(), a.ours(), a.venue() + ", " + b.venue(),
            a.amount().add(b.amount()), a.immediate() || b.immediate());
    }

    private static String side(final char side)
    {
        return side == '1' ? "BUY" : side == '2' ? "SELL" : String.valueOf(side);
    }

    private static String plain(final BigDecimal value)
    {
        return value == null ? "market" : value.toPlainString();
    }
}
