package io.meridian.router;

import io.meridian.oms.model.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** One behaviour each: policies, venue rules, fees, health. Prices 2 decimals; quantities 2 decimals unless said. */
class SmartRouterTest
{
    private static final long BP = VenueDepth.FEE_PER_BP;

    private final RouterConfig config = RouterConfig.defaults();
    private final SmartRouter router = new SmartRouter(config);
    private final RouteRequest request = new RouteRequest(config.maxVenues());
    private final RouteResult result = new RouteResult(config.maxVenues());

    private static VenueDepth venue(final int id)
    {
        final VenueDepth depth = new VenueDepth(id, 20).rules(1, 1, 0, 0, 2);
        depth.health().healthy();
        return depth;
    }

    private RouteResult route(final VenueDepth... books)
    {
        return router.route(request, books, result);
    }

    private static void assertChild(final RouteResult result, final int index, final int venueId, final long qty, final long price)
    {
        assertThat(result.childVenueId(index)).as("venue of child %d in %s", index, result).isEqualTo(venueId);
        assertThat(result.childQty(index)).as("qty of child %d in %s", index, result).isEqualTo(qty);
        assertThat(result.childPrice(index)).as("price of child %d in %s", index, result).isEqualTo(price);
    }

    @Test
    void sweepTakesLevelsAcrossVenuesByPrice()
    {
        final VenueDepth a = venue(1);
        a.addAsk(100_00, 5_00);
        a.addAsk(100_02, 5_00);
        final VenueDepth b = venue(2);
        b.addAsk(100_01, 3_00);
        b.addAsk(100_05, 50_00);
        request.set(Side.BUY, 10_00, 0, RoutingPolicy.BEST_PRICE_SWEEP);

        route(a, b);

        assertThat(result.childCount()).isEqualTo(2);
        assertChild(result, 0, 1, 7_00, 100_02);
        assertChild(result, 1, 2, 3_00, 100_01);
        assertThat(result.routedQty()).isEqualTo(10_00);
        assertThat(result.unroutedQty()).isZero();
        assertThat(result.unroutedReason()).isEqualTo(UnroutedReason.NONE);
        assertThat(result.passive()).isFalse();
        assertThat(result.averagePriceWithFees()).isCloseTo((5 * 100_00 + 3 * 100_01 + 2 * 100_02) / 10.0, offset(1e-9));
    }

    @Test
    void sellSweepTakesHighestBidsFirst()
    {
        final VenueDepth a = venue(1);
        a.addBid(99_99, 4_00);
        a.addBid(99_97, 10_00);
        final VenueDepth b = venue(2);
        b.addBid(99_98, 2_00);
        request.set(Side.SELL_SHORT, 8_00, 0, RoutingPolicy.BEST_PRICE_SWEEP);

        route(a, b);

        assertChild(result, 0, 1, 6_00, 99_97);
        assertChild(result, 1, 2, 2_00, 99_98);
        assertThat(result.routedQty()).isEqualTo(8_00);
    }

    @Test
    void takerFeeChangesTheOrderOfVenues()
    {
        final VenueDepth a = venue(1).fees(10 * BP, 0);
        a.addAsk(100_00, 5_00);
        final VenueDepth b = venue(2).fees(2 * BP, 0);
        b.addAsk(100_05, 5_00);
        request.set(Side.BUY, 5_00, 0, RoutingPolicy.BEST_PRICE_SWEEP);

        // 100.00 x 1.0010 = 100.100 against 100.05 x 1.0002 = 100.070
        route(a, b);
        assertThat(result.childCount()).isEqualTo(1);
        assertChild(result, 0, 2, 5_00, 100_05);
        assertThat(result.averagePriceWithFees()).isCloseTo(100_05 * 1.0002, offset(1e-6));

        a.fees(0, 0);
        route(a, b);
        assertChild(result, 0, 1, 5_00, 100_00);
    }

