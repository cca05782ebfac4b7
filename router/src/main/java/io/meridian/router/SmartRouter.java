package io.meridian.router;

import io.meridian.oms.model.Side;

/**
 * The smart order router's decision: given a parent request and the venues' depth books, which venues
 * get how much at what limit price. Deterministic and allocation-free after construction (every array is
 * sized by {@link RouterConfig#maxVenues()}); one instance per routing thread.
 *
 * <p>Sweep (BEST_PRICE_SWEEP, PREFERENCE_LIST, SINGLE_VENUE): the healthy allowed venues' liquidity
 * within the limit (compared on the raw venue price) is taken greedily in whole lots of each venue, in
 * one total order of those lots (a lot is priced at the level its last unit lies in; by fee-inclusive
 * price, buy {@code price x (1 + taker)} ascending, sell {@code price x (1 - taker)} descending; ties by
 * preference order then venue id; PREFERENCE_LIST orders by list position first) until the parent
 * quantity is met or no whole lot fits what is left: so every child is a lot multiple and what one
 * venue's lot cannot take goes to a venue with a finer lot. Then a venue whose total is below its
 * minimum quantity or minimum notional (at the child's limit price) is dropped and the greedy pass runs
 * again without it, so its share goes to the next liquidity in the order: at most one pass more than
 * there are venues.
 */
