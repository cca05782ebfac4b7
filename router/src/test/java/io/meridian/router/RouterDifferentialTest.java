package io.meridian.router;

import io.meridian.oms.model.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link SmartRouter} against {@link ReferenceRouter} over seeded random books, fees, rules, health and
 * requests: the same children (venue, quantity, price, in order), totals, reasons and skipped venues, and
 * the venue rules hold for every child. Small price ranges and few fee values make ties common.
 */
class RouterDifferentialTest
{
    private static final int CASES = 20_000;
    private static final long[] FEES = {-2 * VenueDepth.FEE_PER_BP, 0, VenueDepth.FEE_PER_BP, 250_000, 10 * VenueDepth.FEE_PER_BP};
    private static final long[] TICKS = {0, 1, 1, 5, 25};
    private static final long[] LOTS = {0, 1, 1, 10, 100, 1_000};
    private static final int[] QTY_SCALES = {0, 2, 4};

    private final RouterConfig config = new RouterConfig(8, 100_000, 50_000, 50_000_000);
    private final SmartRouter router = new SmartRouter(config);
    private final ReferenceRouter reference = new ReferenceRouter(100_000, 50_000, 50_000_000);
    private final RouteRequest request = new RouteRequest(config.maxVenues());
    private final RouteResult result = new RouteResult(config.maxVenues());
    private final VenueDepth[] pool = new VenueDepth[10];

    RouterDifferentialTest()
    {
        for (int i = 0; i < pool.length; i++)
        {
            pool[i] = new VenueDepth(i, 20);
        }
    }

    @Test
    void routerMatchesTheBruteForceReference()
    {
        final SplittableRandom random = new SplittableRandom(20261207L);
        int routedSome = 0;
        // cases where a venue was dropped for its minimums and the sweep ran again
        int rerouted = 0;
        final int[] reasons = new int[UnroutedReason.values().length];
        final int[] children = new int[config.maxVenues() + 1];
        int skippedSome = 0;
        for (int n = 0; n < CASES; n++)
        {
            final long caseSeed = random.nextLong();
            final CaseOutcome outcome = runCase(caseSeed);
            routedSome += outcome.routed ? 1 : 0;
            rerouted += outcome.rerouted ? 1 : 0;
            reasons[result.unroutedReason().ordinal()]++;
            children[result.childCount()]++;
            skippedSome += result.skippedCount() > 0 ? 1 : 0;
        }
        System.out.println("differential: " + CASES + " cases, routed some " + routedSome + ", rerouted after a drop " + rerouted +
            ", with skipped venues " + skippedSome + ", unrouted reasons " +
            java.util.Arrays.toString(UnroutedReason.values()) + " " + java.util.Arrays.toString(reasons) +
            ", cases by child count " + java.util.Arrays.toString(children));
        assertThat(children[2] + children[3]).isGreaterThan(CASES / 10);
        assertThat(reasons[UnroutedReason.VENUE_RULES.ordinal()]).isGreaterThan(CASES / 100);
        assertThat(skippedSome).isGreaterThan(CASES / 10);
        // the generator must reach the interesting paths, or the comparison proves little
        assertThat(routedSome).isGreaterThan(CASES / 2);
        assertThat(rerouted).isGreaterThan(CASES / 50);
    }

    private record CaseOutcome(boolean routed, boolean rerouted)
    {
    }

    private CaseOutcome runCase(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int qtyScale = QTY_SCALES[random.nextInt(QTY_SCALES.length)];
        final List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < pool.length; i++)
        {
            ids.add(i);
        }
        Collections.shuffle(ids, new java.util.Random(random.nextLong()));
        final int venues = 1 + random.nextInt(5);
        final List<ReferenceRouter.Book> books = new ArrayList<>();
        final VenueDepth[] depths = new VenueDepth[venues + 1];
        long visible = 0;
        for (int v = 0; v < venues; v++)
        {
            final ReferenceRouter.Book book = randomBook(random, ids.get(v), qtyScale);
            books.add(book);
            depths[v] = copy(book);
            for (final long q : book.askQty)
            {
                visible += q;
            }
        }
        Collections.shuffle(java.util.Arrays.asList(depths), new java.util.Random(seed));

        final ReferenceRouter.Request ref = new ReferenceRouter.Request();
        final Side side = random.nextInt(3) == 0 ? Side.BUY : (random.nextBoolean() ? Side.SELL : Side.SELL_SHORT);
        ref.buy = side == Side.BUY;
        ref.policy = RoutingPolicy.values()[random.nextInt(RoutingPolicy.values().length)];
        ref.qty = 1 + random.nextLong(Math.max(1, visible + visible / 3));
        ref.limit = random.nextInt(3) == 0 ? 0 : (ref.buy ? 9_995 : 9_960) + random.nextInt(40);
        ref.passive = random.nextBoolean();
        request.set(side, ref.qty, ref.limit, ref.policy).passive(ref.passive);
        // mostly venues that have a book, sometimes one that has none
        final int preferred = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(venues + 1);
        for (int i = 0; i < preferred; i++)
        {
            final int id = ids.get(random.nextInt(12) == 0 ? venues : random.nextInt(venues));
            if (!ref.preferences.contains(id))
            {
                ref.preferences.add(id);
                request.prefer(id);
            }
        }
        ref.single = ids.get(random.nextInt(12) == 0 ? venues : random.nextInt(venues));
        request.venue(ref.single);

