package io.meridian.positions.store;

import java.math.BigDecimal;
import java.util.List;

/** Immutable, JSON-friendly copies of store records, made by {@link StoreReader} (amounts as decimals). */
public final class StoreViews
{
    private StoreViews()
    {
    }

    /**
     * A position; {@code venueId} null for the position over all venues. {@code avgCost} is the
     * average cost of the open quantity, {@code openCost} its total, {@code realisedPnl} the profit
     * taken by reducing it (both in the instrument's quote currency).
     */
    public record PositionView(
        String account, Integer venueId, int instrumentId, String symbol, BigDecimal netQty, BigDecimal avgCost,
        BigDecimal openCost, BigDecimal realisedPnl, BigDecimal boughtQty, BigDecimal soldQty, long fills,
        long updatedNanos, long lastSequence)
    {
        static PositionView of(final PositionRecord r)
        {
            final int notionalScale = r.priceScale + r.qtyScale;
            return new PositionView(
                r.account.toString(), r.venueId == PositionRecord.ALL_VENUES ? null : r.venueId, r.instrumentId,
                r.symbol.toString(), BigDecimal.valueOf(r.netQty, r.qtyScale), BigDecimal.valueOf(r.avgCost(), r.priceScale),
                BigDecimal.valueOf(r.openCost, notionalScale), BigDecimal.valueOf(r.realisedPnl, notionalScale),
                BigDecimal.valueOf(r.boughtQty, r.qtyScale), BigDecimal.valueOf(r.soldQty, r.qtyScale), r.fills,
                r.updatedNanos, r.lastSequence);
        }
    }

    /** One ledger fill; {@code orderId} empty and {@code known} false when the order is unknown to Meridian. */
    public record FillView(
        int venueId, String venueTradeId, String venueOrderId, String orderId, String venueClOrdId, String account,
        String symbol, String side, BigDecimal qty, BigDecimal price, BigDecimal fee, String feeAsset,
        long venueTimeNanos, long receivedNanos, long sequence, boolean known)
    {
        static FillView of(final FillRecord r)
        {
            return new FillView(
                r.venueId, r.venueTradeId.toString(), r.venueOrderId.toString(), r.orderId.toString(),
                r.venueClOrdId.toString(), r.account.toString(), r.symbol.toString(), sideName(r.side),
                BigDecimal.valueOf(r.qty, r.qtyScale), BigDecimal.valueOf(r.price, r.priceScale),
                BigDecimal.valueOf(r.fee, r.feeScale), r.feeAsset.toString(), r.venueTimeNanos, r.receivedNanos,
                r.sequence, r.known());
        }
    }

    /**
     * A venue balance: as implied by our fills and, when the venue reported one, as reported
     * ({@code reported} and {@code difference} null until then).
     */
    public record BalanceView(
        int venueId, String asset, BigDecimal implied, long impliedUpdatedNanos, long fills, BigDecimal reported,
        long reportedNanos, BigDecimal difference)
    {
        static BalanceView of(final BalanceRecord r)
        {
            final boolean hasReport = r.reportedNanos > 0;
            return new BalanceView(
                r.venueId, r.asset.toString(), BigDecimal.valueOf(r.implied, BalanceRecord.SCALE), r.impliedUpdatedNanos,
                r.fills, hasReport ? BigDecimal.valueOf(r.reported, BalanceRecord.SCALE) : null, r.reportedNanos,
                hasReport ? BigDecimal.valueOf(r.reported - r.implied, BalanceRecord.SCALE) : null);
        }
    }

    /** A position over all venues, its per-venue parts, and the ledger fills that built it (by sequence). */
    public record PositionDetail(PositionView position, List<PositionView> venues, List<FillView> fills)
    {
    }

    /** The venue's last reported view of an order. */
    public record VenueOrderView(
        int venueId, String orderId, String venueClOrdId, String venueOrderId, String execType, String ordStatus,
        long cumQty, long leavesQty, long venueTimeNanos, long receivedNanos, long reports)
    {
        static VenueOrderView of(final VenueOrderRecord r)
        {
            return new VenueOrderView(
                r.venueId, r.orderId.toString(), r.venueClOrdId.toString(), r.venueOrderId.toString(),
                r.execType == 0 ? "" : String.valueOf(r.execType), r.ordStatus == 0 ? "" : String.valueOf(r.ordStatus),
                r.cumQty, r.leavesQty, r.venueTimeNanos, r.receivedNanos, r.reports);
        }
    }

    /**
     * One ExecutionReport sent the client for an order, as recorded: {@code execType}, {@code ordStatus} and
     * {@code side} as FIX codes, {@code price} null for a market order, {@code lastMkt}, {@code rejectReason}
     * and {@code text} empty when the report had none.
     */
    public record ReportView(
        int index, String orderId, String execId, String clOrdId, String origClOrdId, String execType,
        String ordStatus, String side, BigDecimal orderQty, BigDecimal price, BigDecimal lastQty, BigDecimal lastPx,
        BigDecimal cumQty, BigDecimal leavesQty, BigDecimal avgPx, int venueId, String lastMkt, String rejectReason,
        String text, long transactTimeNanos, long sequence)
    {
        static ReportView of(final ReportRecord r)
        {
            return new ReportView(
                r.index, r.orderId.toString(), r.execId.toString(), r.clOrdId.toString(), r.origClOrdId.toString(),
                code(r.execType), code(r.ordStatus), code(r.side), BigDecimal.valueOf(r.orderQty, r.qtyScale),
                r.price == 0 ? null : BigDecimal.valueOf(r.price, r.priceScale), BigDecimal.valueOf(r.lastQty, r.qtyScale),
                BigDecimal.valueOf(r.lastPx, r.priceScale), BigDecimal.valueOf(r.cumQty, r.qtyScale),
                BigDecimal.valueOf(r.leavesQty, r.qtyScale), BigDecimal.valueOf(r.avgPx, r.priceScale), r.venueId,
                r.lastMkt.toString(), r.rejectReason.toString(), r.text.toString(), r.transactTimeNanos, r.sequence);
        }

        private static String code(final char c)
        {
            return c == 0 ? "" : String.valueOf(c);
        }
    }

    static String sideName(final char side)
    {
        switch (side)
        {
            case '1': return "BUY";
            case '2': return "SELL";
            case '5': return "SELL_SHORT";
            default: return "";
        }
    }
}