    @Test
    void sellFeeLowersWhatABidIsWorth()
    {
        final VenueDepth a = venue(1).fees(10 * BP, 0);
        a.addBid(100_05, 5_00);
        final VenueDepth b = venue(2).fees(-1 * BP, 0);
        b.addBid(100_00, 5_00);
        request.set(Side.SELL, 5_00, 0, RoutingPolicy.BEST_PRICE_SWEEP);

        // 100.05 x 0.9990 = 99.95 against 100.00 x 1.0001 = 100.01
        route(a, b);
        assertChild(result, 0, 2, 5_00, 100_00);
    }

    @Test
    void equalEffectivePricesBreakByPreferenceThenVenueId()
    {
        final VenueDepth a = venue(1);
        a.addAsk(100_00, 5_00);
        final VenueDepth b = venue(2);
        b.addAsk(100_00, 5_00);
        request.set(Side.BUY, 3_00, 0, RoutingPolicy.BEST_PRICE_SWEEP);
        route(b, a);
        assertChild(result, 0, 1, 3_00, 100_00);

        request.set(Side.BUY, 3_00, 0, RoutingPolicy.BEST_PRICE_SWEEP).prefer(2);
        route(a, b);
        assertChild(result, 0, 2, 3_00, 100_00);
    }

    @Test
    void limitIsComparedOnTheRawVenuePrice()
    {
        // a rebate takes venue 1's 100.01 under the limit net of fees; the raw price is still above it
        final VenueDepth a = venue(1).fees(-5 * BP, 0);
        a.addAsk(100_01, 5_00);
        final VenueDepth b = venue(2).fees(5 * BP, 0);
        b.addAsk(100_00, 2_00);
        request.set(Side.BUY, 5_00, 100_00, RoutingPolicy.BEST_PRICE_SWEEP);

        route(a, b);

        assertThat(result.childCount()).isEqualTo(1);
        assertChild(result, 0, 2, 2_00, 100_00);
        assertThat(result.unroutedQty()).isEqualTo(3_00);
        assertThat(result.unroutedReason()).isEqualTo(UnroutedReason.NO_LIQUIDITY_WITHIN_LIMIT);
    }

    @Test
    void lotSizeRoundsDownAndTheRestGoesToTheNextLiquidity()
    {
        final VenueDepth a = venue(1).rules(1, 10, 0, 0, 2);
        a.addAsk(100_00, 10_55);
        a.addAsk(100_10, 100_00);
        final VenueDepth b = venue(2);
        b.addAsk(100_01, 100_00);
        request.set(Side.BUY, 20_00, 0, RoutingPolicy.BEST_PRICE_SWEEP);

        route(a, b);

        // venue 1's whole lots of its first level make 10.50; its next lot would reach 100.10, so venue 2 takes 9.50
        assertChild(result, 0, 1, 10_50, 100_00);
        assertChild(result, 1, 2, 9_50, 100_01);
        assertThat(result.routedQty()).isEqualTo(20_00);
        assertThat(result.unroutedReason()).isEqualTo(UnroutedReason.NONE);
    }

    @Test
    void remainderBelowEveryLotIsLeftUnroutedNotSentToBeRejected()
    {
        final VenueDepth a = venue(1).rules(1, 1_00, 0, 0, 2);
        a.addAsk(100_00, 100_00);
        request.set(Side.BUY, 10_50, 0, RoutingPolicy.BEST_PRICE_SWEEP);

        route(a);

        assertChild(result, 0, 1, 10_00, 100_00);
        assertThat(result.unroutedQty()).isEqualTo(50);
        assertThat(result.unroutedReason()).isEqualTo(UnroutedReason.VENUE_RULES);
    }

    @Test
    void allocationBelowMinQtyIsDroppedAndRerouted()
    {
        final VenueDepth a = venue(1).rules(1, 1, 2_00, 0, 2);
        a.addAsk(100_00, 1_00);
        final VenueDepth b = venue(2);
        b.addAsk(100_01, 100_00);
        request.set(Side.BUY, 11_00, 0, RoutingPolicy.BEST_PRICE_SWEEP);

        route(a, b);

        assertThat(result.childCount()).isEqualTo(1);
        assertChild(result, 0, 2, 11_00, 100_01);
        assertThat(result.unroutedReason()).isEqualTo(UnroutedReason.NONE);
    }

