package io.meridian.router;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A brute-force reading of docs/router.md written apart from {@link SmartRouter}: plain objects, every
 * whole lot of every venue in one sorted list, BigInteger prices net of fees, BigDecimal notionals. Slow
 * and allocating on purpose; only the tests use it.
 */
final class ReferenceRouter
{
    static final long FEE_ONE = 1_000_000_000L;

    /** One venue as the test generated it. */
    static final class Book
    {
        int venueId;
        long[] bidPrice = new long[0];
        long[] bidQty = new long[0];
        long[] askPrice = new long[0];
        long[] askQty = new long[0];
        long tick;
        long lot;
        long minQty;
        long minNotional;
        int qtyScale;
        long taker;
        long maker;
        boolean halted;
        boolean connected = true;
        boolean inSync = true;
        long headroomPpm = 1_000_000;
        long rejectPpm;
        long ackNanos;
    }

    /** The request as the test generated it. */
    static final class Request
    {
        boolean buy;
        long qty;
        long limit;
        RoutingPolicy policy;
        boolean passive;
        int single = -1;
        List<Integer> preferences = new ArrayList<>();
    }

    /** Child allocations in send order, totals and reasons. */
    static final class Outcome
    {
        final List<long[]> children = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        boolean passive;
        /** greedy passes a sweep needed: more than one when a venue was dropped for its minimums */
        int passes;
        long routed;
        long unrouted;
        UnroutedReason reason = UnroutedReason.NONE;
        double average;
    }

    private record Level(Book book, int index, long price, long qty, int rank)
    {
    }

    private final long minHeadroom;
    private final long maxReject;
    private final long maxAck;

    ReferenceRouter(final long minHeadroom, final long maxReject, final long maxAck)
    {
        this.minHeadroom = minHeadroom;
        this.maxReject = maxReject;
        this.maxAck = maxAck;
    }

    private HealthReason health(final Book book)
    {
        if (book.halted)
        {
            return HealthReason.HALTED;
        }
        if (!book.connected)
        {
            return HealthReason.SESSION_DOWN;
        }
        if (!book.inSync)
        {
            return HealthReason.BOOK_OUT_OF_SYNC;
        }
        if (book.headroomPpm < minHeadroom)
        {
            return HealthReason.RATE_LIMIT;
        }
        if (book.rejectPpm > maxReject)
        {
            return HealthReason.REJECT_RATE;
        }
        return book.ackNanos > maxAck ? HealthReason.ACK_LATENCY : HealthReason.HEALTHY;
    }

    Outcome route(final Request request, final List<Book> books)
    {
        final Outcome out = new Outcome();
        if (request.qty <= 0 || request.limit < 0 || request.policy == null)
        {
            out.unrouted = Math.max(0, request.qty);
            out.reason = UnroutedReason.INVALID_REQUEST;
            return out;
        }
        final boolean ordered = request.policy == RoutingPolicy.PREFERENCE_LIST || request.policy == RoutingPolicy.SINGLE_VENUE;
        final List<Book> eligible = new ArrayList<>();
        final Map<Book, Integer> ranks = new HashMap<>();
        for (final Book book : books)
        {
            final int rank;
            if (request.policy == RoutingPolicy.SINGLE_VENUE)
            {
                rank = book.venueId == request.single ? 0 : Integer.MAX_VALUE;
            }
            else
            {
                final int at = request.preferences.indexOf(book.venueId);
                rank = at < 0 ? Integer.MAX_VALUE : at;
            }
            if (ordered && rank == Integer.MAX_VALUE)
            {
                continue;
            }
            final HealthReason health = health(book);
            if (health != HealthReason.HEALTHY)
            {
                out.skipped.add(book.venueId + ":" + health);
                continue;
            }
            eligible.add(book);
            ranks.put(book, rank);
        }
        if (eligible.isEmpty())
        {
            out.unrouted = request.qty;
            out.reason = out.skipped.isEmpty() ? UnroutedReason.NO_VENUE : UnroutedReason.NO_HEALTHY_VENUE;
            return out;
        }
        if (request.policy == RoutingPolicy.PASSIVE_BEST_QUEUE || (ordered && request.passive))
        {
            post(request, eligible, ranks, ordered, out);
        }
        else
        {
            sweep(request, eligible, ranks, ordered, out);
        }
        return out;
    }

