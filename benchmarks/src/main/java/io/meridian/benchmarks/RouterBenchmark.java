package io.meridian.benchmarks;

import io.meridian.oms.model.Side;
import io.meridian.router.RouteRequest;
import io.meridian.router.RouteResult;
import io.meridian.router.RouterConfig;
import io.meridian.router.RoutingPolicy;
import io.meridian.router.SmartRouter;
import io.meridian.router.VenueDepth;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The smart router's decision for a marketable BTC-USD buy over three venues' top 20 levels (price 2
 * decimals, quantity 8; lot 0.00001, min notional 5.00, taker fees 10 / 9.5 / 9 bp). {@code sweep} takes
 * half of the visible liquidity, so every venue is touched and the merge walks about 30 levels;
 * {@code sweepRerouted} adds a minimum quantity on one venue that drops its share and forces a second
 * pass; {@code passive} is the best-queue post over the same books.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouterBenchmark
{
    private static final long[] TAKER_BP_X100 = {1_000, 950, 900};

    private final RouterConfig config = RouterConfig.defaults();
    private final SmartRouter router = new SmartRouter(config);
    private final RouteRequest request = new RouteRequest(config.maxVenues());
    private final RouteResult result = new RouteResult(config.maxVenues());
    private final VenueDepth[] books = new VenueDepth[3];
    private final VenueDepth[] reroutedBooks = new VenueDepth[3];
    private long qty;

    @Setup
    public void setUp()
    {
        long visible = 0;
        for (int v = 0; v < books.length; v++)
        {
            books[v] = book(v, 1_000);
            reroutedBooks[v] = book(v, v == 2 ? 1_000_000_000L : 1_000);
            for (int i = 0; i < 20; i++)
            {
                visible += books[v].askQty(i);
            }
        }
        qty = visible / 2;
    }

    private static VenueDepth book(final int venueId, final long minQty)
    {
        final VenueDepth book = new VenueDepth(venueId, 20).rules(1, 1_000, minQty, 5_00, 8)
            .fees(TAKER_BP_X100[venueId] * VenueDepth.FEE_PER_BP / 100, 0);
        book.health().healthy();
        for (int i = 0; i < 20; i++)
        {
            // ladders 1.00 apart, offset 0.33 a venue, uneven sizes: half a bp of fee (3.25 at 65,000) is about
            // three levels, so the merge switches venue often and reaches all three
            book.addAsk(65_000_00 + 33L * venueId + 100L * i, 2_000_000L + 1_000_000L * ((i * 7 + venueId) % 5));
            book.addBid(64_999_00 - 33L * venueId - 100L * i, 2_000_000L + 1_000_000L * ((i * 7 + venueId) % 5));
        }
        return book;
    }

    @Benchmark
    public long sweep()
    {
        request.set(Side.BUY, qty, 0, RoutingPolicy.BEST_PRICE_SWEEP);
        return router.route(request, books, result).routedQty();
    }

    @Benchmark
    public long sweepRerouted()
    {
        request.set(Side.BUY, qty, 0, RoutingPolicy.BEST_PRICE_SWEEP);
        return router.route(request, reroutedBooks, result).routedQty();
    }

    @Benchmark
    public long passive()
    {
        request.set(Side.BUY, qty, 0, RoutingPolicy.PASSIVE_BEST_QUEUE);
        return router.route(request, books, result).routedQty();
    }
}
