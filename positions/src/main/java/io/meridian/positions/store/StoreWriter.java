package io.meridian.positions.store;

import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.OrderStateListener;
import io.meridian.oms.api.OrderView;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.Side;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.IntFunction;

/**
 * The only writer of the {@link SharedStore}, driven by the OMS on the sequencer thread: order
 * states, the fill ledger (deduplicated by venue and venue trade id), positions per (account,
 * venue, instrument) and per (account, instrument), balances implied by fills, and the venue's last
 * view of each order, and every ExecutionReport sent the client (each order's report history). Keys
 * and values are reused flyweights: a write does not allocate in steady state. Every timestamp it stores comes from the journaled input, so a replay writes the same
 * bytes.
 * <p>
 * Exactly once over a kept store: inputs up to {@link SharedStore#resumeAfter()} are skipped; past it,
 * every record that accumulates (a position, an implied balance, a venue order's report count) carries
 * the stamp of the input and call that last changed it, and a call whose stamp is not newer is not
 * applied again. That completes an input a killed writer had half applied. A report needs no stamp: it is
 * keyed by its order and its index there, so a replay writes the same entry again.
 */
public final class StoreWriter implements OrderStateListener
{
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);
    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private final SharedStore store;
    private final String defaultQuoteAsset;
    private final StringBuilder key = new StringBuilder(96);
    private final OrderRecord order = new OrderRecord();
    private final FillRecord fill = new FillRecord();
    private final PositionRecord position = new PositionRecord();
    private final BalanceRecord balance = new BalanceRecord();
    private final VenueOrderRecord venueOrder = new VenueOrderRecord();
    private final ReportRecord report = new ReportRecord();
    private final long reportCapacity;
    /** entries of the reports map (only this writer adds any, none is removed) */
    private long reportEntries;

    private IntFunction<String> clientAccount = clientId -> "";
    private final long resumeAfter;
    /** input sequence << 24 | call index << 2 (two bits for the records one call changes); 0 unknown */
    private long stamp;
    private boolean skip;
    /** the journal sequence of the input being applied */
    private long inputSequence;
    private Runnable afterEachWrite;
    private volatile long fillsRecorded;
    private volatile long duplicateFills;
    private volatile long unknownOrderFills;
    private volatile long reportsRecorded;
    private volatile long reportsDropped;

    public StoreWriter(final SharedStore store)
    {
        this.store = store;
        this.defaultQuoteAsset = store.defaultQuoteAsset();
        this.resumeAfter = store.resumeAfter();
        this.reportCapacity = store.reportCapacity();
        this.reportEntries = store.reports().longSize();
        if (reportEntries >= reportCapacity)
        {
            LOG.warn("event=store_reports_full entries={} capacity={}: new ExecutionReports are not recorded in {}",
                reportEntries, reportCapacity, SharedStore.REPORTS);
        }
    }

    /**
     * The account positions are booked to for an order without an Account (1), per client id (e.g.
     * the client's CompID); must return the same String instance each time (no allocation).
     */
    public StoreWriter clientAccount(final IntFunction<String> clientAccount)
    {
        this.clientAccount = clientAccount;
        return this;
    }

    public SharedStore store()
    {
        return store;
    }

    public void onInput(final long sequence, final int index)
    {
        skip = sequence <= resumeAfter;
        inputSequence = sequence;
        stamp = sequence << 24 | (long)index << 2;
    }

    public void onAppliedThrough(final long sequence)
    {
        store.appliedThrough(sequence);
    }

    public void onOrderUpdated(final OrderView o)
    {
        if (skip)
        {
            return;
        }
        put(store.orders(), orderKey(o.orderId()), order.set(o));
    }

    /**
     * Records one ExecutionReport sent the client under {@code OrderID|index}. Over a kept store a replayed
     * report rewrites its entry with the same bytes (exactly once without a stamp). Once the map holds
     * {@link StoreConfig#reports()} entries a new report is dropped (counted in {@link #reportsDropped()},
     * logged at the first): never an exception or a wait on the sequencer, and, since entries are only
     * added, an order's history in the store is always a prefix of what was sent.
     */
    @Override
    public void onClientReport(final OrderView o, final ExecutionReport r, final int index)
    {
        if (skip)
        {
            return;
        }
        key.setLength(0);
        key.append(r.orderId).append('|').append(index);
        report.set(r, o == null ? -1 : o.venueId(), index, inputSequence);
        final int written = insertOrReplace(store.reports(), key, report, reportEntries < reportCapacity);
        if (written == REFUSED)
        {
            if (reportsDropped++ == 0)
            {
                LOG.warn("event=store_reports_full entries={} capacity={}: new ExecutionReports are not recorded in {} " +
                    "(meridian_store_reports_dropped counts them)", reportEntries, reportCapacity, SharedStore.REPORTS);
            }
            return;
        }
        if (written == INSERTED)
        {
            reportEntries++;
            reportsRecorded++;
        }
        if (afterEachWrite != null)
        {
            afterEachWrite.run();
        }
    }

    /** True when the record stamped {@code recordStamp} already holds the current call's change. */
    private boolean applied(final long recordStamp, final int part)
    {
        return stamp != 0 && recordStamp >= stamp + part;
    }

    public void onVenueReport(final OrderView o, final VenueExecution e)
    {
        if (skip)
        {
            return;
        }
        if (o != null)
        {
            orderKey(o.orderId());
        }
        else
        {
            unknownVenueOrderKey(e.venueId, e.clOrdId);
        }
        final VenueOrderRecord r = venueOrder;
        final boolean known = store.venueOrders().getUsing(key, r) != null;
        if (known && applied(r.stamp, 0))
        {
            return;
        }
        final long reports = known ? r.reports : 0;
        r.stamp = stamp;
        r.venueId = e.venueId;
        StoreRecord.set(r.orderId, o == null ? "" : o.orderId());
        StoreRecord.set(r.venueClOrdId, e.clOrdId);
        StoreRecord.set(r.venueOrderId, e.venueOrderId);
        r.execType = e.execType == null ? 0 : e.execType.fixValue();
        r.ordStatus = e.ordStatus == null ? 0 : e.ordStatus.fixValue();
        r.cumQty = e.cumQty;
        r.leavesQty = e.leavesQty;
        r.lastQty = e.lastQty;
        r.lastPx = e.lastPx;
        r.venueTimeNanos = e.venueTimeNanos;
        r.receivedNanos = e.receivedNanos;
        r.reports = reports + 1;
        put(store.venueOrders(), key, r);
    }

    public void onFill(final OrderView o, final VenueExecution e, final long sequence)
    {
        if (skip)
        {
            return;
        }
        fillKey(e.venueId, e.venueExecId);
        final FillRecord f = fill;
        if (store.fills().getUsing(key, f) != null)
        {
            if (stamp == 0 || f.sequence != sequence)
            {
                duplicateFills++;
                return;
            }
            // this very input, half applied by a writer that was killed: complete positions and balances
            applyToPositions(o, e, sequence);
            return;
        }
        final Instrument instrument = o == null ? null : o.instrument();
        f.venueId = e.venueId;
        StoreRecord.set(f.venueTradeId, e.venueExecId);
        StoreRecord.set(f.venueOrderId, e.venueOrderId);
        StoreRecord.set(f.orderId, o == null ? "" : o.orderId());
        StoreRecord.set(f.venueClOrdId, e.clOrdId);
        final String account = o == null ? "" : account(o);
        StoreRecord.set(f.account, account);
        f.instrumentId = instrument == null ? -1 : instrument.id();
        StoreRecord.set(f.symbol, o == null ? "" : o.symbol());
        f.side = o == null || o.side() == null ? 0 : o.side().fixValue();
        f.priceScale = instrument == null ? 0 : instrument.priceScale();
        f.qtyScale = instrument == null ? 0 : instrument.qtyScale();
        f.qty = e.lastQty;
        f.price = e.lastPx;
        f.fee = e.fee;
        f.feeScale = e.feeScale;
        StoreRecord.set(f.feeAsset, e.feeAsset);
        f.venueTimeNanos = e.venueTimeNanos;
        f.receivedNanos = e.receivedNanos;
        f.sequence = sequence;
        put(store.fills(), key, f);
        fillsRecorded++;
        applyToPositions(o, e, sequence);
    }

    private void applyToPositions(final OrderView o, final VenueExecution e, final long sequence)
    {
        final Instrument instrument = o == null ? null : o.instrument();
        if (instrument == null || o.side() == null)
        {
            unknownOrderFills++;
            return;
        }
        final String account = account(o);
        final boolean buy = o.side() == Side.BUY;
        applyPosition(account, o.venueId(), instrument, buy, e.lastQty, e.lastPx, e.receivedNanos, sequence);
        applyPosition(account, PositionRecord.ALL_VENUES, instrument, buy, e.lastQty, e.lastPx, e.receivedNanos,
            sequence);
        applyBalances(o.venueId(), instrument, buy, e);
    }

    /**
     * Records a balance the venue reported (reconciliation); sequencer thread only.
     *
     * @param amount scaled by {@link BalanceRecord#SCALE}.
     */
    @Override
    public void onReportedBalance(final int venueId, final CharSequence asset, final long amount, final long nowNanos)
    {
        if (skip)
        {
            return;
        }
        balanceKey(venueId, asset, 0, asset.length());
        final BalanceRecord b = balance;
        if (store.balances().getUsing(key, b) == null)
        {
            b.init(venueId, asset);
        }
        b.reported = amount;
        b.reportedNanos = nowNanos;
        put(store.balances(), key, b);
    }

    public long fillsRecorded()
    {
        return fillsRecorded;
    }

    public long duplicateFills()
    {
        return duplicateFills;
    }

    public long unknownOrderFills()
    {
        return unknownOrderFills;
    }

    /** ExecutionReports added to the report history (not counting a replay's rewrites). */
    public long reportsRecorded()
    {
        return reportsRecorded;
    }

    /** ExecutionReports not recorded because the report history was full. */
    public long reportsDropped()
    {
        return reportsDropped;
    }

    private String account(final OrderView o)
    {
        final String account = o.account();
        return account.isEmpty() ? clientAccount.apply(o.clientId()) : account;
    }

    private void applyPosition(
        final String account, final int venueId, final Instrument instrument, final boolean buy, final long qty,
        final long price, final long nowNanos, final long sequence)
    {
        positionKey(account, venueId, instrument.id());
        final PositionRecord p = position;
        if (store.positions().getUsing(key, p) == null)
        {
            p.init(account, venueId, instrument.id(), instrument.symbol(), instrument.priceScale(),
                instrument.qtyScale());
        }
        else if (applied(p.stamp, 0))
        {
            return;
        }
        p.apply(buy, qty, price, nowNanos, sequence);
        p.stamp = stamp;
        put(store.positions(), key, p);
    }

    private void applyBalances(final int venueId, final Instrument instrument, final boolean buy, final VenueExecution e)
    {
        final String symbol = instrument.symbol();
        int separator = -1;
        for (int i = 0, n = symbol.length(); i < n; i++)
        {
            final char c = symbol.charAt(i);
            if (c == '-' || c == '/')
            {
                separator = i;
                break;
            }
        }
        final long baseDelta = rescale(e.lastQty, instrument.qtyScale(), BalanceRecord.SCALE);
        final long quoteDelta = rescale(
            Math.multiplyExact(e.lastQty, e.lastPx), instrument.priceScale() + instrument.qtyScale(), BalanceRecord.SCALE);
        final int baseEnd = separator < 0 ? symbol.length() : separator;
        addImplied(venueId, symbol, 0, baseEnd, buy ? baseDelta : -baseDelta, e.receivedNanos, 0);
        if (separator < 0)
        {
            addImplied(venueId, defaultQuoteAsset, 0, defaultQuoteAsset.length(), buy ? -quoteDelta : quoteDelta,
                e.receivedNanos, 1);
        }
        else
        {
            addImplied(venueId, symbol, separator + 1, symbol.length(), buy ? -quoteDelta : quoteDelta,
                e.receivedNanos, 1);
        }
        if (e.fee != 0 && e.feeAsset.length() > 0)
        {
            addImplied(venueId, e.feeAsset, 0, e.feeAsset.length(), -rescale(e.fee, e.feeScale, BalanceRecord.SCALE),
                e.receivedNanos, 2);
        }
    }

    /** @param part which of the fill's balance changes this is (the fee may fall on the quote asset's record) */
    private void addImplied(
        final int venueId, final CharSequence assetSource, final int start, final int end, final long delta,
        final long nowNanos, final int part)
    {
        balanceKey(venueId, assetSource, start, end);
        final BalanceRecord b = balance;
        if (store.balances().getUsing(key, b) == null)
        {
            b.init(venueId, "");
            b.asset.append(assetSource, start, end);
        }
        else if (applied(b.impliedStamp, part))
        {
            return;
        }
        b.impliedStamp = stamp + part;
        b.implied += delta;
        b.impliedUpdatedNanos = nowNanos;
        b.fills++;
        put(store.balances(), key, b);
    }

    /** value at {@code from} decimals to {@code to} decimals, half-even when digits are dropped */
    static long rescale(final long value, final int from, final int to)
    {
        if (from == to)
        {
            return value;
        }
        if (from < to)
        {
            return Math.multiplyExact(value, POWERS_OF_TEN[to - from]);
        }
        return PositionRecord.mulDivHalfEven(value, 1, POWERS_OF_TEN[from - to]);
    }

    private StringBuilder orderKey(final CharSequence orderId)
    {
        key.setLength(0);
        key.append(orderId);
        return key;
    }

    private void unknownVenueOrderKey(final int venueId, final CharSequence venueClOrdId)
    {
        key.setLength(0);
        key.append('?').append(venueId).append('|').append(venueClOrdId);
    }

    private void fillKey(final int venueId, final CharSequence venueTradeId)
    {
        key.setLength(0);
        key.append(venueId).append('|').append(venueTradeId);
    }

    private void positionKey(final CharSequence account, final int venueId, final int instrumentId)
    {
        key.setLength(0);
        key.append(account).append('|');
        if (venueId == PositionRecord.ALL_VENUES)
        {
            key.append('*');
        }
        else
        {
            key.append(venueId);
        }
        key.append('|').append(instrumentId);
    }

    private void balanceKey(final int venueId, final CharSequence asset, final int start, final int end)
    {
        key.setLength(0);
        key.append(venueId).append('|').append(asset, start, end);
    }

    /** Tests: runs after every map write, to stop the writer between any two writes as a kill would. */
    void afterEachWrite(final Runnable action)
    {
        afterEachWrite = action;
    }

    /** Insert or replace without reading the previous value back (ChronicleMap.put would deserialize it). */
    private <V> void put(final ChronicleMap<CharSequence, V> map, final CharSequence key, final V value)
    {
        write(map, key, value);
        if (afterEachWrite != null)
        {
            afterEachWrite.run();
        }
    }

    private static <V> void write(final ChronicleMap<CharSequence, V> map, final CharSequence key, final V value)
    {
        insertOrReplace(map, key, value, true);
    }

    private static final int REFUSED = 0;
    private static final int INSERTED = 1;
    private static final int REPLACED = 2;

    /** @param mayInsert false: only an existing entry is replaced, a new key is {@link #REFUSED}. */
    private static <V> int insertOrReplace(
        final ChronicleMap<CharSequence, V> map, final CharSequence key, final V value, final boolean mayInsert)
    {
        try (ExternalMapQueryContext<CharSequence, V, ?> c = map.queryContext(key))
        {
            c.updateLock().lock();
            final MapEntry<CharSequence, V> entry = c.entry();
            if (entry != null)
            {
                c.replaceValue(entry, c.wrapValueAsData(value));
                return REPLACED;
            }
            if (!mayInsert)
            {
                return REFUSED;
            }
            c.insert(c.absentEntry(), c.wrapValueAsData(value));
            return INSERTED;
        }
    }
}