    @Test
    void allocationBelowMinNotionalIsDroppedAndRerouted()
    {
        // quantities with 8 decimals: venue 1 shows 0.05 at 100.00 (notional 5.00) and wants 10.00
        final VenueDepth a = new VenueDepth(1, 20).rules(1, 1_000, 0, 10_00, 8);
        a.health().healthy();
        a.addAsk(100_00, 5_000_000L);
        final VenueDepth b = new VenueDepth(2, 20).rules(1, 1_000, 0, 10_00, 8);
        b.health().healthy();
        b.addAsk(100_02, 1_00000000L);
        request.set(Side.BUY, 20_000_000L, 0, RoutingPolicy.BEST_PRICE_SWEEP);

        route(a, b);

        assertThat(result.childCount()).isEqualTo(1);
        assertChild(result, 0, 2, 20_000_000L, 100_02);

        // the same 0.05 passes once the parent is big enough for venue 1's 0.10 at 100.00
        a.clear().addAsk(100_00, 10_000_000L);
        route(a, b);
        assertChild(result, 0, 1, 10_000_000L, 100_00);
        assertChild(result, 1, 2, 10_000_000L, 100_02);
    }

    @Test
    void filterViolationAvoidedByRoundingNotByAVenueReject()
    {
        // BTC-USDT in Meridian's scales (price 2, qty 8). Binance-like: stepSize 0.00001, minQty 0.00001,
        // minNotional 5; OKX-like: lotSz 0.0001, minSz 0.001, no notional rule. The parent, 0.12345678,
        // fits neither venue's step; OKX's best level would leave it a 0.00005 slice.
        final VenueDepth binance = new VenueDepth(1, 20).rules(1, 1_000, 1_000, 5_00, 8).fees(10 * BP, 0);
        binance.health().healthy();
        binance.addAsk(65_000_00, 4_000_000L);
        binance.addAsk(65_000_50, 50_000_000L);
        final VenueDepth okx = new VenueDepth(2, 20).rules(10, 10_000, 100_000, 0, 8).fees(8 * BP, 0);
        okx.health().healthy();
        okx.addAsk(65_000_10, 8_005_000L);
        okx.addAsk(65_100_00, 50_000_000L);
        request.set(Side.BUY, 12_345_678L, 0, RoutingPolicy.BEST_PRICE_SWEEP);

        route(binance, okx);

        final VenueDepth[] byId = {null, binance, okx};
        for (int i = 0; i < result.childCount(); i++)
        {
            // what the bridge's SymbolFilter checks before sending: the child must pass it as it is
            final VenueDepth venue = byId[result.childVenueId(i)];
            final java.math.BigDecimal qty = java.math.BigDecimal.valueOf(result.childQty(i), 8);
            final java.math.BigDecimal price = java.math.BigDecimal.valueOf(result.childPrice(i), 2);
            assertThat(qty.remainder(java.math.BigDecimal.valueOf(venue.lotSize(), 8)).signum()).as(result.toString()).isZero();
            assertThat(qty.compareTo(java.math.BigDecimal.valueOf(venue.minQty(), 8))).isNotNegative();
            assertThat(price.remainder(java.math.BigDecimal.valueOf(venue.tickSize(), 2)).signum()).isZero();
            assertThat(price.multiply(qty).compareTo(java.math.BigDecimal.valueOf(venue.minNotional(), 2))).isNotNegative();
        }
        // OKX first (8 bp): its 0.08005 rounds down to 0.0800, Binance takes the rest in its own steps
        assertThat(result.childCount()).isEqualTo(2);
        assertChild(result, 0, 2, 8_000_000L, 65_000_10);
        assertChild(result, 1, 1, 4_345_000L, 65_000_50);
        assertThat(result.unroutedQty()).isEqualTo(678L);
        assertThat(result.unroutedReason()).isEqualTo(UnroutedReason.VENUE_RULES);
    }

