package io.meridian.risk;

import io.meridian.oms.api.PreTradeRequest;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;

/**
 * The exposure the hot gate keeps for one scope (the firm, a FIX session or an account): open
 * orders, open quantity per side, position, average cost and today's realised profit per instrument,
 * an order-rate token bucket, recent fills; and the scope's limits and exposure lease. The sequencer
 * thread is the only writer; the admin thread replaces {@link #limits} and reads the figures for
 * display (plain 64-bit reads: a monitoring view, possibly one order behind).
 */
public final class RiskScope
{
    /** Which kind of scope: the name is a CompID for a session, a FIX Account for an account. */
    public enum Kind
    {
        FIRM, SESSION, ACCOUNT
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;
    static final int RECENT_FILLS = 4096;

    private final Kind kind;
    private final String name;
    /** 10^(qtyScale + priceScale) per instrument: qty x price / divisor is a value in quote units */
    private final double[] divisor;
    private final long dayStartOffsetNanos;

    volatile RiskLimits limits;
    volatile ExposureLease lease;

    int openOrders;
    final long[] openBuy;
    final long[] openSell;
    final long[] position;
    /**
     * Bit i (word i / 64): instrument i has an open order or a position. The marking loops of every check
     * visit only these, in id order (the sums are those of a full loop, which adds nothing for the others).
     */
    private final long[] active;
    /** signed cost of the open position in quote units */
    final double[] openCost;
    double realisedToday;
    long tradingDay = Long.MIN_VALUE;
    private long nextDayStartNanos = Long.MIN_VALUE;

    /** Why a circuit breaker tripped. */
    public enum TripCause
    {
        DRAWDOWN, LOSING_STREAK, LOSS_RATE
    }

    static final int MAX_TRIPS_TO_PAUSE = 64;
    private double peakProfit = Double.NaN;
    private int consecutiveLosses;
    private long trippedUntilNanos = Long.MIN_VALUE;
    private final long[] tripTimes = new long[MAX_TRIPS_TO_PAUSE];
    private long tripsSinceReset;
    /** the losing fills of the loss rate, oldest first: a ring, evicted as they leave the window */
    private static final int LOSS_RING = 1024;
    private final long[] lossNanos = new long[LOSS_RING];
    private final double[] lossAmount = new double[LOSS_RING];
    private int lossFirst;
    private int lossCount;
    private double windowLoss;
    /** fills up to this time were answered by the last trip (or reset): a replay does not count them again */
    private long streakClearedNanos = Long.MIN_VALUE;
    private volatile long breakerVersion;
    private volatile long trips;
    private volatile TripCause lastTripCause;
    private volatile boolean paused;
    private final java.util.concurrent.atomic.AtomicLong resetRequests = new java.util.concurrent.atomic.AtomicLong();
    private long resetsApplied;

    private long rateTokens;
    private long rateRefillNanos = Long.MIN_VALUE;

    private final long[] recentFillNanos = new long[RECENT_FILLS];
    private final double[] recentFillNotional = new double[RECENT_FILLS];
    private int recentFillNext;
    private int recentFillCount;

    RiskScope(
        final Kind kind, final String name, final double[] divisor, final RiskLimits limits,
        final long dayStartOffsetNanos)
    {
        this.kind = kind;
        this.name = name;
        this.divisor = divisor;
        this.limits = limits;
        this.dayStartOffsetNanos = dayStartOffsetNanos;
        final int n = divisor.length;
        openBuy = new long[n];
        openSell = new long[n];
        position = new long[n];
        openCost = new double[n];
        active = new long[(n + 63) >>> 6];
    }

    public Kind kind()
    {
        return kind;
    }

    public String name()
    {
        return name;
    }

    /** The kind in lower case, as configuration, the admin API and the state files name it. */
    public String kindName()
    {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code <kind> <name>}, e.g. {@code session CLIENT1}. */
    public String label()
    {
        return kindName() + " " + name;
    }

    public RiskLimits limits()
    {
        return limits;
    }

    public ExposureLease lease()
    {
        return lease;
    }

