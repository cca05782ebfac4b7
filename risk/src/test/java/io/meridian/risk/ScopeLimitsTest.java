package io.meridian.risk;

import io.meridian.oms.api.PreTradeRequest;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.meridian.oms.model.OrderRejectReason.DAILY_LOSS_LIMIT;
import static io.meridian.oms.model.OrderRejectReason.EXPOSURE_LIMIT;
import static io.meridian.oms.model.OrderRejectReason.NONE;
import static io.meridian.oms.model.OrderRejectReason.NOTIONAL_EXCEEDS_MAX;
import static io.meridian.oms.model.OrderRejectReason.OPEN_ORDERS_LIMIT;
import static io.meridian.oms.model.OrderRejectReason.ORDER_RATE_LIMIT;
import static io.meridian.oms.model.OrderRejectReason.POSITION_LIMIT;
import static io.meridian.oms.model.OrderRejectReason.QTY_EXCEEDS_MAX;
import static io.meridian.oms.model.OrderRejectReason.RISK_LEASE_EXPIRED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope limits of the hot gate, driven the way the sequencer drives it: check, then the open
 * quantity and fills it reports.
 */
class ScopeLimitsTest
{
    // price 4 decimals, qty whole, reference 100.0000; generous instrument limits
    private static final Instrument AAPL = new Instrument(0, "AAPL", 4, 0, 0, 1_000_000, 1_000_000, Long.MAX_VALUE, 0);
    // price 2 decimals, qty 8 decimals, reference 60,000.00
    private static final Instrument BTC = new Instrument(1, "BTC-USDT", 2, 8, 1, 6_000_000, 1_000_00000000L,
        Long.MAX_VALUE, 0);
    private static final InstrumentRegistry INSTRUMENTS = new InstrumentRegistry(List.of(AAPL, BTC));
    private static final long T0 = 1_800_000_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final PreTradeRequest request = new PreTradeRequest();
    private long now = T0;

    private static RiskLimits.Builder limits()
    {
        return RiskLimits.builder(INSTRUMENTS.size());
    }

    private static HotRiskGate gate(
        final RiskLimits firm, final Map<String, RiskLimits> sessions, final Map<String, RiskLimits> accounts)
    {
        return new HotRiskGate(INSTRUMENTS, new RiskConfig(firm, List.of("C0", "C1"), sessions, accounts, 0));
    }

    private OrderRejectReason order(
        final HotRiskGate gate, final int client, final String account, final Instrument instrument, final Side side,
        final long qty, final long price)
    {
        final int accountId = gate.accountId(new StringBuilder(account));
        final OrderRejectReason reason = gate.check(
            request.set(client, accountId, instrument, side, OrdType.LIMIT, qty, price, now));
        if (reason == NONE)
        {
            gate.onOpenQty(client, accountId, instrument, side, qty, 1);
        }
        return reason;
    }

    private static void fill(
        final HotRiskGate gate, final int client, final String account, final Instrument instrument, final Side side,
        final long qty, final long price, final boolean last, final long nowNanos)
    {
        final int accountId = gate.accountId(account);
        gate.onOpenQty(client, accountId, instrument, side, -qty, last ? -1 : 0);
        gate.onFill(client, accountId, instrument, side, qty, price, nowNanos);
        gate.onTrade(instrument, price);
    }

    private static void cancel(
        final HotRiskGate gate, final int client, final String account, final Instrument instrument, final Side side,
        final long leaves)
    {
        gate.onOpenQty(client, gate.accountId(account), instrument, side, -leaves, -1);
    }