    @Test
    void childPricesAreOnTheVenueTickGridWithinTheLimit()
    {
        // venue 1's tick is 0.05; its book shows an off-grid level (a finer instrument scale)
        final VenueDepth a = venue(1).rules(5, 1, 0, 0, 2);
        a.addAsk(100_02, 5_00);
        request.set(Side.BUY, 5_00, 0, RoutingPolicy.BEST_PRICE_SWEEP);
        route(a);
        assertChild(result, 0, 1, 5_00, 100_05);

        request.set(Side.BUY, 5_00, 100_04, RoutingPolicy.BEST_PRICE_SWEEP);
        route(a);
        assertChild(result, 0, 1, 5_00, 100_00);

        a.clear().addBid(99_98, 5_00);
        request.set(Side.SELL, 5_00, 0, RoutingPolicy.BEST_PRICE_SWEEP);
        route(a);
        assertChild(result, 0, 1, 5_00, 99_95);
    }

    @Test
    void neverRoutesMoreThanTheParent()
    {
        final VenueDepth a = venue(1);
        final VenueDepth b = venue(2);
        for (int i = 0; i < 20; i++)
        {
            a.addAsk(100_00 + i, 7_00);
            b.addAsk(100_00 + i, 3_00);
        }
        for (long qty = 1; qty <= 200_00; qty += 37)
        {
            request.set(Side.BUY, qty, 0, RoutingPolicy.BEST_PRICE_SWEEP);
            route(a, b);
            assertThat(result.routedQty()).isEqualTo(qty);
            assertThat(result.childQty(0) + (result.childCount() > 1 ? result.childQty(1) : 0)).isEqualTo(qty);
        }
        request.set(Side.BUY, 250_00, 0, RoutingPolicy.BEST_PRICE_SWEEP);
        route(a, b);
        assertThat(result.routedQty()).isEqualTo(200_00);
        assertThat(result.unroutedQty()).isEqualTo(50_00);
        assertThat(result.unroutedReason()).isEqualTo(UnroutedReason.NO_LIQUIDITY_WITHIN_LIMIT);
    }

    @Test
    void healthReasonsComeFromTheFieldsAgainstTheConfig()
    {
        final RouterConfig thresholds = new RouterConfig(4, 200_000, 10_000, 5_000_000);
        final VenueHealth health = new VenueHealth();
        assertThat(health.evaluate(thresholds)).isEqualTo(HealthReason.SESSION_DOWN);
        health.healthy();
        assertThat(health.evaluate(thresholds)).isEqualTo(HealthReason.HEALTHY);
        assertThat(health.bookInSync(false).evaluate(thresholds)).isEqualTo(HealthReason.BOOK_OUT_OF_SYNC);
        health.healthy();
        assertThat(health.rateLimitHeadroomPpm(199_999).evaluate(thresholds)).isEqualTo(HealthReason.RATE_LIMIT);
        assertThat(health.rateLimitHeadroomPpm(200_000).evaluate(thresholds)).isEqualTo(HealthReason.HEALTHY);
        assertThat(health.rejectRatePpm(10_001).evaluate(thresholds)).isEqualTo(HealthReason.REJECT_RATE);
        assertThat(health.rejectRatePpm(10_000).evaluate(thresholds)).isEqualTo(HealthReason.HEALTHY);
        assertThat(health.ackLatencyP50Nanos(5_000_001).evaluate(thresholds)).isEqualTo(HealthReason.ACK_LATENCY);
        assertThat(health.ackLatencyP50Nanos(5_000_000).evaluate(thresholds)).isEqualTo(HealthReason.HEALTHY);
        assertThat(health.connected(false).halted(true).evaluate(thresholds)).isEqualTo(HealthReason.HALTED);
    }