    /**
     * The scope's checks of one order, in order: rate, open orders, order quantity and notional, position
     * at worst case; then, for risk-increasing orders only, the circuit breaker, daily loss and the exposure
     * lease.
     *
     * @param marks     reference price per instrument (scaled).
     * @param unitMarks the same in quote units per unit of quantity ({@code marks[i] / divisor[i]}).
     */
    OrderRejectReason check(final PreTradeRequest r, final long[] marks, final double[] unitMarks)
    {
        final RiskLimits l = limits;
        if (l.maxOrdersPerSecond() > 0 && !takeRateToken(r.nowNanos, l.maxOrdersPerSecond()))
        {
            return OrderRejectReason.ORDER_RATE_LIMIT;
        }
        if (!r.replace && openOrders >= l.maxOpenOrders())
        {
            return OrderRejectReason.OPEN_ORDERS_LIMIT;
        }
        final Instrument instrument = r.instrument;
        final int i = instrument.id();
        if (r.qty > l.maxOrderQty(i))
        {
            return OrderRejectReason.QTY_EXCEEDS_MAX;
        }
        final long notionalPrice = r.price > 0 ? r.price : marks[i];
        if (l.maxOrderNotional() != Long.MAX_VALUE && (notionalPrice <= 0 || HotRiskGate.notionalExceeds(
            r.qty, notionalPrice, instrument.qtyScale() + instrument.priceScale(), l.maxOrderNotional())))
        {
            return OrderRejectReason.NOTIONAL_EXCEEDS_MAX;
        }
        final long added = r.newOpenQty() - (r.replace ? r.replacedOpenQty : 0);
        if (added <= 0)
        {
            return OrderRejectReason.NONE; // a replace that opens nothing more
        }
        final boolean buy = r.side == Side.BUY;
        final long worst = buy ? position[i] + openBuy[i] + added : openSell[i] + added - position[i];
        if (worst > l.maxPosition(i))
        {
            return OrderRejectReason.POSITION_LIMIT;
        }
        if (reducing(buy, i, added))
        {
            return OrderRejectReason.NONE;
        }
        if (l.hasBreaker() || l.hasLossLimit())
        {
            final double profit = dailyProfit(r.nowNanos, unitMarks);
            if (l.hasBreaker())
            {
                final OrderRejectReason breaker = breaker(l, r.nowNanos, profit);
                if (breaker != OrderRejectReason.NONE)
                {
                    return breaker;
                }
            }
            if (-profit > l.maxDailyLoss())
            {
                return OrderRejectReason.DAILY_LOSS_LIMIT;
            }
        }
        if (l.hasExposureLimit())
        {
            return checkLease(r.nowNanos, l.maxGrossExposure(), added * (notionalPrice / divisor[i]), unitMarks);
        }
        return OrderRejectReason.NONE;
    }

    /**
     * The circuit breaker, for a risk-increasing order: paused (manual reset needed), cooling down after a
     * trip, or trips now when today's profit fell more than max-drawdown below its peak or the last
     * max-consecutive-losses fills each realised a loss. Enough trips within 24 hours pause the scope.
     */
    private OrderRejectReason breaker(final RiskLimits l, final long nowNanos, final double profit)
    {
        applyResetRequest(nowNanos);
        if (paused)
        {
            return OrderRejectReason.CIRCUIT_BREAKER_PAUSED;
        }
        if (nowNanos < trippedUntilNanos)
        {
            return OrderRejectReason.CIRCUIT_BREAKER;
        }
        if (Double.isNaN(peakProfit) || profit > peakProfit)
        {
            peakProfit = profit;
        }
        if (peakProfit - profit > l.maxDrawdown())
        {
            return trip(l, nowNanos, TripCause.DRAWDOWN, profit);
        }
        if (l.maxConsecutiveLosses() > 0 && consecutiveLosses >= l.maxConsecutiveLosses())
        {
            return trip(l, nowNanos, TripCause.LOSING_STREAK, profit);
        }
        if (l.maxWindowLoss() != Double.POSITIVE_INFINITY && lossesWithin(nowNanos - l.lossWindowNanos()) > l.maxWindowLoss())
        {
            return trip(l, nowNanos, TripCause.LOSS_RATE, profit);
        }
        return OrderRejectReason.NONE;
    }

