package io.meridian.risk;

import io.meridian.oms.api.PreTradeCheck;
import io.meridian.oms.api.PreTradeRequest;
import io.meridian.oms.api.TopOfBook;
import io.meridian.oms.api.TopOfBooks;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * The pre-trade gate on the sequencer thread. Limits come from each {@link Instrument}; the
 * reference price starts at the instrument's and follows the last trade. Checks, in order:
 * <ol>
 * <li>side and order type present ({@code MISSING_FIELD})</li>
 * <li>qty &gt; 0 ({@code QTY_NOT_POSITIVE}), qty &lt;= maxOrderQty ({@code QTY_EXCEEDS_MAX})</li>
 * <li>limit orders: price != 0 ({@code PRICE_MISSING}), price &gt; 0 ({@code PRICE_NOT_POSITIVE})</li>
 * <li>limit orders with collarBps &gt; 0 and a reference price:
 *     |price - ref| * 10000 &lt;= collarBps * ref ({@code PRICE_OUTSIDE_COLLAR})</li>
 * <li>notional = qty * (limit price, or reference price for market orders) / 10^(qtyScale + priceScale),
 *     truncated to whole price units, &lt;= maxNotional ({@code NOTIONAL_EXCEEDS_MAX}); a market order
 *     without reference price is rejected ({@code NO_REFERENCE_PRICE})</li>
 * </ol>
 * Then, for a {@link PreTradeRequest}, the limits of each scope the order belongs to, the firm, its FIX
 * session and its account when that has limits ({@link RiskScope#check}): order rate, open orders, order
 * quantity and notional, position counting open orders at worst case, and for risk-increasing orders
 * the daily loss and the exposure engine's lease. The sequencer tells the gate of every open-quantity
 * change and fill, live and in replay, so the exposure is rebuilt at start.
 * <p>
 * Arithmetic is exact over 128 bits (no allocation), also for maxNotional == Long.MAX_VALUE (no limit
 * configured); only qtyScale + priceScale &gt; 18, which configuration refuses, falls back to BigInteger.
 * Single-threaded, like the sequencer.
 */
public final class HotRiskGate implements PreTradeCheck
{
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

    private final long[] referencePrices;
    private final double[] divisor;
    /**
     * referencePrices[i] / divisor[i], kept with each reference change: the scopes mark every open order and
     * position to it on each check, and a division per instrument per scope was a third of the gate's cost
     */
    private final double[] unitMarks;
    private final RiskScope firm;
    private final RiskScope[] sessions;
    private final RiskScope[] accounts;
    private final AccountTable accountIds;
    private final List<RiskScope> scopes;
    private final TopOfBook top = new TopOfBook();
    /** whether the last {@link #refreshReference} could read {@link #top} (the book of the order being checked) */
    private boolean topRead;
    private TopOfBooks books = TopOfBooks.NONE;
    private boolean[] marketDataRequired;
    private long marketDataStaleMs;

    /** A gate with the instruments' limits only. */
    public HotRiskGate(final InstrumentRegistry instruments)
    {
        this(instruments, RiskConfig.none(instruments.size(), List.of()));
    }

    public HotRiskGate(final InstrumentRegistry instruments, final RiskConfig config)
    {
        final int n = instruments.size();
        referencePrices = new long[n];
        unitMarks = new double[n];
        divisor = new double[n];
        for (int i = 0; i < n; i++)
        {
            final Instrument instrument = instruments.byId(i);
            divisor[i] = Math.pow(10, instrument.qtyScale() + instrument.priceScale());
            mark(i, instrument.referencePrice());
        }
        final long dayStart = config.dayStartOffsetNanos();
        firm = new RiskScope(RiskScope.Kind.FIRM, "firm", divisor, sized(config.firm(), n), dayStart);
        final List<RiskScope> all = new ArrayList<>();
        all.add(firm);
        sessions = new RiskScope[config.sessions().size()];
        for (int c = 0; c < sessions.length; c++)
        {
            final String name = config.sessions().get(c);
            sessions[c] = new RiskScope(RiskScope.Kind.SESSION, name, divisor,
                sized(config.sessionLimits().getOrDefault(name, RiskLimits.none(n)), n), dayStart);
            all.add(sessions[c]);
        }
        final TreeMap<String, RiskLimits> sortedAccounts = new TreeMap<>(config.accounts());
        accounts = new RiskScope[sortedAccounts.size()];
        accountIds = new AccountTable(sortedAccounts.size());
        int a = 0;
        for (final var e : sortedAccounts.entrySet())
        {
            accounts[a] = new RiskScope(RiskScope.Kind.ACCOUNT, e.getKey(), divisor, sized(e.getValue(), n), dayStart);
            accountIds.put(e.getKey(), a);
            all.add(accounts[a]);
            a++;
        }
        scopes = Collections.unmodifiableList(all);
    }

    private static RiskLimits sized(final RiskLimits limits, final int instrumentCount)
    {
        if (limits.instrumentCount() != instrumentCount)
        {
            throw new IllegalArgumentException(
                "limits for " + limits.instrumentCount() + " instruments, configured " + instrumentCount);
        }
        return limits;
    }

    /**
     * Reads the top of each instrument's book: where it is in sync with both sides, its mid is the
     * reference price (collar, market order notional, marks). Set before the sequencer runs.
     */
    public void marketData(final TopOfBooks books)
    {
        this.books = books;
    }

    /**
     * Fail closed on a dead feed: new orders for an instrument whose book is published by a market data
     * feed are refused ({@code MARKET_DATA_STALE}) while its book is out of sync or has not been updated
     * for {@code staleMs}. Set before the sequencer runs; {@code staleMs} 0 turns it off.
     */
    public void requireMarketData(final boolean[] byInstrument, final long staleMs)
    {
        if (byInstrument.length != referencePrices.length)
        {
            throw new IllegalArgumentException("one flag per instrument");
        }
        marketDataRequired = byInstrument.clone();
        marketDataStaleMs = staleMs;
    }

    @Override
    public OrderRejectReason check(final PreTradeRequest r)
    {
        OrderRejectReason reason = check(r.instrument, r.side, r.ordType, r.qty, r.price);
        if (reason != OrderRejectReason.NONE)
        {
            return reason;
        }
        // the instrument checks accepted the order, so they read its book (refreshReference): use that copy
        if (marketDataStaleMs > 0 && marketDataRequired[r.instrument.id()] && marketDataStale(r))
        {
            return OrderRejectReason.MARKET_DATA_STALE;
        }
        if (r.routedChild)
        {
            // the parent passed the firm, session and account limits; its children are not counted twice
            return OrderRejectReason.NONE;
        }
        reason = firm.check(r, referencePrices, unitMarks);
        if (reason == OrderRejectReason.NONE && r.clientId >= 0 && r.clientId < sessions.length)
        {
            reason = sessions[r.clientId].check(r, referencePrices, unitMarks);
        }
        if (reason == OrderRejectReason.NONE && r.accountId >= 0 && r.accountId < accounts.length)
        {
            reason = accounts[r.accountId].check(r, referencePrices, unitMarks);
        }
        return reason;
    }

    @Override
    public int accountId(final CharSequence account)
    {
        return accountIds.get(account);
    }

    @Override
    public void onOpenQty(
        final int clientId, final int accountId, final Instrument instrument, final Side side, final long deltaQty,
        final int deltaOrders)
    {
        final int i = instrument.id();
        firm.onOpenQty(i, side, deltaQty, deltaOrders);
        if (clientId >= 0 && clientId < sessions.length)
        {
            sessions[clientId].onOpenQty(i, side, deltaQty, deltaOrders);
        }
        if (accountId >= 0 && accountId < accounts.length)
        {
            accounts[accountId].onOpenQty(i, side, deltaQty, deltaOrders);
        }
    }

    @Override
    public void onFill(
        final int clientId, final int accountId, final Instrument instrument, final Side side, final long qty,
        final long price, final long nowNanos)
    {
        final int i = instrument.id();
        firm.onFill(i, side, qty, price, nowNanos);
        if (clientId >= 0 && clientId < sessions.length)
        {
            sessions[clientId].onFill(i, side, qty, price, nowNanos);
        }
        if (accountId >= 0 && accountId < accounts.length)
        {
            accounts[accountId].onFill(i, side, qty, price, nowNanos);
        }
    }

    /** The accounts with limits of their own, by the gate's account id. */
    public List<String> accountNames()
    {
        final List<String> names = new ArrayList<>(accounts.length);
        for (final RiskScope account : accounts)
        {
            names.add(account.name());
        }
        return names;
    }

    /** Every scope: the firm first, then the sessions by client id, then the accounts by name. */
    public List<RiskScope> scopes()
    {
        return scopes;
    }

    /** @return the scope of that kind and name, or null. */
    public RiskScope scope(final RiskScope.Kind kind, final String name)
    {
        for (final RiskScope scope : scopes)
        {
            if (scope.kind() == kind && scope.name().equals(name))
            {
                return scope;
            }
        }
        return null;
    }

    /** Replaces a scope's limits (admin thread); the next order sees the new set. @return the previous set. */
    public RiskLimits limits(final RiskScope scope, final RiskLimits limits)
    {
        sized(limits, referencePrices.length);
        final RiskLimits previous = scope.limits;
        scope.limits = limits;
        return previous;
    }

    /** Installs the exposure engine's lease for a scope (any thread). */
    public void lease(final RiskScope scope, final ExposureLease lease)
    {
        scope.lease = lease;
    }

    /** @return qty x price of an instrument in quote units (double precision). */
    public double value(final int instrumentId, final long qty, final long price)
    {
        return qty * (price / divisor[instrumentId]);
    }

    /**
     * A copy of the reference prices by instrument id for other threads (a monitoring view: the last
     * references the sequencer used, overridden by the book's mid where market data is in sync now).
     */
    public long[] referencePrices()
    {
        final long[] copy = referencePrices.clone();
        final TopOfBook view = new TopOfBook();
        for (int i = 0; i < copy.length; i++)
        {
            final long mid = books.read(i, view) ? mid(view) : 0;
            if (mid > 0)
            {
                copy[i] = mid;
            }
        }
        return copy;
    }

    @Override
    public OrderRejectReason check(
        final Instrument instrument, final Side side, final OrdType ordType, final long qty, final long price)
    {
        if (side == null || ordType == null)
        {
            return OrderRejectReason.MISSING_FIELD;
        }
        if (qty <= 0)
        {
            return OrderRejectReason.QTY_NOT_POSITIVE;
        }
        if (qty > instrument.maxOrderQty())
        {
            return OrderRejectReason.QTY_EXCEEDS_MAX;
        }
        final long reference = refreshReference(instrument.id());
        final long notionalPrice;
        if (ordType == OrdType.LIMIT)
        {
            if (price == 0)
            {
                return OrderRejectReason.PRICE_MISSING;
            }
            if (price < 0)
            {
                return OrderRejectReason.PRICE_NOT_POSITIVE;
            }
            final int collarBps = instrument.collarBps();
            if (collarBps > 0 && reference > 0 &&
                compareProducts(Math.abs(price - reference), 10_000, collarBps, reference) > 0)
            {
                return OrderRejectReason.PRICE_OUTSIDE_COLLAR;
            }
            notionalPrice = price;
        }
        else
        {
            if (reference <= 0)
            {
                return OrderRejectReason.NO_REFERENCE_PRICE;
            }
            notionalPrice = reference;
        }
        if (notionalExceeds(qty, notionalPrice, instrument.qtyScale() + instrument.priceScale(),
            instrument.maxNotional()))
        {
            return OrderRejectReason.NOTIONAL_EXCEEDS_MAX;
        }
        return OrderRejectReason.NONE;
    }

    @Override
    public void onTrade(final Instrument instrument, final long price)
    {
        final int id = instrument.id();
        if (price > 0 && id >= 0 && id < referencePrices.length)
        {
            mark(id, price);
        }
    }

    /** The mid of the instrument's book when in sync, else the last reference; kept as the reference. */
    private long refreshReference(final int id)
    {
        if (id < 0 || id >= referencePrices.length)
        {
            return 0;
        }
        topRead = books.read(id, top);
        final long mid = topRead ? mid(top) : 0;
        if (mid > 0 && mid != referencePrices[id])
        {
            mark(id, mid);
        }
        return referencePrices[id];
    }

    private void mark(final int id, final long price)
    {
        referencePrices[id] = price;
        unitMarks[id] = price / divisor[id];
    }

    /** On the copy of the book the instrument checks just read (one read of the book per order). */
    private boolean marketDataStale(final PreTradeRequest r)
    {
        return !topRead || !top.inSync() || r.nowNanos / 1_000_000L - top.updatedMs() > marketDataStaleMs;
    }

    /** @return the mid of an in-sync two-sided book, 0 when there is none. */
    private static long mid(final TopOfBook into)
    {
        if (into.inSync() && into.hasBid() && into.hasAsk() && into.bidPrice() > 0 && into.askPrice() >= into.bidPrice())
        {
            return into.bidPrice() + ((into.askPrice() - into.bidPrice()) >> 1);
        }
        return 0;
    }

    /** @return the current reference price of an instrument (scaled), 0 when none. */
    public long referencePrice(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < referencePrices.length ? referencePrices[instrumentId] : 0;
    }

    /** true when floor(qty * price / 10^scale) &gt; maxNotional; qty and price positive. */
    static boolean notionalExceeds(final long qty, final long price, final int scale, final long maxNotional)
    {
        if (maxNotional < 0)
        {
            return true;
        }
        if (scale < 0 || scale >= POWERS_OF_TEN.length)
        {
            // no instrument has such a scale (rejected at configuration): exact but allocating
            final BigInteger divisor = BigInteger.TEN.pow(Math.max(scale, 0));
            final BigInteger notional = BigInteger.valueOf(qty).multiply(BigInteger.valueOf(price));
            return notional.divide(divisor).compareTo(BigInteger.valueOf(maxNotional)) > 0;
        }
        // floor(P / 10^s) <= M  <=>  P < M * 10^s + 10^s, in 128 bits (M may be Long.MAX_VALUE: no limit set)
        final long unit = POWERS_OF_TEN[scale];
        final long boundLo = maxNotional * unit;
        final long boundLoPlusUnit = boundLo + unit;
        final long boundHi = Math.multiplyHigh(maxNotional, unit) +
            (Long.compareUnsigned(boundLoPlusUnit, boundLo) < 0 ? 1 : 0);
        final long productHi = Math.multiplyHigh(qty, price);
        if (productHi != boundHi)
        {
            return productHi > boundHi;
        }
        return Long.compareUnsigned(qty * price, boundLoPlusUnit) >= 0;
    }

    /** Compares a * b with c * d exactly; all arguments non-negative. */
    static int compareProducts(final long a, final long b, final long c, final long d)
    {
        final long hi1 = Math.multiplyHigh(a, b);
        final long hi2 = Math.multiplyHigh(c, d);
        if (hi1 != hi2)
        {
            return Long.compare(hi1, hi2);
        }
        return Long.compareUnsigned(a * b, c * d);
    }
}