    private static boolean within(final Request request, final long price)
    {
        return request.limit == 0 || (request.buy ? price <= request.limit : price >= request.limit);
    }

    private static BigInteger net(final long price, final long fee, final boolean add)
    {
        return BigInteger.valueOf(price).multiply(BigInteger.valueOf(add ? FEE_ONE + fee : FEE_ONE - fee));
    }

    private void sweep(
        final Request request, final List<Book> eligible, final Map<Book, Integer> ranks, final boolean ordered,
        final Outcome out)
    {
        // every whole lot of every venue, priced at the level holding its last unit, within the limit
        final List<Level> lots = new ArrayList<>();
        long visible = 0;
        for (final Book book : eligible)
        {
            final long[] prices = request.buy ? book.askPrice : book.bidPrice;
            final long[] qtys = request.buy ? book.askQty : book.bidQty;
            final long lot = Math.max(1, book.lot);
            for (int i = 0; i < prices.length && within(request, prices[i]); i++)
            {
                visible += qtys[i];
            }
            for (long k = 1; ; k++)
            {
                long cumulative = 0;
                int at = -1;
                for (int i = 0; i < prices.length; i++)
                {
                    cumulative += qtys[i];
                    if (cumulative >= k * lot)
                    {
                        at = i;
                        break;
                    }
                }
                if (at < 0 || !within(request, prices[at]))
                {
                    break;
                }
                lots.add(new Level(book, (int)k, prices[at], lot, ranks.get(book)));
            }
        }
        Comparator<Level> order = Comparator.comparingInt(l -> ordered ? l.rank : 0);
        final Comparator<Level> byNetPrice = Comparator.comparing(l -> net(l.price, l.book.taker, request.buy));
        order = order.thenComparing(request.buy ? byNetPrice : byNetPrice.reversed())
            .thenComparingInt(Level::rank)
            .thenComparingInt(l -> l.book.venueId)
            .thenComparingInt(Level::index);
        lots.sort(order);

        final List<Book> droppedVenues = new ArrayList<>();
        Map<Book, Long> alloc;
        while (true)
        {
            alloc = new LinkedHashMap<>();
            out.passes++;
            long remaining = request.qty;
            for (final Level lot : lots)
            {
                if (!droppedVenues.contains(lot.book) && lot.qty <= remaining)
                {
                    alloc.merge(lot.book, lot.qty, Long::sum);
                    remaining -= lot.qty;
                }
            }
            boolean changed = false;
            for (final Map.Entry<Book, Long> entry : alloc.entrySet())
            {
                final Book book = entry.getKey();
                final long q = entry.getValue();
                if (!meets(book, q, childPrice(request, book, worst(request, book, q))))
                {
                    droppedVenues.add(book);
                    changed = true;
                }
            }
            if (!changed)
            {
                break;
            }
        }
        BigDecimal value = BigDecimal.ZERO;
        for (final Map.Entry<Book, Long> entry : alloc.entrySet())
        {
            final Book book = entry.getKey();
            final long q = entry.getValue();
            out.children.add(new long[] {book.venueId, q, childPrice(request, book, worst(request, book, q))});
            out.routed += q;
            value = value.add(takenValue(request, book, q));
        }
        out.unrouted = request.qty - out.routed;
        if (out.routed > 0)
        {
            out.average = value.doubleValue() / out.routed;
        }
        if (out.unrouted > 0)
        {
            out.reason = visible >= request.qty ? UnroutedReason.VENUE_RULES : UnroutedReason.NO_LIQUIDITY_WITHIN_LIMIT;
        }
    }

    private static BigDecimal takenValue(final Request request, final Book book, final long qty)
    {
        final long[] prices = request.buy ? book.askPrice : book.bidPrice;
        final long[] qtys = request.buy ? book.askQty : book.bidQty;
        BigDecimal value = BigDecimal.ZERO;
        long left = qty;
        for (int i = 0; left > 0; i++)
        {
            final long q = Math.min(left, qtys[i]);
            value = value.add(BigDecimal.valueOf(q).multiply(BigDecimal.valueOf(prices[i])));
            left -= q;
        }
        final BigDecimal fee = BigDecimal.valueOf(book.taker).divide(BigDecimal.valueOf(FEE_ONE));
        return value.multiply(request.buy ? BigDecimal.ONE.add(fee) : BigDecimal.ONE.subtract(fee));
    }

