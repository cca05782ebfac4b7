package io.meridian.positions.store;

import io.meridian.positions.store.StoreViews.BalanceView;
import io.meridian.positions.store.StoreViews.FillView;
import io.meridian.positions.store.StoreViews.PositionDetail;
import io.meridian.positions.store.StoreViews.PositionView;
import io.meridian.positions.store.StoreViews.ReportView;
import io.meridian.positions.store.StoreViews.VenueOrderView;
import net.openhft.chronicle.algo.hashing.LongHashFunction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@link SharedStore} from any thread (admin, reconciliation, risk's cold path) or
 * another process, without involving the sequencer: each entry is read under its segment's read
 * lock, so a record is never seen half-written; a listing is not one atomic snapshot of all maps.
 * Allocates (it is not on the hot path).
 */
public final class StoreReader
{
    private static final LongHashFunction HASH = LongHashFunction.xx_r39();

    private final SharedStore store;

    public StoreReader(final SharedStore store)
    {
        this.store = store;
    }

    /** Every position, over all venues first then per venue, by account and symbol. */
    public List<PositionView> positions()
    {
        final List<PositionView> list = new ArrayList<>();
        store.positions().forEachEntry(e -> list.add(PositionView.of(e.value().get())));
        list.sort(Comparator.comparing(PositionView::account).thenComparing(PositionView::symbol)
            .thenComparing(p -> p.venueId() == null ? -1 : p.venueId()));
        return list;
    }

    /** Receives one position over all venues: net quantity scaled by the instrument's qtyScale. */
    @FunctionalInterface
    public interface TotalPositionConsumer
    {
        void position(String account, int instrumentId, long netQty);
    }

    /** Every position over all venues, as stored (no decimals, no sorting): for readers that compute on them. */
    public void forEachTotalPosition(final TotalPositionConsumer consumer)
    {
        store.positions().forEachEntry(e ->
        {
            final PositionRecord r = e.value().get();
            if (r.venueId == PositionRecord.ALL_VENUES)
            {
                consumer.position(r.account.toString(), r.instrumentId, r.netQty);
            }
        });
    }

    /** The position of an account in a symbol over all venues, its venue parts and the fills that built it. */
    public Optional<PositionDetail> position(final String account, final String symbol)
    {
        PositionView total = null;
        final List<PositionView> venues = new ArrayList<>();
        for (final PositionView p : positions())
        {
            if (p.account().equals(account) && p.symbol().equals(symbol))
            {
                if (p.venueId() == null)
                {
                    total = p;
                }
                else
                {
                    venues.add(p);
                }
            }
        }
        if (total == null)
        {
            return Optional.empty();
        }
        final List<FillView> fills = new ArrayList<>();
        store.fills().forEachEntry(e ->
        {
            final FillRecord f = e.value().get();
            if (f.known() && f.account.toString().equals(account) && f.symbol.toString().equals(symbol))
            {
                fills.add(FillView.of(f));
            }
        });
        fills.sort(Comparator.comparingLong(FillView::sequence));
        return Optional.of(new PositionDetail(total, venues, fills));
    }

    /**
     * Ledger fills, by sequence.
     *
     * @param orderId         only this order's fills when not null.
     * @param venueId         only this venue's when not null.
     * @param sinceNanos      only fills received at or after this epoch-nanos time.
     * @param unknownOnly     only fills for orders Meridian does not know.
     */
    public List<FillView> fills(final String orderId, final Integer venueId, final long sinceNanos, final boolean unknownOnly)
    {
        final List<FillView> fills = new ArrayList<>();
        store.fills().forEachEntry(e ->
        {
            final FillRecord f = e.value().get();
            if ((orderId == null || f.orderId.toString().equals(orderId)) &&
                (venueId == null || f.venueId == venueId) &&
                f.receivedNanos >= sinceNanos &&
                (!unknownOnly || !f.known()))
            {
                fills.add(FillView.of(f));
            }
        });
        fills.sort(Comparator.comparingLong(FillView::sequence).thenComparing(FillView::venueTradeId));
        return fills;
    }

    public List<BalanceView> balances()
    {
        final List<BalanceView> list = new ArrayList<>();
        store.balances().forEachEntry(e -> list.add(BalanceView.of(e.value().get())));
        list.sort(Comparator.comparingInt(BalanceView::venueId).thenComparing(BalanceView::asset));
        return list;
    }

    public Optional<VenueOrderView> venueOrder(final String orderId)
    {
        final VenueOrderRecord r = store.venueOrders().get(orderId);
        return r == null ? Optional.empty() : Optional.of(VenueOrderView.of(r));
    }

    public List<VenueOrderView> venueOrders()
    {
        final List<VenueOrderView> list = new ArrayList<>();
        store.venueOrders().forEachEntry(e -> list.add(VenueOrderView.of(e.value().get())));
        list.sort(Comparator.comparing(VenueOrderView::orderId).thenComparing(VenueOrderView::venueClOrdId));
        return list;
    }

    /**
     * The ExecutionReports sent the client for an order, in the order sent (empty when none is recorded):
     * point reads of {@code OrderID|1}, {@code |2}, ... up to the first index not there. The history of an
     * order is a prefix of what was sent: it ends early only when the report map filled up.
     */
    public List<ReportView> reports(final String orderId)
    {
        final List<ReportView> list = new ArrayList<>();
        final ReportRecord using = new ReportRecord();
        final StringBuilder key = new StringBuilder(orderId.length() + 8);
        for (int index = 1; ; index++)
        {
            key.setLength(0);
            key.append(orderId).append('|').append(index);
            if (store.reports().getUsing(key, using) == null)
            {
                return list;
            }
            list.add(ReportView.of(using));
        }
    }

    public long reportCount()
    {
        return store.reports().longSize();
    }

    /** Whether the fill ledger holds this venue trade (execution) id. */
    public boolean hasFill(final int venueId, final String venueTradeId)
    {
        return store.fills().containsKey(venueId + "|" + venueTradeId);
    }

    /** Every order's current state, as stored: the record is reused between calls, copy what you keep. */
    public void forEachOrder(final java.util.function.Consumer<OrderRecord> consumer)
    {
        store.orders().forEachEntry(e -> consumer.accept(e.value().get()));
    }

    public Optional<OrderRecord> order(final String orderId)
    {
        return Optional.ofNullable(store.orders().get(orderId));
    }

    public long orderCount()
    {
        return store.orders().longSize();
    }

    public long fillCount()
    {
        return store.fills().longSize();
    }

    /**
     * Hash over the bytes of every entry of every map (orders, fills, positions, balances, venue
     * views, reports), independent of iteration order: a store rebuilt from the same journal hashes the same.
     */
    public long stateHash()
    {
        long h = 0;
        h = h * 31 + mapHash(store.orders());
        h = h * 31 + mapHash(store.fills());
        h = h * 31 + mapHash(store.positions());
        h = h * 31 + mapHash(store.balances());
        h = h * 31 + mapHash(store.venueOrders());
        h = h * 31 + mapHash(store.reports());
        return h;
    }

    private static long mapHash(final net.openhft.chronicle.map.ChronicleMap<CharSequence, ?> map)
    {
        final long[] sum = {map.longSize()};
        map.forEachEntry(e ->
        {
            long x = e.key().hash(HASH) * 0x9E3779B97F4A7C15L ^ e.value().hash(HASH);
            x ^= x >>> 29;
            sum[0] += x * 0xBF58476D1CE4E5B9L;
        });
        return sum[0];
    }
}
