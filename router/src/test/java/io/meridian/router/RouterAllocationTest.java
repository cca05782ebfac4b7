package io.meridian.router;

import io.meridian.oms.model.Side;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Thread-allocated bytes of routing decisions in steady state: none, for every policy. */
class RouterAllocationTest
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private static long allocated()
    {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    @Test
    void routingAllocatesNothing()
    {
        final RouterConfig config = RouterConfig.defaults();
        final SmartRouter router = new SmartRouter(config);
        final RouteResult result = new RouteResult(config.maxVenues());
        final RouteRequest request = new RouteRequest(config.maxVenues());
        final VenueDepth[] books = new VenueDepth[3];
        for (int v = 0; v < books.length; v++)
        {
            // BTC-USD: price 2 decimals, quantity 8; lot 0.00001, min notional 5.00, taker 10 / 8 / 5 bp
            books[v] = new VenueDepth(v, 20).rules(1, 1_000, 1_000, 5_00, 8)
                .fees((10 - 2L * v - (v == 2 ? 1 : 0)) * VenueDepth.FEE_PER_BP, -VenueDepth.FEE_PER_BP);
            books[v].health().healthy();
            for (int i = 0; i < 20; i++)
            {
                books[v].addAsk(65_000_00 + v + 2L * i, 5_000_000L + 1_000_000L * ((i + v) % 4));
                books[v].addBid(64_999_00 - v - 2L * i, 5_000_000L + 1_000_000L * ((i + v) % 4));
            }
        }
        books[1].health().ackLatencyP50Nanos(config.maxAckLatencyP50Nanos() + 1);

        long checksum = 0;
        for (int i = 0; i < 200_000; i++)
        {
            checksum += routeAll(router, request, books, result, i);
        }
        // an empty window shows what reading the counter costs (0 with the bean held in a field)
        final long emptyBefore = allocated();
        final long empty = allocated() - emptyBefore;
        final long before = allocated();
        for (int i = 0; i < 20_000; i++)
        {
            checksum += routeAll(router, request, books, result, i);
        }
        final long bytes = allocated() - before;
        System.out.println("allocated bytes over 20,000 x 5 routing decisions: " + bytes + " (an empty window: " + empty +
            ", checksum " + checksum + ")");
        assertThat(checksum).isPositive();
        assertThat(bytes).isZero();
    }

    private static long routeAll(
        final SmartRouter router, final RouteRequest request, final VenueDepth[] books, final RouteResult result, final int i)
    {
        long sum = 0;
        final long qty = 150_000_000L + (i % 7) * 3_333_333L;
        request.set(Side.BUY, qty, 0, RoutingPolicy.BEST_PRICE_SWEEP);
        sum += router.route(request, books, result).routedQty();
        request.set(Side.SELL, qty, 64_998_00, RoutingPolicy.BEST_PRICE_SWEEP).prefer(2);
        sum += router.route(request, books, result).routedQty();
        request.set(Side.BUY, qty, 0, RoutingPolicy.PASSIVE_BEST_QUEUE);
        sum += router.route(request, books, result).routedQty();
        request.set(Side.BUY, qty, 0, RoutingPolicy.PREFERENCE_LIST).prefer(2).prefer(0);
        sum += router.route(request, books, result).routedQty();
        request.set(Side.SELL, qty, 0, RoutingPolicy.SINGLE_VENUE).venue(1);
        sum += router.route(request, books, result).unroutedQty();
        return sum;
    }
}