public final class SmartRouter
{
    static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L};

    private static final int UNLISTED = Integer.MAX_VALUE;

    private final RouterConfig config;
    private final int maxVenues;
    // per eligible venue (index e), filled by route()
    private final VenueDepth[] venue;
    private final int[] rank;
    private final boolean[] dropped;
    private final long[] alloc;
    private final int[] level;
    private final long[] usedAtLevel;
    private final int[] touchOrder;
    // the fee-inclusive price of each venue's current level as a 128-bit product, and whether it can take
    private final long[] keyHi;
    private final long[] keyLo;
    private final boolean[] active;
    private int eligibleCount;
    private int touchedCount;
    // the current request
    private boolean buy;
    private long limit;
    private boolean rankFirst;

    public SmartRouter(final RouterConfig config)
    {
        this.config = config;
        maxVenues = config.maxVenues();
        venue = new VenueDepth[maxVenues];
        rank = new int[maxVenues];
        dropped = new boolean[maxVenues];
        alloc = new long[maxVenues];
        level = new int[maxVenues];
        usedAtLevel = new long[maxVenues];
        touchOrder = new int[maxVenues];
        keyHi = new long[maxVenues];
        keyLo = new long[maxVenues];
        active = new boolean[maxVenues];
    }

    public RouterConfig config()
    {
        return config;
    }

    /**
     * Decides the children of {@code request} over {@code books} (null entries ignored; one book per venue
     * id, at most {@link RouterConfig#maxVenues()}) into {@code result}. The books are only read.
     *
     * @return {@code result}
     */
    public RouteResult route(final RouteRequest request, final VenueDepth[] books, final RouteResult result)
    {
        result.reset();
        final long qty = request.qty;
        final RoutingPolicy policy = request.policy;
        if (qty <= 0 || request.limitPrice < 0 || policy == null || request.side == null)
        {
            return unrouted(result, qty, UnroutedReason.INVALID_REQUEST);
        }
        buy = request.side == Side.BUY;
        limit = request.limitPrice;
        rankFirst = policy == RoutingPolicy.PREFERENCE_LIST || policy == RoutingPolicy.SINGLE_VENUE;
        collectEligible(request, books, result);
        if (eligibleCount == 0)
        {
            return unrouted(result, qty, result.skippedCount > 0 ? UnroutedReason.NO_HEALTHY_VENUE : UnroutedReason.NO_VENUE);
        }
        if (policy == RoutingPolicy.PASSIVE_BEST_QUEUE || (rankFirst && request.passive))
        {
            post(qty, result);
        }
        else
        {
            sweep(qty, result);
        }
        return result;
    }

    private RouteResult unrouted(final RouteResult result, final long qty, final UnroutedReason reason)
    {
        result.unroutedQty = Math.max(qty, 0);
        result.unroutedReason = reason;
        return result;
    }

    private void collectEligible(final RouteRequest request, final VenueDepth[] books, final RouteResult result)
    {
        eligibleCount = 0;
        for (int i = 0; i < books.length; i++)
        {
            final VenueDepth book = books[i];
            if (book == null)
            {
                continue;
            }
            final int venueRank = rankOf(request, book.venueId);
            if (rankFirst && venueRank == UNLISTED)
            {
                continue;
            }
            final HealthReason health = book.health().evaluate(config);
            if (health != HealthReason.HEALTHY)
            {
                if (result.skippedCount == maxVenues)
                {
                    throw new IllegalArgumentException("more venue books than maxVenues " + maxVenues);
                }
                result.addSkipped(book.venueId, health);
                continue;
            }
            if (eligibleCount == maxVenues)
            {
                throw new IllegalArgumentException("more venue books than maxVenues " + maxVenues);
            }
            venue[eligibleCount] = book;
            rank[eligibleCount] = venueRank;
            eligibleCount++;
        }
    }

    private static int rankOf(final RouteRequest request, final int venueId)
    {
        if (request.policy == RoutingPolicy.SINGLE_VENUE)
        {
            return venueId == request.singleVenueId ? 0 : UNLISTED;
        }
        for (int i = 0; i < request.preferenceCount; i++)
        {
            if (request.preferences[i] == venueId)
            {
                return i;
            }
        }
        return UNLISTED;
    }

    // ---------------------------------------------------------------- sweep

    private void sweep(final long qty, final RouteResult result)
    {
        for (int e = 0; e < eligibleCount; e++)
        {
            dropped[e] = false;
        }
        // each pass drops at least one venue or is the last
        for (int pass = 0; pass <= eligibleCount; pass++)
        {
            greedy(qty);
            if (!dropBelowMinimums())
            {
                break;
            }
        }
        double cost = 0;
        for (int t = 0; t < touchedCount; t++)
        {
            final int e = touchOrder[t];
            final long q = alloc[e];
            if (q > 0)
            {
                final VenueDepth book = venue[e];
                result.addChild(book.venueId, q, childPrice(book, worstPrice(book, q)));
                cost += takenCost(book, q);
            }
        }
        result.passive = false;
        result.unroutedQty = qty - result.routedQty;
        if (result.routedQty > 0)
        {
            result.averagePriceWithFees = cost / result.routedQty;
        }
        if (result.unroutedQty > 0)
        {
            result.unroutedReason = liquidityWithinLimit(qty) ? UnroutedReason.VENUE_RULES :
                UnroutedReason.NO_LIQUIDITY_WITHIN_LIMIT;
        }
    }

    /**
     * Takes whole lots of the venues not dropped, best next lot first (a lot is priced at the level its
     * last unit lies in), until the quantity is met or no venue has a whole lot left that fits.
     */
    private void greedy(final long qty)
    {
        for (int e = 0; e < eligibleCount; e++)
        {
            alloc[e] = 0;
            level[e] = 0;
            usedAtLevel[e] = 0;
            refresh(e);
        }
        touchedCount = 0;
        long remaining = qty;
        while (remaining > 0)
        {
            int best = -1;
            for (int e = 0; e < eligibleCount; e++)
            {
                if (active[e] && lot(venue[e]) <= remaining && (best < 0 || takesBefore(e, best)))
                {
                    best = e;
                }
            }
            if (best < 0)
            {
                return;
            }
            final VenueDepth book = venue[best];
            final long lot = lot(book);
            final long levelLeft = levelQty(book, level[best]) - usedAtLevel[best];
            // as many whole lots as this level and the quantity allow; else one lot reaching deeper
            final long fits = Math.min(levelLeft, remaining);
            final long take = levelLeft >= lot ? fits - fits % lot : lot;
            if (alloc[best] == 0)
            {
                touchOrder[touchedCount++] = best;
            }
            alloc[best] += take;
            remaining -= take;
            consume(best, take);
            refresh(best);
        }
    }

    private void consume(final int e, final long qty)
    {
        final VenueDepth book = venue[e];
        long left = qty;
        while (left > 0)
        {
            final long available = levelQty(book, level[e]) - usedAtLevel[e];
            final long take = Math.min(available, left);
            usedAtLevel[e] += take;
            left -= take;
            if (take == available)
            {
                level[e]++;
                usedAtLevel[e] = 0;
            }
        }
    }

    /** Whether venue {@code e} has a whole lot left within the limit, and that lot's fee-inclusive price. */
    private void refresh(final int e)
    {
        final VenueDepth book = venue[e];
        final int count = levels(book);
        int at = level[e];
        active[e] = false;
        if (dropped[e] || at >= count)
        {
            return;
        }
        long need = lot(book) - (levelQty(book, at) - usedAtLevel[e]);
        while (need > 0)
        {
            if (++at == count)
            {
                return;
            }
            need -= levelQty(book, at);
        }
        final long price = price(book, at);
        if (!withinLimit(price))
        {
            return;
        }
        active[e] = true;
        // buy price x (1 + taker), sell price x (1 - taker): both non-negative, below 2^127
        final long factor = buy ? VenueDepth.FEE_ONE + book.takerFee : VenueDepth.FEE_ONE - book.takerFee;
        keyHi[e] = Math.multiplyHigh(price, factor);
        keyLo[e] = price * factor;
    }

    private static long lot(final VenueDepth book)
    {
        return book.lotSize > 0 ? book.lotSize : 1;
    }

    /** Drops each venue whose total is below its minimum quantity or notional; true when one was dropped. */
    private boolean dropBelowMinimums()
    {
        boolean changed = false;
        for (int e = 0; e < eligibleCount; e++)
        {
            final long q = alloc[e];
            if (q > 0 && !meetsMinimums(venue[e], q, childPrice(venue[e], worstPrice(venue[e], q))))
            {
                dropped[e] = true;
                changed = true;
            }
        }
        return changed;
    }

    /** Whether the eligible venues show at least {@code qty} within the limit (before any rule). */
    private boolean liquidityWithinLimit(final long qty)
    {
        long total = 0;
        for (int e = 0; e < eligibleCount; e++)
        {
            final VenueDepth book = venue[e];
            final int count = levels(book);
            for (int i = 0; i < count && withinLimit(price(book, i)); i++)
            {
                total += levelQty(book, i);
                if (total >= qty)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean takesBefore(final int e, final int other)
    {
        if (rankFirst && rank[e] != rank[other])
        {
            return rank[e] < rank[other];
        }
        // buy: the lower fee-inclusive price first; sell: the higher
        final int byPrice = buy ? compare128(e, other) : compare128(other, e);
        if (byPrice != 0)
        {
            return byPrice < 0;
        }
        if (rank[e] != rank[other])
        {
            return rank[e] < rank[other];
        }
        return venue[e].venueId < venue[other].venueId;
    }

    private int compare128(final int e, final int other)
    {
        if (keyHi[e] != keyHi[other])
        {
            return Long.compare(keyHi[e], keyHi[other]);
        }
        return Long.compareUnsigned(keyLo[e], keyLo[other]);
    }

    private boolean withinLimit(final long price)
    {
        return limit == 0 || (buy ? price <= limit : price >= limit);
    }

    private int levels(final VenueDepth book)
    {
        return buy ? book.askCount : book.bidCount;
    }

    private long price(final VenueDepth book, final int at)
    {
        return buy ? book.askPrice[at] : book.bidPrice[at];
    }

    private long levelQty(final VenueDepth book, final int at)
    {
        return buy ? book.askQty[at] : book.bidQty[at];
    }

    /** The price of the level where the {@code qty}-th unit taken from the book lies. */
    private long worstPrice(final VenueDepth book, final long qty)
    {
        long seen = 0;
        final int count = levels(book);
        for (int i = 0; i < count; i++)
        {
            seen += levelQty(book, i);
            if (seen >= qty)
            {
                return price(book, i);
            }
        }
        return price(book, count - 1);
    }

    /** The fee-inclusive value of the first {@code qty} units of the book (buy: paid, sell: received). */
    private double takenCost(final VenueDepth book, final long qty)
    {
        double value = 0;
        long left = qty;
        for (int i = 0; left > 0; i++)
        {
            final long q = Math.min(left, levelQty(book, i));
            value += (double)q * price(book, i);
            left -= q;
        }
        final double fee = (double)book.takerFee / VenueDepth.FEE_ONE;
        return value * (buy ? 1 + fee : 1 - fee);
    }

    /** A taking child's limit: the worst level on the tick grid (buy up, sell down), never past the limit. */
    private long childPrice(final VenueDepth book, final long worst)
    {
        final long tick = book.tickSize;
        if (buy)
        {
            final long up = ceilTo(worst, tick);
            return limit != 0 && up > limit ? floorTo(limit, tick) : up;
        }
        final long down = floorTo(worst, tick);
        return limit != 0 && down < limit ? ceilTo(limit, tick) : down;
    }

    // ---------------------------------------------------------------- post

    private void post(final long qty, final RouteResult result)
    {
        int best = -1;
        long bestPrice = 0;
        long bestQueue = 0;
        long bestQty = 0;
        boolean blockedByRules = false;
        for (int e = 0; e < eligibleCount; e++)
        {
            final VenueDepth book = venue[e];
            final int count = buy ? book.bidCount : book.askCount;
            if (count == 0)
            {
                continue;
            }
            final long top = buy ? book.bidPrice[0] : book.askPrice[0];
            final long price = buy ?
                floorTo(limit != 0 ? Math.min(top, limit) : top, book.tickSize) :
                ceilTo(limit != 0 ? Math.max(top, limit) : top, book.tickSize);
            final long q = floorTo(qty, book.lotSize);
            if (price <= 0 || q == 0 || !meetsMinimums(book, q, price))
            {
                blockedByRules = true;
                continue;
            }
            final long queue = queueAhead(book, count, price);
            if (best < 0 || postsBefore(e, price, queue, best, bestPrice, bestQueue))
            {
                best = e;
                bestPrice = price;
                bestQueue = queue;
                bestQty = q;
            }
        }
        result.passive = true;
        if (best < 0)
        {
            result.unroutedQty = qty;
            result.unroutedReason = blockedByRules ? UnroutedReason.VENUE_RULES : UnroutedReason.NO_PASSIVE_PRICE;
            return;
        }
        final VenueDepth book = venue[best];
        result.addChild(book.venueId, bestQty, bestPrice);
        final double fee = (double)book.makerFee / VenueDepth.FEE_ONE;
        result.averagePriceWithFees = bestPrice * (buy ? 1 + fee : 1 - fee);
        result.unroutedQty = qty - bestQty;
        if (result.unroutedQty > 0)
        {
            result.unroutedReason = UnroutedReason.VENUE_RULES;
        }
    }

    /** Same-side quantity at prices as good as or better than {@code price}: the queue a new order joins behind. */
    private long queueAhead(final VenueDepth book, final int count, final long price)
    {
        long queue = 0;
        for (int i = 0; i < count; i++)
        {
            final long p = buy ? book.bidPrice[i] : book.askPrice[i];
            if (buy ? p < price : p > price)
            {
                break;
            }
            queue += buy ? book.bidQty[i] : book.askQty[i];
        }
        return queue;
    }

    private boolean postsBefore(
        final int e, final long price, final long queue, final int other, final long otherPrice, final long otherQueue)
    {
        if (rankFirst && rank[e] != rank[other])
        {
            return rank[e] < rank[other];
        }
        final VenueDepth a = venue[e];
        final VenueDepth b = venue[other];
        // a maker fee makes a venue's price worth less to us, a rebate more: buy p x (1 - maker) highest
        // first, sell p x (1 + maker) lowest first
        final int byPrice = buy ?
            compareProducts(otherPrice, VenueDepth.FEE_ONE - b.makerFee, price, VenueDepth.FEE_ONE - a.makerFee) :
            compareProducts(price, VenueDepth.FEE_ONE + a.makerFee, otherPrice, VenueDepth.FEE_ONE + b.makerFee);
        if (byPrice != 0)
        {
            return byPrice < 0;
        }
        if (queue != otherQueue)
        {
            return queue < otherQueue;
        }
        if (rank[e] != rank[other])
        {
            return rank[e] < rank[other];
        }
        return a.venueId < b.venueId;
    }

    // ---------------------------------------------------------------- arithmetic

    private static boolean meetsMinimums(final VenueDepth book, final long qty, final long price)
    {
        if (qty < book.minQty)
        {
            return false;
        }
        // qty x price / 10^qtyScale >= minNotional, exactly in 128 bits
        return book.minNotional == 0 ||
            compareProducts(qty, price, book.minNotional, POWERS_OF_TEN[book.qtyScale]) >= 0;
    }

    static long floorTo(final long value, final long step)
    {
        return step <= 0 ? value : value - value % step;
    }

    static long ceilTo(final long value, final long step)
    {
        if (step <= 0)
        {
            return value;
        }
        final long rest = value % step;
        return rest == 0 ? value : value - rest + step;
    }

    /** Compares a x b with c x d exactly; all arguments non-negative. */
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