        // the reference sees the books in the router's array order (skipped venues are listed in it)
        final List<ReferenceRouter.Book> ordered = new ArrayList<>();
        for (final VenueDepth depth : depths)
        {
            if (depth != null)
            {
                for (final ReferenceRouter.Book book : books)
                {
                    if (book.venueId == depth.venueId())
                    {
                        ordered.add(book);
                    }
                }
            }
        }
        final ReferenceRouter.Outcome expected = reference.route(ref, ordered);
        router.route(request, depths, result);

        final String context = "case seed " + seed + ": " + describe(ref, ordered) + "\n router:    " + result +
            "\n reference: " + describeOutcome(expected);
        assertThat(result.childCount()).as(context).isEqualTo(expected.children.size());
        for (int i = 0; i < result.childCount(); i++)
        {
            final long[] child = expected.children.get(i);
            assertThat(new long[] {result.childVenueId(i), result.childQty(i), result.childPrice(i)}).as(context)
                .containsExactly(child);
        }
        assertThat(result.routedQty()).as(context).isEqualTo(expected.routed);
        assertThat(result.unroutedQty()).as(context).isEqualTo(expected.unrouted);
        assertThat(result.unroutedReason()).as(context).isEqualTo(expected.reason);
        assertThat(result.passive()).as(context).isEqualTo(expected.passive);
        assertThat(result.averagePriceWithFees()).as(context)
            .isCloseTo(expected.average, within(Math.abs(expected.average) * 1e-9 + 1e-9));
        final List<String> skipped = new ArrayList<>();
        for (int i = 0; i < result.skippedCount(); i++)
        {
            skipped.add(result.skippedVenueId(i) + ":" + result.skippedReason(i));
        }
        assertThat(skipped).as(context).isEqualTo(expected.skipped);
        assertRulesHold(context, ordered);
        return new CaseOutcome(result.routedQty() > 0, expected.passes > 1 && result.routedQty() > 0);
    }

    /** The invariants that do not depend on the reference: no overfill, lots, minimums, tick grid, limit. */
    private void assertRulesHold(final String context, final List<ReferenceRouter.Book> books)
    {
        long sum = 0;
        for (int i = 0; i < result.childCount(); i++)
        {
            final ReferenceRouter.Book book = byId(books, result.childVenueId(i));
            final long qty = result.childQty(i);
            final long price = result.childPrice(i);
            sum += qty;
            assertThat(qty).as(context).isPositive().isGreaterThanOrEqualTo(book.minQty);
            if (book.lot > 0)
            {
                assertThat(qty % book.lot).as(context).isZero();
            }
            if (book.tick > 0)
            {
                assertThat(price % book.tick).as(context).isZero();
            }
            if (request.limitPrice() > 0)
            {
                if (request.side() == Side.BUY)
                {
                    assertThat(price).as(context).isLessThanOrEqualTo(request.limitPrice());
                }
                else
                {
                    assertThat(price).as(context).isGreaterThanOrEqualTo(request.limitPrice());
                }
            }
            assertThat(java.math.BigInteger.valueOf(qty).multiply(java.math.BigInteger.valueOf(price)))
                .as(context).isGreaterThanOrEqualTo(java.math.BigInteger.valueOf(book.minNotional)
                    .multiply(java.math.BigInteger.TEN.pow(book.qtyScale)));
        }
        assertThat(sum).as(context).isEqualTo(result.routedQty()).isLessThanOrEqualTo(request.qty());
        assertThat(result.routedQty() + result.unroutedQty()).as(context).isEqualTo(request.qty());
    }

    private static ReferenceRouter.Book byId(final List<ReferenceRouter.Book> books, final int venueId)
    {
        for (final ReferenceRouter.Book book : books)
        {
            if (book.venueId == venueId)
            {
                return book;
            }
        }
        throw new AssertionError("child for an unknown venue " + venueId);
    }

    private static ReferenceRouter.Book randomBook(final SplittableRandom random, final int venueId, final int qtyScale)
    {
        final ReferenceRouter.Book book = new ReferenceRouter.Book();
        book.venueId = venueId;
        book.qtyScale = qtyScale;
        book.tick = TICKS[random.nextInt(TICKS.length)];
        book.lot = LOTS[random.nextInt(LOTS.length)];
        final long lotOrOne = Math.max(1, book.lot);
        book.minQty = random.nextInt(3) == 0 ? lotOrOne * (1 + random.nextInt(8)) + (random.nextInt(4) == 0 ? 1 : 0) : 0;
        final long typicalNotional = 10_000L * 30 * lotOrOne / SmartRouter.POWERS_OF_TEN[qtyScale];
        book.minNotional = random.nextInt(3) == 0 ? random.nextLong(Math.max(2, typicalNotional * 3)) : 0;
        book.taker = FEES[random.nextInt(FEES.length)];
        book.maker = FEES[random.nextInt(FEES.length)];
        switch (random.nextInt(30))
        {
            case 0 -> book.halted = true;
            case 1 -> book.connected = false;
            case 2 -> book.inSync = false;
            case 3 -> book.headroomPpm = random.nextInt(100_000);
            case 4 -> book.rejectPpm = 50_001 + random.nextInt(100_000);
            case 5 -> book.ackNanos = 50_000_001 + random.nextInt(1_000_000);
            default -> book.headroomPpm = 100_000 + random.nextInt(900_001);
        }
        final long step = Math.max(1, book.tick);
        final int asks = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(20);
        book.askPrice = new long[asks];
        book.askQty = new long[asks];
        long price = 10_000 + step * random.nextInt(4);
        for (int i = 0; i < asks; i++)
        {
            // mostly on the venue's grid; sometimes not, as a finer instrument scale would show
            book.askPrice[i] = price + offGrid(random, step);
            book.askQty[i] = levelQty(random, lotOrOne);
            price += step * (1 + random.nextInt(3));
        }
        final int bids = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(20);
        book.bidPrice = new long[bids];
        book.bidQty = new long[bids];
        price = 9_999 - step * random.nextInt(4);
        for (int i = 0; i < bids; i++)
        {
            book.bidPrice[i] = price - offGrid(random, step);
            book.bidQty[i] = levelQty(random, lotOrOne);
            price -= step * (1 + random.nextInt(3));
        }
        return book;
    }

    private static long offGrid(final SplittableRandom random, final long step)
    {
        return step > 1 && random.nextInt(10) == 0 ? 1 + random.nextInt((int)step - 1) : 0;
    }

    private static long levelQty(final SplittableRandom random, final long lot)
    {
        final long qty = lot * (1 + random.nextInt(30));
        return random.nextInt(6) == 0 ? qty + 1 + random.nextLong(lot) : qty;
    }

    private VenueDepth copy(final ReferenceRouter.Book book)
    {
        final VenueDepth depth = pool[book.venueId].clear()
            .rules(book.tick, book.lot, book.minQty, book.minNotional, book.qtyScale).fees(book.taker, book.maker);
        for (int i = 0; i < book.askPrice.length; i++)
        {
            assertThat(depth.addAsk(book.askPrice[i], book.askQty[i])).isTrue();
        }
        for (int i = 0; i < book.bidPrice.length; i++)
        {
            assertThat(depth.addBid(book.bidPrice[i], book.bidQty[i])).isTrue();
        }
        depth.health().healthy().halted(book.halted).connected(book.connected).bookInSync(book.inSync)
            .rateLimitHeadroomPpm(book.headroomPpm).rejectRatePpm(book.rejectPpm).ackLatencyP50Nanos(book.ackNanos);
        return depth;
    }

    private static String describe(final ReferenceRouter.Request request, final List<ReferenceRouter.Book> books)
    {
        final StringBuilder text = new StringBuilder()
            .append(request.buy ? "BUY " : "SELL ").append(request.qty).append(" limit ").append(request.limit)
            .append(' ').append(request.policy).append(request.passive ? " passive" : "").append(" prefs ")
            .append(request.preferences).append(" single ").append(request.single);
        for (final ReferenceRouter.Book book : books)
        {
            text.append("\n  venue ").append(book.venueId).append(" tick ").append(book.tick).append(" lot ")
                .append(book.lot).append(" minQty ").append(book.minQty).append(" minNotional ").append(book.minNotional)
                .append(" qtyScale ").append(book.qtyScale).append(" taker ").append(book.taker).append(" maker ")
                .append(book.maker).append(" asks ");
            for (int i = 0; i < book.askPrice.length; i++)
            {
                text.append(book.askQty[i]).append('@').append(book.askPrice[i]).append(' ');
            }
            text.append("bids ");
            for (int i = 0; i < book.bidPrice.length; i++)
            {
                text.append(book.bidQty[i]).append('@').append(book.bidPrice[i]).append(' ');
            }
        }
        return text.toString();
    }

    private static String describeOutcome(final ReferenceRouter.Outcome outcome)
    {
        final StringBuilder text = new StringBuilder();
        for (final long[] child : outcome.children)
        {
            text.append("venue ").append(child[0]).append(' ').append(child[1]).append('@').append(child[2]).append(", ");
        }
        return text.append(outcome.passive ? "passive " : "").append("routed=").append(outcome.routed)
            .append(", unrouted=").append(outcome.unrouted).append(' ').append(outcome.reason)
            .append(", avg=").append(outcome.average).append(", skipped ").append(outcome.skipped).toString();
    }
}