    private OrderRejectReason trip(final RiskLimits l, final long nowNanos, final TripCause cause, final double profit)
    {
        trippedUntilNanos = nowNanos + l.breakerCooldownNanos();
        peakProfit = profit; // the cool-down is the response to this fall: measure the next one from here
        consecutiveLosses = 0;
        clearLosses();
        streakClearedNanos = nowNanos;
        tripTimes[(int)(tripsSinceReset % MAX_TRIPS_TO_PAUSE)] = nowNanos;
        tripsSinceReset++;
        lastTripCause = cause;
        final int k = Math.min(l.breakerTripsToPause(), MAX_TRIPS_TO_PAUSE);
        if (k > 0 && tripsSinceReset >= k &&
            tripTimes[(int)((tripsSinceReset - k) % MAX_TRIPS_TO_PAUSE)] > nowNanos - NANOS_PER_DAY)
        {
            paused = true;
        }
        breakerVersion = breakerVersion + 1;
        trips = trips + 1; // the last write: a watcher that sees the count sees the cause and the pause
        return paused ? OrderRejectReason.CIRCUIT_BREAKER_PAUSED : OrderRejectReason.CIRCUIT_BREAKER;
    }

    private void applyResetRequest(final long nowNanos)
    {
        final long requested = resetRequests.get();
        if (requested != resetsApplied)
        {
            resetsApplied = requested;
            paused = false;
            trippedUntilNanos = Long.MIN_VALUE;
            peakProfit = Double.NaN;
            consecutiveLosses = 0;
            clearLosses();
            streakClearedNanos = nowNanos;
            tripsSinceReset = 0;
            breakerVersion = breakerVersion + 1;
        }
    }

    /** A losing fill for the loss rate; the oldest is overwritten when the ring is full (then it no longer counts). */
    private void recordLoss(final long nowNanos, final double loss)
    {
        if (lossCount == LOSS_RING)
        {
            windowLoss -= lossAmount[lossFirst];
            lossFirst = (lossFirst + 1) % LOSS_RING;
            lossCount--;
        }
        final int at = (lossFirst + lossCount) % LOSS_RING;
        lossNanos[at] = nowNanos;
        lossAmount[at] = loss;
        lossCount++;
        windowLoss += loss;
    }

    /** The losses realised after {@code sinceNanos}, evicting the older ones (fills arrive in time order). */
    private double lossesWithin(final long sinceNanos)
    {
        while (lossCount > 0 && lossNanos[lossFirst] <= sinceNanos)
        {
            windowLoss -= lossAmount[lossFirst];
            lossFirst = (lossFirst + 1) % LOSS_RING;
            lossCount--;
        }
        if (lossCount == 0)
        {
            windowLoss = 0; // no drift of rounding left behind
        }
        return windowLoss;
    }

    private void clearLosses()
    {
        lossFirst = 0;
        lossCount = 0;
        windowLoss = 0;
    }

    /**
     * What the circuit breaker has decided, to be kept across a restart (trips are live decisions, not journaled):
     * the replay rebuilds the losing streak from the fills, and without this the first order after a start would
     * trip again on a streak already answered, with a second audit record and alert.
     *
     * @param streakClearedNanos fills up to this time were answered by a trip or a reset.
     * @param trippedUntilNanos  the cool-down's end.
     * @param lastCause          the last trip's cause, or null.
     * @param recentTripNanos    the trips within 24 hours of the snapshot, oldest first (they count to the pause).
     */
    public record BreakerState(
        long streakClearedNanos, long trippedUntilNanos, TripCause lastCause, long[] recentTripNanos)
    {
    }

    /** Changes whenever a trip or a reset changes {@link #breakerState} (a watcher saves it then). */
    public long breakerVersion()
    {
        return breakerVersion;
    }

    /** A snapshot for saving, read off the sequencer thread after {@link #breakerVersion}: at worst one trip old. */
    public BreakerState breakerState(final long nowNanos)
    {
        final long count = tripsSinceReset;
        final int kept = (int)Math.min(count, MAX_TRIPS_TO_PAUSE);
        final long[] recent = new long[kept];
        int n = 0;
        for (long t = count - kept; t < count; t++)
        {
            final long at = tripTimes[(int)(t % MAX_TRIPS_TO_PAUSE)];
            if (at > nowNanos - NANOS_PER_DAY)
            {
                recent[n++] = at;
            }
        }
        return new BreakerState(
            streakClearedNanos, trippedUntilNanos, lastTripCause, java.util.Arrays.copyOf(recent, n));
    }

    /** The breaker's state from before a restart; before the journal replay and the sequencer run. */
    public void restoreBreakerState(final BreakerState state)
    {
        streakClearedNanos = state.streakClearedNanos();
        trippedUntilNanos = state.trippedUntilNanos();
        lastTripCause = state.lastCause();
        final long[] recent = state.recentTripNanos();
        final int kept = Math.min(recent.length, MAX_TRIPS_TO_PAUSE);
        for (int i = 0; i < kept; i++)
        {
            tripTimes[i] = recent[recent.length - kept + i];
        }
        tripsSinceReset = kept;
    }