    private static long worst(final Request request, final Book book, final long qty)
    {
        final long[] prices = request.buy ? book.askPrice : book.bidPrice;
        final long[] qtys = request.buy ? book.askQty : book.bidQty;
        long cumulative = 0;
        for (int i = 0; i < prices.length; i++)
        {
            cumulative += qtys[i];
            if (cumulative >= qty)
            {
                return prices[i];
            }
        }
        throw new IllegalStateException("allocated more than the book shows");
    }

    private static long down(final long price, final long tick)
    {
        return tick <= 0 ? price : Math.floorDiv(price, tick) * tick;
    }

    private static long up(final long price, final long tick)
    {
        return tick <= 0 ? price : -Math.floorDiv(-price, tick) * tick;
    }

    private static long childPrice(final Request request, final Book book, final long worst)
    {
        if (request.buy)
        {
            final long price = up(worst, book.tick);
            return request.limit > 0 && price > request.limit ? down(request.limit, book.tick) : price;
        }
        final long price = down(worst, book.tick);
        return request.limit > 0 && price < request.limit ? up(request.limit, book.tick) : price;
    }

    private static boolean meets(final Book book, final long qty, final long price)
    {
        if (qty < book.minQty)
        {
            return false;
        }
        final BigDecimal notional = BigDecimal.valueOf(qty).multiply(BigDecimal.valueOf(price)).movePointLeft(book.qtyScale);
        return notional.compareTo(BigDecimal.valueOf(book.minNotional)) >= 0;
    }

    private record Candidate(Book book, long price, long qty, long queue, int rank)
    {
    }

    private void post(
        final Request request, final List<Book> eligible, final Map<Book, Integer> ranks, final boolean ordered,
        final Outcome out)
    {
        out.passive = true;
        final List<Candidate> candidates = new ArrayList<>();
        boolean blocked = false;
        for (final Book book : eligible)
        {
            final long[] prices = request.buy ? book.bidPrice : book.askPrice;
            final long[] qtys = request.buy ? book.bidQty : book.askQty;
            if (prices.length == 0)
            {
                continue;
            }
            final long price = request.buy ?
                down(request.limit > 0 ? Math.min(prices[0], request.limit) : prices[0], book.tick) :
                up(request.limit > 0 ? Math.max(prices[0], request.limit) : prices[0], book.tick);
            final long q = book.lot > 0 ? request.qty / book.lot * book.lot : request.qty;
            if (price <= 0 || q <= 0 || !meets(book, q, price))
            {
                blocked = true;
                continue;
            }
            long queue = 0;
            for (int i = 0; i < prices.length; i++)
            {
                if (request.buy ? prices[i] >= price : prices[i] <= price)
                {
                    queue += qtys[i];
                }
            }
            candidates.add(new Candidate(book, price, q, queue, ranks.get(book)));
        }
        if (candidates.isEmpty())
        {
            out.unrouted = request.qty;
            out.reason = blocked ? UnroutedReason.VENUE_RULES : UnroutedReason.NO_PASSIVE_PRICE;
            return;
        }
        final Comparator<Candidate> byScore = Comparator.comparing(c -> net(c.price, c.book.maker, !request.buy));
        final Comparator<Candidate> order = Comparator.<Candidate>comparingInt(c -> ordered ? c.rank : 0)
            .thenComparing(request.buy ? byScore.reversed() : byScore)
            .thenComparingLong(Candidate::queue)
            .thenComparingInt(Candidate::rank)
            .thenComparingInt(c -> c.book.venueId);
        candidates.sort(order);
        final Candidate chosen = candidates.get(0);
        out.children.add(new long[] {chosen.book.venueId, chosen.qty, chosen.price});
        out.routed = chosen.qty;
        out.unrouted = request.qty - chosen.qty;
        out.reason = out.unrouted > 0 ? UnroutedReason.VENUE_RULES : UnroutedReason.NONE;
        final double fee = (double)chosen.book.maker / FEE_ONE;
        out.average = chosen.price * (request.buy ? 1 + fee : 1 - fee);
    }
}