    @Test
    void openOrderCountPerSessionCountsOnlyOpenOrders()
    {
        final HotRiskGate gate = gate(RiskLimits.none(2), Map.of("C0", limits().maxOpenOrders(2).build()), Map.of());
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 10, 1_000_000)).isEqualTo(NONE);
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 10, 1_000_000)).isEqualTo(NONE);
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 10, 1_000_000)).isEqualTo(OPEN_ORDERS_LIMIT);
        assertThat(order(gate, 1, "", AAPL, Side.BUY, 10, 1_000_000)).as("another session").isEqualTo(NONE);
        // a replace does not open another order
        request.set(0, -1, AAPL, Side.BUY, OrdType.LIMIT, 5, 1_000_000, now);
        request.replace = true;
        request.replacedOpenQty = 10;
        assertThat(gate.check(request)).isEqualTo(NONE);
        fill(gate, 0, "", AAPL, Side.BUY, 10, 1_000_000, true, now);
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 10, 1_000_000)).isEqualTo(NONE);
        assertThat(gate.scope(RiskScope.Kind.SESSION, "C0").openOrders()).isEqualTo(2);
    }

    @Test
    void orderRateIsATokenBucketPerSession()
    {
        final HotRiskGate gate = gate(RiskLimits.none(2), Map.of("C1", limits().maxOrdersPerSecond(3).build()), Map.of());
        for (int i = 0; i < 3; i++)
        {
            assertThat(order(gate, 1, "", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(NONE);
        }
        assertThat(order(gate, 1, "", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(ORDER_RATE_LIMIT);
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 1_000_000)).as("other session").isEqualTo(NONE);
        now += SECOND / 3 - 1;
        assertThat(order(gate, 1, "", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(ORDER_RATE_LIMIT);
        now += 2; // a third of a second after the last refill point: one token
        assertThat(order(gate, 1, "", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(NONE);
        assertThat(order(gate, 1, "", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(ORDER_RATE_LIMIT);
        now += 5 * SECOND;
        for (int i = 0; i < 3; i++)
        {
            assertThat(order(gate, 1, "", AAPL, Side.BUY, 1, 1_000_000)).as("refilled to capacity only").isEqualTo(NONE);
        }
        assertThat(order(gate, 1, "", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(ORDER_RATE_LIMIT);
    }

    @Test
    void positionLimitCountsOpenOrdersAtWorstCasePerAccount()
    {
        final HotRiskGate gate = gate(RiskLimits.none(2), Map.of(),
            Map.of("ACC-1", limits().maxPosition(AAPL.id(), 100).build()));
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.BUY, 60, 1_000_000)).isEqualTo(NONE);
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.BUY, 41, 1_000_000)).isEqualTo(POSITION_LIMIT);
        assertThat(order(gate, 1, "ACC-1", AAPL, Side.BUY, 41, 1_000_000)).as("same account, other session")
            .isEqualTo(POSITION_LIMIT);
        assertThat(order(gate, 0, "ACC-2", AAPL, Side.BUY, 41, 1_000_000)).as("no limits for ACC-2").isEqualTo(NONE);
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.BUY, 40, 1_000_000)).isEqualTo(NONE);
        // sells are counted on their own side: worst case the buys never fill
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.SELL, 101, 1_000_000)).isEqualTo(POSITION_LIMIT);
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.SELL, 100, 1_000_000)).isEqualTo(NONE);
        // the buys fill: long 100; now a sell of 200 leaves -100 at worst
        fill(gate, 0, "ACC-1", AAPL, Side.BUY, 60, 1_000_000, true, now);
        fill(gate, 0, "ACC-1", AAPL, Side.BUY, 40, 1_000_000, true, now);
        cancel(gate, 0, "ACC-1", AAPL, Side.SELL, 100);
        assertThat(gate.scope(RiskScope.Kind.ACCOUNT, "ACC-1").position(AAPL.id())).isEqualTo(100);
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(POSITION_LIMIT);
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.SELL, 201, 1_000_000)).isEqualTo(POSITION_LIMIT);
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.SELL, 200, 1_000_000)).isEqualTo(NONE);
        assertThat(order(gate, 0, "ACC-1", BTC, Side.BUY, 1_000_00000000L, 6_000_000)).as("other instrument")
            .isEqualTo(NONE);
    }

    @Test
    void replaceCountsOnlyWhatItAddsAndNeverRefusesAReduction()
    {
        final HotRiskGate gate = gate(limits().maxPosition(AAPL.id(), 100).build(), Map.of(), Map.of());
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 80, 1_000_000)).isEqualTo(NONE);
        request.set(0, -1, AAPL, Side.BUY, OrdType.LIMIT, 100, 1_000_000, now);
        request.replace = true;
        request.replacedOpenQty = 80;
        assertThat(gate.check(request)).isEqualTo(NONE);
        request.qty = 101;
        assertThat(gate.check(request)).isEqualTo(POSITION_LIMIT);
        // a lowered limit refuses increases but a replace down still passes
        gate.limits(gate.scopes().get(0), limits().maxPosition(AAPL.id(), 50).build());
        request.qty = 60;
        assertThat(gate.check(request)).isEqualTo(NONE);
        request.qty = 81;
        assertThat(gate.check(request)).isEqualTo(POSITION_LIMIT);
    }

    @Test
    void scopeOrderQuantityAndNotional()
    {
        final HotRiskGate gate = gate(RiskLimits.none(2),
            Map.of("C0", limits().maxOrderQty(BTC.id(), 50_000_000L).maxOrderNotional(30_000).build()), Map.of());
        assertThat(order(gate, 0, "", BTC, Side.BUY, 50_000_001L, 6_000_000)).isEqualTo(QTY_EXCEEDS_MAX);
        assertThat(order(gate, 0, "", BTC, Side.BUY, 50_000_000L, 6_000_000)).isEqualTo(NONE); // 30,000.00
        assertThat(order(gate, 0, "", BTC, Side.BUY, 50_000_000L, 6_000_199)).as("30,000.995").isEqualTo(NONE);
        assertThat(order(gate, 0, "", BTC, Side.BUY, 50_000_000L, 6_000_200)).isEqualTo(NOTIONAL_EXCEEDS_MAX);
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 300, 1_000_000)).isEqualTo(NONE);
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 301, 1_000_000)).isEqualTo(NOTIONAL_EXCEEDS_MAX);
        assertThat(order(gate, 1, "", AAPL, Side.BUY, 301, 1_000_000)).isEqualTo(NONE);
    }

    @Test
    void dailyLossCountsRealisedAndUnrealisedAndLetsReducingOrdersThrough()
    {
        final HotRiskGate gate = gate(limits().maxDailyLoss(1_000).build(), Map.of(), Map.of());
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 100, 1_000_000)).isEqualTo(NONE);
        fill(gate, 0, "", AAPL, Side.BUY, 100, 1_000_000, true, now); // long 100 @ 100
        gate.onTrade(AAPL, 900_000); // marked at 90: unrealised -1,000
        assertThat(gate.scopes().get(0).dailyProfitView(now, gate.referencePrices())).isEqualTo(-1_000.0);
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 900_000)).as("at the limit").isEqualTo(NONE);
        cancel(gate, 0, "", AAPL, Side.BUY, 1);
        gate.onTrade(AAPL, 899_000); // 89.90: -1,010
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 899_000)).isEqualTo(DAILY_LOSS_LIMIT);
        assertThat(order(gate, 0, "", BTC, Side.SELL, 1_000_000L, 6_000_000)).as("any new risk").isEqualTo(DAILY_LOSS_LIMIT);
        assertThat(order(gate, 0, "", AAPL, Side.SELL, 101, 899_000)).as("flips the position").isEqualTo(DAILY_LOSS_LIMIT);
        assertThat(order(gate, 0, "", AAPL, Side.SELL, 60, 899_000)).as("reducing").isEqualTo(NONE);
        fill(gate, 0, "", AAPL, Side.SELL, 60, 899_000, true, now); // realised -606, unrealised 40 x -10.1 = -404
        assertThat(gate.scopes().get(0).realisedToday()).isCloseTo(-606.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(order(gate, 0, "", AAPL, Side.SELL, 41, 899_000)).as("beyond flat").isEqualTo(DAILY_LOSS_LIMIT);
        assertThat(order(gate, 0, "", AAPL, Side.SELL, 40, 899_000)).isEqualTo(NONE);
        fill(gate, 0, "", AAPL, Side.SELL, 40, 899_000, true, now); // flat, realised -1,010
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 899_000)).isEqualTo(DAILY_LOSS_LIMIT);
        now += 86_400 * SECOND; // the next trading day starts with no realised loss
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 899_000)).isEqualTo(NONE);
    }

    @Test
    void exposureLeaseFailsClosedAndCountsWhatTheStoreCannotShowYet()
    {
        final HotRiskGate gate = gate(RiskLimits.none(2), Map.of(),
            Map.of("ACC-1", limits().maxGrossExposure(100_000).build()));
        final RiskScope account = gate.scope(RiskScope.Kind.ACCOUNT, "ACC-1");
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.BUY, 10, 1_000_000)).as("no lease yet")
            .isEqualTo(RISK_LEASE_EXPIRED);
        assertThat(order(gate, 0, "ACC-2", AAPL, Side.BUY, 10, 1_000_000)).as("no limit, no lease needed")
            .isEqualTo(NONE);
        gate.lease(account, new ExposureLease(50_000, now - 1, now + SECOND));
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.BUY, 400, 1_000_000)).isEqualTo(NONE); // 50k + 40k
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.BUY, 101, 1_000_000)).isEqualTo(EXPOSURE_LIMIT); // + 10.1k
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.BUY, 100, 1_000_000)).isEqualTo(NONE);
        // fills after the store was read count until the next lease; the open order they came from no longer does
        now += 10;
        fill(gate, 0, "ACC-1", AAPL, Side.BUY, 100, 1_000_000, true, now);
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(EXPOSURE_LIMIT);
        // a new lease that saw the fill: 60k filled, 40k open
        gate.lease(account, new ExposureLease(60_000, now + 1, now + SECOND));
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(EXPOSURE_LIMIT);
        cancel(gate, 0, "ACC-1", AAPL, Side.BUY, 400);
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.BUY, 400, 1_000_000)).isEqualTo(NONE);
        // the lease expires: risk-increasing orders fail closed, reducing ones pass
        now += 2 * SECOND;
        assertThat(order(gate, 0, "ACC-1", BTC, Side.BUY, 1_000_000L, 6_000_000)).isEqualTo(RISK_LEASE_EXPIRED);
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.SELL, 100, 1_000_000)).as("reducing").isEqualTo(NONE);
        assertThat(order(gate, 0, "ACC-1", AAPL, Side.SELL, 1, 1_000_000)).as("beyond flat at worst case")
            .isEqualTo(RISK_LEASE_EXPIRED);
    }

    @Test
    void moreFillsSinceTheLeaseThanRememberedFailClosed()
    {
        final HotRiskGate gate = gate(limits().maxGrossExposure(Double.MAX_VALUE).build(), Map.of(), Map.of());
        gate.lease(gate.scopes().get(0), new ExposureLease(0, now, now + SECOND));
        for (int i = 0; i < RiskScope.RECENT_FILLS; i++)
        {
            gate.onFill(0, -1, AAPL, Side.BUY, 1, 1_000_000, now);
        }
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(RISK_LEASE_EXPIRED);
        gate.lease(gate.scopes().get(0), new ExposureLease(0, now + 1, now + SECOND));
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(NONE);
    }

    @Test
    void accountsAreFoundByContentAndLimitsMustFitTheInstruments()
    {
        final HotRiskGate gate = gate(RiskLimits.none(2), Map.of(),
            Map.of("ACC-1", RiskLimits.none(2), "ACC-2", RiskLimits.none(2), "X", RiskLimits.none(2)));
        assertThat(gate.accountId(new StringBuilder("ACC-2"))).isEqualTo(1);
        assertThat(gate.accountId("X")).isEqualTo(2);
        assertThat(gate.accountId("ACC-3")).isEqualTo(-1);
        assertThat(gate.accountId("")).isEqualTo(-1);
        assertThat(gate.scopes()).extracting(RiskScope::name).containsExactly("firm", "C0", "C1", "ACC-1", "ACC-2", "X");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gate.limits(gate.scopes().get(0), RiskLimits.none(3)))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void breakerTripsOnDrawdownCoolsDownAndPausesAfterRepeatedTrips()
    {
        final HotRiskGate gate = gate(limits().maxDrawdown(500).breakerCooldownNanos(60 * SECOND).breakerTripsToPause(2)
            .build(), Map.of(), Map.of());
        final RiskScope firm = gate.scopes().get(0);
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 100, 1_000_000)).isEqualTo(NONE); // peak 0
        fill(gate, 0, "", AAPL, Side.BUY, 100, 1_000_000, true, now);
        gate.onTrade(AAPL, 949_900); // 94.99: -501
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 949_900)).isEqualTo(OrderRejectReason.CIRCUIT_BREAKER);
        assertThat(firm.breakerTrips()).isEqualTo(1);
        assertThat(firm.lastTripCause()).isEqualTo(RiskScope.TripCause.DRAWDOWN);
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 949_900)).as("cooling down")
            .isEqualTo(OrderRejectReason.CIRCUIT_BREAKER);
        assertThat(order(gate, 0, "", AAPL, Side.SELL, 50, 949_900)).as("reducing").isEqualTo(NONE);
        cancel(gate, 0, "", AAPL, Side.SELL, 50);
        now += 61 * SECOND;
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 949_900)).as("measured from the trip").isEqualTo(NONE);
        cancel(gate, 0, "", AAPL, Side.BUY, 1);
        gate.onTrade(AAPL, 899_800); // another 510 down: the second trip within 24 hours pauses
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 899_800)).isEqualTo(OrderRejectReason.CIRCUIT_BREAKER_PAUSED);
        assertThat(firm.breakerPaused()).isTrue();
        now += 2 * 86_400 * SECOND;
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 899_800)).as("until reset, also the next day")
            .isEqualTo(OrderRejectReason.CIRCUIT_BREAKER_PAUSED);
        firm.requestBreakerReset();
        assertThat(firm.breakerPaused()).isFalse();
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 899_800)).isEqualTo(NONE);
        assertThat(firm.breakerTrips()).isEqualTo(2);
    }

    @Test
    void breakerTripsOnALosingStreakThatAWinBreaks()
    {
        final HotRiskGate gate = gate(RiskLimits.none(2),
            Map.of("C0", limits().maxConsecutiveLosses(3).breakerTripsToPause(0).build()), Map.of());
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 100, 1_000_000)).isEqualTo(NONE);
        fill(gate, 0, "", AAPL, Side.BUY, 100, 1_000_000, true, now);
        for (int i = 0; i < 2; i++)
        {
            assertThat(order(gate, 0, "", AAPL, Side.SELL, 1, 990_000)).isEqualTo(NONE);
            fill(gate, 0, "", AAPL, Side.SELL, 1, 990_000, true, now); // realises -0.01 x 1
        }
        assertThat(order(gate, 0, "", AAPL, Side.SELL, 1, 1_010_000)).isEqualTo(NONE);
        fill(gate, 0, "", AAPL, Side.SELL, 1, 1_010_000, true, now); // a win: the streak starts again
        for (int i = 0; i < 3; i++)
        {
            assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 1_000_000)).as("loss %d", i).isEqualTo(NONE);
            cancel(gate, 0, "", AAPL, Side.BUY, 1);
            assertThat(order(gate, 0, "", AAPL, Side.SELL, 1, 990_000)).isEqualTo(NONE);
            fill(gate, 0, "", AAPL, Side.SELL, 1, 990_000, true, now);
        }
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(OrderRejectReason.CIRCUIT_BREAKER);
        assertThat(gate.scope(RiskScope.Kind.SESSION, "C0").lastTripCause()).isEqualTo(RiskScope.TripCause.LOSING_STREAK);
        assertThat(order(gate, 1, "", AAPL, Side.BUY, 1, 1_000_000)).as("another session").isEqualTo(NONE);
        assertThat(gate.scope(RiskScope.Kind.SESSION, "C0").breakerPaused()).as("never pauses: 0 trips").isFalse();
    }

    @Test
    void breakerTripsOnTheLossesRealisedWithinItsWindow()
    {
        final HotRiskGate gate = gate(RiskLimits.none(2), Map.of("C0", limits().maxWindowLoss(2.5)
            .lossWindowNanos(60 * SECOND).breakerTripsToPause(0).build()), Map.of());
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 100, 1_000_000)).isEqualTo(NONE);
        fill(gate, 0, "", AAPL, Side.BUY, 100, 1_000_000, true, now);
        for (int i = 0; i < 2; i++)
        {
            now += SECOND;
            assertThat(order(gate, 0, "", AAPL, Side.SELL, 1, 990_000)).isEqualTo(NONE);
            fill(gate, 0, "", AAPL, Side.SELL, 1, 990_000, true, now); // realises -1.00
        }
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 1_000_000)).as("2.00 lost in the window").isEqualTo(NONE);
        cancel(gate, 0, "", AAPL, Side.BUY, 1);

        now += 61 * SECOND; // the first two losses leave the window
        assertThat(order(gate, 0, "", AAPL, Side.SELL, 1, 990_000)).isEqualTo(NONE);
        fill(gate, 0, "", AAPL, Side.SELL, 1, 990_000, true, now);
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 1_000_000)).as("1.00 in the window").isEqualTo(NONE);
        cancel(gate, 0, "", AAPL, Side.BUY, 1);

        now += SECOND;
        assertThat(order(gate, 0, "", AAPL, Side.SELL, 1, 1_010_000)).isEqualTo(NONE);
        fill(gate, 0, "", AAPL, Side.SELL, 1, 1_010_000, true, now); // a win does not offset the losses
        for (int i = 0; i < 2; i++)
        {
            now += SECOND;
            assertThat(order(gate, 0, "", AAPL, Side.SELL, 1, 990_000)).isEqualTo(NONE);
            fill(gate, 0, "", AAPL, Side.SELL, 1, 990_000, true, now);
        }
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 1_000_000)).as("3.00 in the window")
            .isEqualTo(OrderRejectReason.CIRCUIT_BREAKER);
        assertThat(gate.scope(RiskScope.Kind.SESSION, "C0").lastTripCause()).isEqualTo(RiskScope.TripCause.LOSS_RATE);
    }

    @Test
    void aRestartDoesNotTripAgainOnTheStreakTheLastTripAnswered()
    {
        final Map<String, RiskLimits> sessions = Map.of("C0", limits().maxConsecutiveLosses(2)
            .breakerCooldownNanos(10 * SECOND).breakerTripsToPause(2).build());
        final HotRiskGate live = gate(RiskLimits.none(2), sessions, Map.of());
        final List<long[]> fills = new java.util.ArrayList<>();
        assertThat(order(live, 0, "", AAPL, Side.BUY, 100, 1_000_000)).isEqualTo(NONE);
        fill(live, 0, "", AAPL, Side.BUY, 100, 1_000_000, true, now);
        fills.add(new long[] {Side.BUY.ordinal(), 100, 1_000_000, now});
        for (int i = 0; i < 2; i++)
        {
            now += SECOND;
            assertThat(order(live, 0, "", AAPL, Side.SELL, 1, 990_000)).isEqualTo(NONE);
            fill(live, 0, "", AAPL, Side.SELL, 1, 990_000, true, now);
            fills.add(new long[] {Side.SELL.ordinal(), 1, 990_000, now});
        }
        now += SECOND;
        assertThat(order(live, 0, "", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(OrderRejectReason.CIRCUIT_BREAKER);
        final RiskScope tripped = live.scope(RiskScope.Kind.SESSION, "C0");
        assertThat(tripped.breakerTrips()).isEqualTo(1);
        final RiskScope.BreakerState saved = tripped.breakerState(now);
        assertThat(saved.recentTripNanos()).containsExactly(now);

        // the restart: the state saved, then the replay of the same fills (the gate is not asked during a replay)
        final HotRiskGate restarted = gate(RiskLimits.none(2), sessions, Map.of());
        final RiskScope scope = restarted.scope(RiskScope.Kind.SESSION, "C0");
        scope.restoreBreakerState(saved);
        for (final long[] f : fills)
        {
            fill(restarted, 0, "", AAPL, Side.values()[(int)f[0]], f[1], f[2], true, f[3]);
        }
        now += SECOND;
        assertThat(order(restarted, 0, "", AAPL, Side.BUY, 1, 1_000_000)).as("still cooling down")
            .isEqualTo(OrderRejectReason.CIRCUIT_BREAKER);
        now += 10 * SECOND;
        assertThat(order(restarted, 0, "", AAPL, Side.BUY, 1, 1_000_000)).as("no second trip on the same streak")
            .isEqualTo(NONE);
        assertThat(scope.breakerTrips()).isZero();

        // a new streak after the restart trips, and counts with the trip before it to the pause (2 in 24 hours)
        cancel(restarted, 0, "", AAPL, Side.BUY, 1);
        for (int i = 0; i < 2; i++)
        {
            now += SECOND;
            assertThat(order(restarted, 0, "", AAPL, Side.SELL, 1, 990_000)).isEqualTo(NONE);
            fill(restarted, 0, "", AAPL, Side.SELL, 1, 990_000, true, now);
        }
        now += SECOND;
        assertThat(order(restarted, 0, "", AAPL, Side.BUY, 1, 1_000_000))
            .isEqualTo(OrderRejectReason.CIRCUIT_BREAKER_PAUSED);

        // without the saved state the replayed streak trips again: what the state file prevents
        final HotRiskGate forgetful = gate(RiskLimits.none(2), sessions, Map.of());
        for (final long[] f : fills)
        {
            fill(forgetful, 0, "", AAPL, Side.values()[(int)f[0]], f[1], f[2], true, f[3]);
        }
        assertThat(order(forgetful, 0, "", AAPL, Side.BUY, 1, 1_000_000)).isEqualTo(OrderRejectReason.CIRCUIT_BREAKER);
    }

    @Test
    void aStaleOrUnsyncedFeedRefusesNewOrdersForItsInstrumentsOnly()
    {
        final HotRiskGate gate = gate(RiskLimits.none(2), Map.of(), Map.of());
        final io.meridian.oms.api.TopOfBookTable books = new io.meridian.oms.api.TopOfBookTable(2);
        gate.marketData(books);
        gate.requireMarketData(new boolean[] {false, true}, 1_000);
        final long nowMs = now / 1_000_000L;
        assertThat(order(gate, 0, "", BTC, Side.BUY, 1_000_000L, 6_000_000)).as("never published")
            .isEqualTo(OrderRejectReason.MARKET_DATA_STALE);
        assertThat(order(gate, 0, "", AAPL, Side.BUY, 1, 1_000_000)).as("no feed required").isEqualTo(NONE);
        books.publish(BTC.id(), 5_999_900, 1, 6_000_100, 1, nowMs, nowMs);
        assertThat(order(gate, 0, "", BTC, Side.BUY, 1_000_000L, 6_000_000)).isEqualTo(NONE);
        now += 1_000 * 1_000_000L;
        assertThat(order(gate, 0, "", BTC, Side.BUY, 1_000_000L, 6_000_000)).as("1 s old").isEqualTo(NONE);
        now += 1_000_000L;
        assertThat(order(gate, 0, "", BTC, Side.BUY, 1_000_000L, 6_000_000)).as("older")
            .isEqualTo(OrderRejectReason.MARKET_DATA_STALE);
        books.publish(BTC.id(), 5_999_900, 1, 6_000_100, 1, nowMs, now / 1_000_000L);
        books.outOfSync(BTC.id(), now / 1_000_000L);
        assertThat(order(gate, 0, "", BTC, Side.BUY, 1_000_000L, 6_000_000)).as("out of sync")
            .isEqualTo(OrderRejectReason.MARKET_DATA_STALE);
    }
}