    /** An operator's reset of the circuit breaker (any thread): applied before the scope's next check. */
    public void requestBreakerReset()
    {
        resetRequests.incrementAndGet();
    }

    /** A pause that outlived a restart; before the sequencer runs. */
    public void restorePaused()
    {
        paused = true;
    }

    /** Trips since start (monitoring: a watcher turns each new one into an audit record and an alert). */
    public long breakerTrips()
    {
        return trips;
    }

    public TripCause lastTripCause()
    {
        return lastTripCause;
    }

    /** Paused after repeated trips until a manual reset (a reset requested but not yet applied still shows). */
    public boolean breakerPaused()
    {
        return paused && resetRequests.get() == resetsApplied;
    }

    /** Until when (epoch nanos) the last trip refuses new risk; a monitoring view. */
    public long breakerTrippedUntilNanos()
    {
        return trippedUntilNanos;
    }

    /** Even if every open order on its side fills, the order only brings the position towards zero. */
    private boolean reducing(final boolean buy, final int i, final long added)
    {
        final long p = position[i];
        return buy ? p < 0 && openBuy[i] + added <= -p : p > 0 && openSell[i] + added <= p;
    }

    private boolean takeRateToken(final long nowNanos, final int perSecond)
    {
        final long capacity = perSecond * NANOS_PER_SECOND;
        final long elapsed = nowNanos - rateRefillNanos;
        if (rateRefillNanos == Long.MIN_VALUE || elapsed >= NANOS_PER_SECOND || elapsed < 0)
        {
            rateTokens = capacity;
        }
        else
        {
            rateTokens = Math.min(capacity, rateTokens + elapsed * perSecond);
        }
        rateRefillNanos = nowNanos;
        if (rateTokens < NANOS_PER_SECOND)
        {
            return false;
        }
        rateTokens -= NANOS_PER_SECOND;
        return true;
    }

    private OrderRejectReason checkLease(
        final long nowNanos, final double maxGrossExposure, final double orderNotional, final double[] unitMarks)
    {
        final ExposureLease current = lease;
        if (current == null || nowNanos > current.expiryNanos())
        {
            return OrderRejectReason.RISK_LEASE_EXPIRED;
        }
        final double recentFills = recentFillNotionalSince(current.readNanos());
        if (Double.isNaN(recentFills))
        {
            return OrderRejectReason.RISK_LEASE_EXPIRED; // more fills since the lease than we remember
        }
        final double exposure = current.filledExposure() + recentFills + openNotional(unitMarks) + orderNotional;
        return exposure > maxGrossExposure ? OrderRejectReason.EXPOSURE_LIMIT : OrderRejectReason.NONE;
    }

    /** Open orders of both sides marked to the reference price, in quote units. */
    double openNotional(final double[] unitMarks)
    {
        double sum = 0;
        for (int i = nextActive(0); i >= 0; i = nextActive(i + 1))
        {
            final long open = openBuy[i] + openSell[i];
            if (open != 0)
            {
                sum += open * unitMarks[i];
            }
        }
        return sum;
    }

    /** @return the notional of fills at or after {@code sinceNanos}, NaN when the ring no longer reaches back. */
    private double recentFillNotionalSince(final long sinceNanos)
    {
        double sum = 0;
        int index = recentFillNext;
        for (int n = 0; n < recentFillCount; n++)
        {
            index = index == 0 ? RECENT_FILLS - 1 : index - 1;
            if (recentFillNanos[index] < sinceNanos)
            {
                return sum;
            }
            sum += recentFillNotional[index];
        }
        return recentFillCount == RECENT_FILLS ? Double.NaN : sum;
    }

    /** Today's realised profit plus the unrealised profit of open positions at the reference prices. */
    double dailyProfit(final long nowNanos, final double[] unitMarks)
    {
        rollDay(nowNanos);
        return profit(realisedToday, unitMarks);
    }

    /**
     * {@link #dailyProfit} for display from another thread (reads only; the figures may be an order behind).
     */
    public double dailyProfitView(final long nowNanos, final long[] marks)
    {
        return profit(nowNanos >= nextDayStartNanos ? 0 : realisedToday, unitMarks(marks));
    }