    @Test
    void unhealthyVenueIsSkippedWithItsReason()
    {
        final VenueDepth a = venue(1);
        a.addAsk(99_00, 100_00);
        a.health().connected(false);
        final VenueDepth b = venue(2);
        b.addAsk(100_00, 100_00);
        b.health().rejectRatePpm(500_000);
        final VenueDepth c = venue(3);
        c.addAsk(101_00, 100_00);
        request.set(Side.BUY, 10_00, 0, RoutingPolicy.BEST_PRICE_SWEEP);

        route(a, b, c);

        assertThat(result.childCount()).isEqualTo(1);
        assertChild(result, 0, 3, 10_00, 101_00);
        assertThat(result.skippedCount()).isEqualTo(2);
        assertThat(result.skippedVenueId(0)).isEqualTo(1);
        assertThat(result.skippedReason(0)).isEqualTo(HealthReason.SESSION_DOWN);
        assertThat(result.skippedVenueId(1)).isEqualTo(2);
        assertThat(result.skippedReason(1)).isEqualTo(HealthReason.REJECT_RATE);

        c.health().bookInSync(false);
        route(a, b, c);
        assertThat(result.childCount()).isZero();
        assertThat(result.unroutedQty()).isEqualTo(10_00);
        assertThat(result.unroutedReason()).isEqualTo(UnroutedReason.NO_HEALTHY_VENUE);
        assertThat(result.skippedReason(2)).isEqualTo(HealthReason.BOOK_OUT_OF_SYNC);
    }

    @Test
    void passivePostsWholeQuantityAtTheBestBidNetOfMakerFeeThenSmallestQueue()
    {
        final VenueDepth a = venue(1);
        a.addBid(100_00, 50_00);
        final VenueDepth b = venue(2);
        b.addBid(100_00, 20_00);
        b.addBid(99_99, 20_00);
        final VenueDepth c = venue(3);
        c.addBid(99_98, 1_00);
        request.set(Side.BUY, 7_00, 0, RoutingPolicy.PASSIVE_BEST_QUEUE);

        route(a, b, c);
        assertThat(result.passive()).isTrue();
        assertThat(result.childCount()).isEqualTo(1);
        assertChild(result, 0, 2, 7_00, 100_00);

        // a 3 bp rebate on venue 3: 99.98 x 1.0003 = 100.01 beats 100.00 x 1.0000
        c.fees(0, -3 * BP);
        route(a, b, c);
        assertChild(result, 0, 3, 7_00, 99_98);
        assertThat(result.averagePriceWithFees()).isCloseTo(99_98 * (1 - 0.0003), offset(1e-6));
    }

    @Test
    void passiveSellJoinsTheBestAskAndTheLimitWhenItIsWorse()
    {
        final VenueDepth a = venue(1).rules(5, 1, 0, 0, 2);
        a.addAsk(100_10, 5_00);
        a.addBid(100_00, 5_00);
        request.set(Side.SELL, 3_00, 0, RoutingPolicy.PASSIVE_BEST_QUEUE);
        route(a);
        assertChild(result, 0, 1, 3_00, 100_10);

        // a limit above the best ask: post at the limit on the tick grid (100.13 -> 100.15)
        request.set(Side.SELL, 3_00, 100_13, RoutingPolicy.PASSIVE_BEST_QUEUE);
        route(a);
        assertChild(result, 0, 1, 3_00, 100_15);
    }

    @Test
    void passiveRespectsLotAndMinimumsByChoosingAnotherVenue()
    {
        final VenueDepth a = venue(1).rules(1, 1_00, 0, 0, 2);
        a.addBid(100_01, 5_00);
        final VenueDepth b = venue(2).rules(1, 1, 0, 5000_00, 2);
        b.addBid(100_02, 5_00);
        final VenueDepth c = venue(3);
        c.addBid(100_00, 5_00);
        request.set(Side.BUY, 7_50, 0, RoutingPolicy.PASSIVE_BEST_QUEUE);

        // venue 2 (best bid) needs 5000.00 notional; venue 1 rounds 7.50 down to its whole lots
        route(a, b, c);
        assertChild(result, 0, 1, 7_00, 100_01);
        assertThat(result.unroutedQty()).isEqualTo(50);
        assertThat(result.unroutedReason()).isEqualTo(UnroutedReason.VENUE_RULES);
    }

    @Test
    void passiveWithoutAnyPriceToJoin()
    {
        final VenueDepth a = venue(1);
        a.addAsk(100_00, 5_00);
        request.set(Side.BUY, 1_00, 0, RoutingPolicy.PASSIVE_BEST_QUEUE);
        route(a);
        assertThat(result.childCount()).isZero();
        assertThat(result.unroutedReason()).isEqualTo(UnroutedReason.NO_PASSIVE_PRICE);
    }

    @Test
    void preferenceListSweepsInListOrderAndOnlyListedVenues()
    {
        final VenueDepth a = venue(1);
        a.addAsk(100_00, 100_00);
        final VenueDepth b = venue(2);
        b.addAsk(100_05, 3_00);
        b.addAsk(100_06, 1_00);
        final VenueDepth c = venue(3);
        c.addAsk(100_10, 100_00);
        c.health().halted(true);
        final VenueDepth d = venue(4);
        d.addAsk(100_20, 100_00);
        request.set(Side.BUY, 10_00, 0, RoutingPolicy.PREFERENCE_LIST).prefer(2).prefer(3).prefer(4);

        route(a, b, c, d);

        assertChild(result, 0, 2, 4_00, 100_06);
        assertChild(result, 1, 4, 6_00, 100_20);
        assertThat(result.childCount()).isEqualTo(2);
        assertThat(result.skippedCount()).isEqualTo(1);
        assertThat(result.skippedReason(0)).isEqualTo(HealthReason.HALTED);
    }

    @Test
    void preferenceListPassivePostsAtTheFirstHealthyListedVenueWithAPrice()
    {
        final VenueDepth a = venue(1);
        a.addBid(100_00, 1_00);
        final VenueDepth b = venue(2);
        final VenueDepth c = venue(3);
        c.addBid(99_00, 1_00);
        request.set(Side.BUY, 2_00, 0, RoutingPolicy.PREFERENCE_LIST).prefer(2).prefer(3).prefer(1).passive(true);

        route(a, b, c);

        assertThat(result.passive()).isTrue();
        assertChild(result, 0, 3, 2_00, 99_00);
    }

    @Test
    void singleVenueUsesOnlyThatVenue()
    {
        final VenueDepth a = venue(1);
        a.addAsk(100_00, 100_00);
        final VenueDepth b = venue(2);
        b.addAsk(101_00, 4_00);
        request.set(Side.BUY, 5_00, 0, RoutingPolicy.SINGLE_VENUE).venue(2);

        route(a, b);

        assertThat(result.childCount()).isEqualTo(1);
        assertChild(result, 0, 2, 4_00, 101_00);
        assertThat(result.unroutedQty()).isEqualTo(1_00);
        assertThat(result.unroutedReason()).isEqualTo(UnroutedReason.NO_LIQUIDITY_WITHIN_LIMIT);

        request.set(Side.BUY, 5_00, 0, RoutingPolicy.SINGLE_VENUE).venue(9);
        route(a, b);
        assertThat(result.unroutedReason()).isEqualTo(UnroutedReason.NO_VENUE);
    }

    @Test
    void invalidRequests()
    {
        final VenueDepth a = venue(1);
        a.addAsk(100_00, 100_00);
        request.set(Side.BUY, 0, 0, RoutingPolicy.BEST_PRICE_SWEEP);
        assertThat(route(a).unroutedReason()).isEqualTo(UnroutedReason.INVALID_REQUEST);
        request.set(Side.BUY, 1, -1, RoutingPolicy.BEST_PRICE_SWEEP);
        assertThat(route(a).unroutedReason()).isEqualTo(UnroutedReason.INVALID_REQUEST);
        request.set(Side.BUY, 1, 0, null);
        assertThat(route(a).unroutedReason()).isEqualTo(UnroutedReason.INVALID_REQUEST);
    }

    @Test
    void depthRejectsUnsortedLevels()
    {
        final VenueDepth a = venue(1);
        assertThat(a.addAsk(100_00, 1)).isTrue();
        assertThat(a.addAsk(100_00, 1)).isFalse();
        assertThat(a.addAsk(99_00, 1)).isFalse();
        assertThat(a.addBid(99_00, 1)).isTrue();
        assertThat(a.addBid(99_01, 1)).isFalse();
        assertThat(a.addBid(98_00, 0)).isFalse();
        assertThat(a.askCount()).isEqualTo(1);
        assertThat(a.bidCount()).isEqualTo(1);
    }
}