    /** Reference prices in quote units per unit of quantity, as the hot gate keeps them. */
    double[] unitMarks(final long[] marks)
    {
        final double[] units = new double[marks.length];
        for (int i = 0; i < marks.length; i++)
        {
            units[i] = marks[i] / divisor[i];
        }
        return units;
    }

    private double profit(final double realised, final double[] unitMarks)
    {
        double profit = realised;
        for (int i = nextActive(0); i >= 0; i = nextActive(i + 1))
        {
            final long p = position[i];
            if (p != 0 && unitMarks[i] > 0)
            {
                profit += p * unitMarks[i] - openCost[i];
            }
        }
        return profit;
    }

    private void rollDay(final long nowNanos)
    {
        if (nowNanos < nextDayStartNanos)
        {
            return; // the common case without a division
        }
        final long day = Math.floorDiv(nowNanos - dayStartOffsetNanos, NANOS_PER_DAY);
        if (day > tradingDay)
        {
            tradingDay = day;
            realisedToday = 0;
            peakProfit = Double.NaN;
            nextDayStartNanos = (day + 1) * NANOS_PER_DAY + dayStartOffsetNanos;
        }
    }

    void onOpenQty(final int instrumentId, final Side side, final long deltaQty, final int deltaOrders)
    {
        openOrders += deltaOrders;
        if (side == Side.BUY)
        {
            openBuy[instrumentId] += deltaQty;
        }
        else
        {
            openSell[instrumentId] += deltaQty;
        }
        updateActive(instrumentId);
    }

    /** The first instrument at or after {@code from} with an open order or a position, -1 when none. */
    private int nextActive(final int from)
    {
        int w = from >>> 6;
        if (w >= active.length)
        {
            return -1;
        }
        long bits = active[w] & (-1L << from); // the shift takes from mod 64
        while (bits == 0)
        {
            if (++w == active.length)
            {
                return -1;
            }
            bits = active[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(bits);
    }

    private void updateActive(final int i)
    {
        final long bit = 1L << i; // the shift takes i mod 64
        if (openBuy[i] != 0 || openSell[i] != 0 || position[i] != 0)
        {
            active[i >>> 6] |= bit;
        }
        else
        {
            active[i >>> 6] &= ~bit;
        }
    }

    /** Moves the position by a fill; a reducing part realises profit against the average cost. */
    void onFill(final int i, final Side side, final long qty, final long price, final long nowNanos)
    {
        rollDay(nowNanos);
        final double unitPrice = price / divisor[i];
        final long signed = side == Side.BUY ? qty : -qty;
        final long p = position[i];
        if (p == 0 || (p > 0) == (signed > 0))
        {
            position[i] = p + signed;
            openCost[i] += signed * unitPrice;
        }
        else
        {
            final long closing = Math.min(Math.abs(signed), Math.abs(p));
            final double avgCost = openCost[i] / p;
            final double realised = closing * (unitPrice - avgCost) * (p > 0 ? 1 : -1);
            realisedToday += realised;
            if (nowNanos <= streakClearedNanos)
            {
                // a replayed fill the last trip (or reset) already answered: the streak starts after it
                consecutiveLosses = 0;
            }
            else if (realised < 0)
            {
                consecutiveLosses++;
                recordLoss(nowNanos, -realised);
            }
            else if (realised > 0)
            {
                consecutiveLosses = 0;
            }
            final long remaining = p + (signed > 0 ? closing : -closing);
            openCost[i] = remaining * avgCost;
            final long opened = Math.abs(signed) - closing;
            position[i] = remaining + (signed > 0 ? opened : -opened);
            if (opened > 0)
            {
                openCost[i] = (signed > 0 ? opened : -opened) * unitPrice;
            }
        }
        recentFillNanos[recentFillNext] = nowNanos;
        recentFillNotional[recentFillNext] = qty * unitPrice;
        recentFillNext = recentFillNext == RECENT_FILLS - 1 ? 0 : recentFillNext + 1;
        recentFillCount = Math.min(recentFillCount + 1, RECENT_FILLS);
        updateActive(i);
    }

    public int openOrders()
    {
        return openOrders;
    }

    public long position(final int instrumentId)
    {
        return position[instrumentId];
    }

    public long openBuy(final int instrumentId)
    {
        return openBuy[instrumentId];
    }

    public long openSell(final int instrumentId)
    {
        return openSell[instrumentId];
    }

    public double realisedToday()
    {
        return realisedToday;
    }
}
