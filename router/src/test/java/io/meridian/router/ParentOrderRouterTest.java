package io.meridian.router;

import io.meridian.oms.Oms;
import io.meridian.oms.OmsConfig;
import io.meridian.oms.OrderSnapshot;
import io.meridian.oms.TickToTradeProbe;
import io.meridian.oms.api.CancelOrderCommand;
import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ClientReports;
import io.meridian.oms.api.DepthTable;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.ParentOrders;
import io.meridian.oms.api.PreTradeCheck;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router with a real OMS (journal, sequencer, state machine) and scripted venues: parent orders are
 * split, their children's fills reach the client as the parent's, and the children never hold more than
 * the parent, through venue rejects, cancels and a restart.
 */
class ParentOrderRouterTest
{
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;
    private static final int SOR = 3;
    private static final long UNIT = 100_000_000L;
    private static final InstrumentRegistry INSTRUMENTS = new InstrumentRegistry(List.of(
        new Instrument(0, "BTC-USDT@A", 2, 8, A, 6_000_000, 50 * UNIT, Long.MAX_VALUE, 0),
        new Instrument(1, "BTC-USDT@B", 2, 8, B, 6_000_000, 50 * UNIT, Long.MAX_VALUE, 0),
        new Instrument(2, "BTC-USDT@C", 2, 8, C, 6_000_000, 50 * UNIT, Long.MAX_VALUE, 0),
        new Instrument(3, "BTC-USDT@SOR", 2, 8, SOR, 6_000_000, 50 * UNIT, Long.MAX_VALUE, 0, new int[]{0, 1, 2})));
    private static final List<String> VENUE_NAMES = List.of("A", "B", "C", "SOR");

    @TempDir
    Path dir;

    private final DepthTable depth = new DepthTable(4, 20);
    private final ScriptedVenues venues = new ScriptedVenues();
    private final List<ExecutionReport> clientReports = new ArrayList<>();
    private final List<CancelReject> clientCancelRejects = new ArrayList<>();
    private Oms oms;
    private ParentOrderRouter router;
    /** epoch nanos the test sets, for schedules; 0: the system clock */
    private long manualNanos;
    private final org.agrona.concurrent.EpochNanoClock clock =
        () -> manualNanos != 0 ? manualNanos : SystemEpochNanoClock.INSTANCE.nanoTime();
    private int clOrdIds;
    /** internal tick-to-trade, when a test measures it */
    private TickToTradeProbe probe;

    @AfterEach
    void close()
    {
        if (oms != null)
        {
            oms.close();
        }
    }

    @Test
    void aMarketableOrderIsSweptAcrossThreeVenuesAndTheClientSeesOneOrder() throws Exception
    {
        asks(A, 60_000_00, 50_000_000L);
        asks(B, 60_001_00, UNIT);
        asks(C, 60_002_00, 2 * UNIT);
        start();

        newParent("P1", Side.BUY, 2 * UNIT, 60_005_00, TimeInForce.IOC);
        pump();

        assertThat(venues.children).hasSize(3);
        assertThat(venues.children.stream().mapToLong(o -> o.qty).sum()).isEqualTo(2 * UNIT);
        assertThat(venues.children).allSatisfy(o -> assertThat(o.timeInForce).isEqualTo(TimeInForce.IOC));
        final List<ExecutionReport> fills = reportsOf(ExecType.TRADE);
        assertThat(fills).hasSize(3);
        assertThat(fills).extracting(r -> r.customFields.toString())
            .containsExactlyInAnyOrder("30=A\u0001", "30=B\u0001", "30=C\u0001");
        final ExecutionReport last = clientReports.get(clientReports.size() - 1);
        assertThat(last.ordStatus).isEqualTo(OrdStatus.FILLED);
        assertThat(last.cumQty).isEqualTo(2 * UNIT);
        // (0.5 x 60000 + 1 x 60001 + 0.5 x 60002) / 2
        assertThat(last.avgPx).isEqualTo(60_001_00);
        assertThat(clientReports).extracting(r -> r.execType)
            .startsWith(ExecType.PENDING_NEW, ExecType.NEW);
        assertThat(venues.maxCommitted()).isLessThanOrEqualTo(2 * UNIT);

        // its cost analysis: arrival at the best ask (no bids: mid unknown), three children, all filled
        final ParentTca tca = router.tca(last.orderId.toString());
        assertThat(tca.arrivalAsk()).isEqualTo(60_000_00);
        assertThat(tca.arrivalBid()).isZero();
        assertThat(tca.slippageBps()).isNaN();
        assertThat(tca.cumQty()).isEqualTo(2 * UNIT);
        assertThat(tca.avgPx()).isEqualTo(60_001_00);
        assertThat(tca.doneNanos()).isPositive();
        assertThat(tca.children()).extracting(ParentTca.ChildTca::venueId).containsExactly(A, B, C);
        assertThat(tca.children()).allSatisfy(c ->
        {
            assertThat(c.done()).isTrue();
            assertThat(c.cumQty()).isEqualTo(c.qty());
            assertThat(c.ackLatencyNanos()).isNotNegative();
            assertThat(c.firstFillLatencyNanos()).isGreaterThanOrEqualTo(c.ackLatencyNanos());
            assertThat(c.orderId()).isNotNull();
        });
        assertThat(router.completedSince(0)).extracting(ParentTca::orderId).containsExactly(tca.orderId());
    }

    @Test
    void tickToTradeOfARoutedOrderEndsWhenItsFirstChildGoesToAVenueAndChildrenTakeNoClientSample() throws Exception
    {
        asks(A, 60_000_00, UNIT);
        asks(B, 60_000_00, UNIT);
        final long[] probeNow = {0};
        probe = new TickToTradeProbe(() -> probeNow[0], 16);
        start();

        probe.accept(100);
        newParent("P1", Side.BUY, 2 * UNIT, 60_000_00, TimeInForce.IOC);
        assertThat(oms.sequencer().doWork()).isPositive();
        assertThat(probe.drain(sample -> { })).as("the parent reached the router: no venue yet").isZero();
        int routerWork = 0;
        while (router.doWork() > 0)
        {
            routerWork++;
        }
        assertThat(routerWork).isPositive();
        // a client's order to one venue, behind the children in the ring: its receive time is its own
        probe.accept(300);
        newParent("D1", Side.BUY, UNIT / 2, 60_000_00, TimeInForce.IOC, "", 0, "BTC-USDT@A");
        probeNow[0] = 1_000;
        pump();

        final List<Long> samples = new ArrayList<>();
        probe.drain(samples::add);
        assertThat(venues.children).extracting(o -> o.venueId).containsExactlyInAnyOrder(A, B, A);
        assertThat(samples).as("P1 -> its first child at A; D1 -> A").containsExactly(900L, 700L);
        assertThat(reportsOf(ExecType.TRADE)).hasSize(3);
    }

    @Test
    void whenEveryVenueAcksSlowlyLatencyDoesNotStopTheRouting() throws Exception
    {
        asks(A, 60_000_00, 100 * UNIT);
        asks(B, 60_000_00, 100 * UNIT);
        manualNanos = 1_000_000_000_000L;
        start();
        // the venues ack 200 ms late: five such acks (the fewest the median is judged on) put a venue's median
        // above the 50 ms limit, so the first five orders go to one venue and the next five to the other,
        // until both are slow
        for (int i = 1; i <= 10; i++)
        {
            venues.holding = true;
            newParent("S" + i, Side.BUY, 2 * UNIT, 60_000_00, TimeInForce.IOC);
            pump();
            manualNanos += 200_000_000L;
            venues.holding = false;
            pump();
        }
        assertThat(reportsOf(ExecType.TRADE)).hasSize(10);
        assertThat(venues.children).extracting(o -> o.venueId).containsExactly(A, A, A, A, A, B, B, B, B, B);

        // the slowness is everyone's (or ours): the next order is still routed, not left unfilled
        newParent("P1", Side.BUY, 2 * UNIT, 60_000_00, TimeInForce.IOC);
        pump();
        final ExecutionReport last = clientReports.get(clientReports.size() - 1);
        assertThat(last.clOrdId.toString()).isEqualTo("P1");
        assertThat(last.ordStatus).isEqualTo(OrdStatus.FILLED);
    }

    @Test
    void oneSlowAckAmongFastOnesDoesNotTakeAVenueOutOfRouting() throws Exception
    {
        asks(A, 60_000_00, 100 * UNIT);
        asks(B, 60_000_00, 100 * UNIT);
        manualNanos = 1_000_000_000_000L;
        start();
        // a cold start or a pause of ours: one ack 650 ms late, then every ack at once
        for (int i = 1; i <= 8; i++)
        {
            venues.holding = i == 1;
            newParent("S" + i, Side.BUY, 2 * UNIT, 60_000_00, TimeInForce.IOC);
            pump();
            if (i == 1)
            {
                manualNanos += 650_000_000L;
                venues.holding = false;
                pump();
            }
        }
        assertThat(reportsOf(ExecType.TRADE)).hasSize(8);
        assertThat(venues.children).extracting(o -> o.venueId).as("A's median ack is fast").containsOnly(A);
    }

    @Test
    void aChildOurOutboundCouldNotSendIsRoutedAgainToTheSameVenueSoon() throws Exception
    {
        asks(A, 60_000_00, UNIT);
        manualNanos = 1_000_000_000_000L;
        start();
        venues.backPressuredSends = 1;

        newParent("P1", Side.BUY, UNIT, 60_000_00, TimeInForce.DAY);
        pump();
        assertThat(venues.children).as("the send failed: nothing reached a venue").isEmpty();
        assertThat(reportsOf(ExecType.TRADE)).isEmpty();

        // over capacity is ours, not the venue's: A is not avoided for seconds, the parent goes again in a millisecond
        manualNanos += 2_000_000L;
        pump();
        assertThat(venues.children).extracting(o -> o.venueId).containsExactly(A);
        final ExecutionReport last = clientReports.get(clientReports.size() - 1);
        assertThat(last.ordStatus).isEqualTo(OrdStatus.FILLED);
    }

    @Test
    void slippageIsMeasuredFromTheArrivalMid() throws Exception
    {
        asks(A, 60_010_00, UNIT);
        depth.publish(B, new long[]{59_990_00}, new long[]{UNIT}, 1, new long[]{60_020_00}, new long[]{UNIT}, 1, 0, 0);
        start();
        newParent("P1", Side.BUY, UNIT, 60_010_00, TimeInForce.IOC);
        pump();
        final ParentTca tca = router.completedSince(0).get(0);
        // consolidated: bid 59,990 (B), ask 60,010 (A): mid 60,000; bought at 60,010: 1.6667 bp
        assertThat(tca.arrivalMid()).isEqualTo(60_000_00);
        assertThat(tca.slippageBps()).isCloseTo(10.0 / 60_000 * 10_000, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aVenueThatRejectsIsLeftOutAndTheRemainderGoesElsewhereWithoutOverfill() throws Exception
    {
        asks(A, 60_000_00, 50_000_000L);
        asks(B, 60_001_00, UNIT);
        asks(C, 60_002_00, 2 * UNIT);
        venues.rejecting[B] = true;
        start();

        newParent("P1", Side.BUY, 3 * UNIT / 2, 60_005_00, TimeInForce.DAY);
        pump();

        assertThat(venues.rejected).isEqualTo(1);
        final ExecutionReport last = clientReports.get(clientReports.size() - 1);
        assertThat(last.ordStatus).isEqualTo(OrdStatus.FILLED);
        assertThat(last.cumQty).isEqualTo(3 * UNIT / 2);
        assertThat(reportsOf(ExecType.TRADE)).extracting(r -> r.customFields.toString())
            .containsExactlyInAnyOrder("30=A\u0001", "30=C\u0001");
        assertThat(reportsOf(ExecType.REJECTED)).isEmpty();
        assertThat(venues.maxCommitted()).isLessThanOrEqualTo(3 * UNIT / 2);
    }

    @Test
    void aLimitRemainderRestsAtTheLimitAndACancelTakesItDown() throws Exception
    {
        asks(A, 60_000_00, 50_000_000L);
        bids(A, 59_990_00, UNIT);
        bids(B, 59_995_00, UNIT);
        start();

        newParent("P1", Side.BUY, UNIT, 59_999_00, TimeInForce.DAY);
        pump();

        // nothing within the limit to take: one child rests at the limit, at the best queue
        assertThat(venues.children).hasSize(1);
        final VenueOrder resting = venues.children.get(0);
        assertThat(resting.price).isEqualTo(59_999_00);
        assertThat(resting.timeInForce).isEqualTo(TimeInForce.DAY);
        assertThat(clientReports.get(clientReports.size() - 1).ordStatus).isEqualTo(OrdStatus.NEW);

        venues.fill(resting.clOrdId.toString(), UNIT / 4, 59_999_00);
        pump();
        assertThat(clientReports.get(clientReports.size() - 1).ordStatus).isEqualTo(OrdStatus.PARTIALLY_FILLED);

        cancelParent("P1", "P1c");
        pump();

        final ExecutionReport last = clientReports.get(clientReports.size() - 1);
        assertThat(last.execType).isEqualTo(ExecType.CANCELED);
        assertThat(last.clOrdId.toString()).isEqualTo("P1c");
        assertThat(last.cumQty).isEqualTo(UNIT / 4);
        assertThat(venues.cancels).isEqualTo(1);
        assertThat(router.openParents()).isZero();
    }

    @Test
    void afterARestartTheChildrenAreKnownAndTheirFillsStillFillTheParent() throws Exception
    {
        bids(A, 59_990_00, UNIT);
        start();
        newParent("P1", Side.BUY, UNIT, 59_999_00, TimeInForce.DAY);
        pump();
        assertThat(venues.children).hasSize(1);
        final String child = venues.children.get(0).clOrdId.toString();
        final long hash = hashOnSequencer();

        // stop (the journal and the resting child stay) and start again on the same journal
        oms.close();
        oms = null;
        venues.children.clear();
        start();
        assertThat(hashOnSequencer()).isEqualTo(hash);
        assertThat(router.openParents()).isEqualTo(1);
        pump();
        assertThat(venues.children).as("the resting child is not placed twice").isEmpty();

        venues.fill(child, UNIT, 59_999_00);
        pump();
        final ExecutionReport last = clientReports.get(clientReports.size() - 1);
        assertThat(last.ordStatus).isEqualTo(OrdStatus.FILLED);
        assertThat(last.cumQty).isEqualTo(UNIT);
        assertThat(last.customFields.toString()).isEqualTo("30=A\u0001");
    }

    @Test
    void ourOwnRestingChildInTheVenuesBookIsNeverSweptBySelfTrade() throws Exception
    {
        bids(A, 59_990_00, UNIT);
        start();
        newParent("P1", Side.BUY, UNIT, 59_999_00, TimeInForce.DAY);
        pump();
        assertThat(venues.children).extracting(o -> o.price).containsExactly(59_999_00L);
        // the venue's book now shows our resting bid above the others
        depth.publish(A, new long[]{59_999_00, 59_990_00}, new long[]{UNIT, UNIT}, 2, new long[0], new long[0], 0, 0, 0);

        newParent("P2", Side.SELL, UNIT, 59_990_00, TimeInForce.IOC);
        pump();
        // the sell takes the others' bid at 59,990, not our own at 59,999
        assertThat(venues.children).hasSize(2);
        assertThat(venues.children.get(1).side).isEqualTo(Side.SELL);
        assertThat(venues.children.get(1).price).isEqualTo(59_990_00);
        assertThat(venues.children.get(1).qty).isEqualTo(UNIT);
    }

    @Test
    void anIocWithNoLiquidityWithinItsLimitIsCancelledAndAFokIsRefused() throws Exception
    {
        asks(A, 61_000_00, UNIT);
        start();

        newParent("P1", Side.BUY, UNIT, 60_000_00, TimeInForce.IOC);
        newParent("P2", Side.BUY, UNIT, 62_000_00, TimeInForce.FOK);
        pump();

        assertThat(venues.children).extracting(o -> o.clOrdId + " " + o.price + " " + o.timeInForce).isEmpty();
        assertThat(clientReports).filteredOn(r -> r.clOrdId.toString().equals("P1"))
            .extracting(r -> r.execType).containsExactly(ExecType.PENDING_NEW, ExecType.NEW, ExecType.CANCELED);
        final ExecutionReport refused = clientReports.stream()
            .filter(r -> r.clOrdId.toString().equals("P2") && r.execType == ExecType.REJECTED).findFirst().orElseThrow();
        assertThat(refused.text.toString()).contains("FOK");
    }

    @Test
    void aChildNamingNoWorkingParentIsRefused() throws Exception
    {
        start();
        final NewOrderCommand c = new NewOrderCommand().reset();
        c.clientId = ParentOrders.ROUTER_CLIENT_ID;
        c.clOrdId.append("NOPE.1");
        c.instrumentId = 0;
        c.symbol.append("BTC-USDT@A");
        c.side = Side.BUY;
        c.ordType = OrdType.LIMIT;
        c.timeInForce = TimeInForce.DAY;
        c.qty = UNIT;
        c.price = 60_000_00;
        assertThat(oms.orderEntry().newOrder(c)).isTrue();
        pump();
        assertThat(venues.children).isEmpty();
        assertThat(router.metrics().unknownChildReports()).isEqualTo(1);
        assertThat(oms.recoveredOrders()).isNotNull();
    }

    @Test
    void aTwapReleasesItsSlicesOnScheduleAndNotBefore() throws Exception
    {
        asks(A, 60_000_00, 10 * UNIT);
        manualNanos = java.time.Instant.parse("2026-12-07T15:00:00Z").getEpochSecond() * 1_000_000_000L;
        final long second = 1_000_000_000L;
        start();
        // four slices over 4 s from arrival, no randomisation: 0.25 due at 0, 1, 2 and 3 s
        newParent("P1", Side.BUY, UNIT, 60_005_00, TimeInForce.DAY,
            "20102=1\u000120103=4\u0001126=20261207-15:00:04\u0001");
        pump();
        assertThat(venues.children).extracting(o -> o.qty).containsExactly(UNIT / 4);
        final long[] expectedCum = {UNIT / 4, UNIT / 2, 3 * UNIT / 4, UNIT};
        for (int slice = 1; slice < 4; slice++)
        {
            manualNanos += second / 2;
            pump();
            assertThat(venues.children).as("nothing before slice %d is due", slice).hasSize(slice);
            manualNanos += second / 2;
            pump();
            assertThat(venues.children).hasSize(slice + 1);
            assertThat(venues.children.get(slice).qty).isEqualTo(UNIT / 4);
            assertThat(clientReports.get(clientReports.size() - 1).cumQty).isEqualTo(expectedCum[slice]);
        }
        assertThat(clientReports.get(clientReports.size() - 1).ordStatus).isEqualTo(OrdStatus.FILLED);
        assertThat(router.openParents()).isZero();
    }

    @Test
    void anIcebergShowsOneDisplayQuantityAtATimeAndRefillsWhenItIsDone() throws Exception
    {
        bids(A, 59_990_00, UNIT);
        start();
        newParent("P1", Side.BUY, UNIT, 59_999_00, TimeInForce.DAY, "111=0.4\u0001");
        pump();
        assertThat(venues.children).extracting(o -> o.qty).containsExactly(40_000_000L);
        venues.fill(venues.children.get(0).clOrdId.toString(), 10_000_000L, 59_999_00);
        pump();
        assertThat(venues.children).as("no refill while the visible child works").hasSize(1);
        venues.fill(venues.children.get(0).clOrdId.toString(), 30_000_000L, 59_999_00);
        pump();
        assertThat(venues.children).extracting(o -> o.qty).containsExactly(40_000_000L, 40_000_000L);
        venues.fill(venues.children.get(1).clOrdId.toString(), 40_000_000L, 59_999_00);
        pump();
        // the last refill is what is left
        assertThat(venues.children).extracting(o -> o.qty).containsExactly(40_000_000L, 40_000_000L, 20_000_000L);
        assertThat(venues.children).allSatisfy(o -> assertThat(o.price).isEqualTo(59_999_00));
        venues.fill(venues.children.get(2).clOrdId.toString(), 20_000_000L, 59_999_00);
        pump();
        final ExecutionReport last = clientReports.get(clientReports.size() - 1);
        assertThat(last.ordStatus).isEqualTo(OrdStatus.FILLED);
        assertThat(last.cumQty).isEqualTo(UNIT);
    }

    @Test
    void routingInstructionsChooseTheVenueAndAnUnknownVenueIsRefused() throws Exception
    {
        asks(A, 60_000_00, UNIT);
        asks(B, 60_001_00, UNIT);
        start();
        newParent("P1", Side.BUY, UNIT / 2, 60_005_00, TimeInForce.IOC, "100=b\u0001");
        newParent("P2", Side.BUY, UNIT / 2, 60_005_00, TimeInForce.IOC, "100=NOWHERE\u0001");
        pump();
        // B is worse than A, but the client named it
        assertThat(venues.children).extracting(o -> o.venueId).containsExactly(B);
        final ExecutionReport refused = clientReports.stream()
            .filter(r -> r.clOrdId.toString().equals("P2") && r.execType == ExecType.REJECTED).findFirst().orElseThrow();
        assertThat(refused.text.toString()).contains("ExDestination");
    }

    /**
     * A kill -9 after every journal record of a scenario (a three-venue IOC sweep, and a limit order that
     * sweeps one venue and rests the rest, partly filled while the process is down): the venues keep what they
     * received, what was in flight is lost, a new OMS and router start on the journal and the venues answer
     * the status queries. Whatever the point, each parent ends with exactly its children's fills, never more
     * than its quantity, and every child's fills are the venue's.
     */
    @Test
    void afterAKillAtAnyRecordEachParentHoldsExactlyItsChildrensFills() throws Exception
    {
        final long records = crashScenario(Long.MAX_VALUE, dir.resolve("full"));
        assertThat(records).as("the scenario's journal").isGreaterThan(20);
        for (long cut = 1; cut <= records; cut++)
        {
            crashScenario(cut, dir.resolve("cut-" + cut));
        }
    }

    /** @return the records journaled before the kill (all of them when {@code killAfter} is not reached). */
    private long crashScenario(final long killAfter, final Path runDir) throws Exception
    {
        final ScriptedVenues venue = new ScriptedVenues();
        venue.answerStatus = true;
        final CrashRun first = new CrashRun(runDir, venue);
        // more liquidity than the parents want: a parent routed twice would overfill
        bidLevels[A] = null;
        bidLevels[B] = null;
        asks(A, 60_000_00, 50_000_000L);
        asks(B, 60_001_00, UNIT);
        asks(C, 60_002_00, 5 * UNIT);
        bids(C, 59_000_00, UNIT);
        first.newParent("P1", 2 * UNIT, 60_005_00, TimeInForce.IOC);
        first.newParent("P2", 2 * UNIT, 60_001_50, TimeInForce.DAY);
        final boolean killed = first.pumpUntil(killAfter);
        final long journaled = first.oms.metrics().lastSequence();
        first.oms.close();
        // what was on its way to the dead process is lost; the venues keep their orders, resting ones fill
        venue.pending.clear();
        venue.fillResting(UNIT / 4);

        final CrashRun second = new CrashRun(runDir, venue);
        for (final int leg : new int[]{A, B, C})
        {
            assertThat(second.oms.venueEvents().onVenueSessionState(leg, true)).isTrue();
        }
        second.pumpUntil(Long.MAX_VALUE);
        final List<OrderSnapshot> orders = second.orders();
        second.oms.close();

        final String at = killed ? "killed after record " + killAfter + ": " : "no kill: ";

        for (final OrderSnapshot parent : orders)
        {
            if (parent.venueId() != SOR)
            {
                continue;
            }
            long childCum = 0;
            long venueCum = 0;
            for (final OrderSnapshot child : orders)
            {
                if (child.clientId() == ParentOrders.ROUTER_CLIENT_ID &&
                    child.origClOrdId().startsWith(parent.orderId() + ParentOrders.SEPARATOR))
                {
                    childCum += child.cumQty();
                    final long atVenue = venue.filledOf(child.venueClOrdId());
                    assertThat(child.cumQty()).as(at + "child %s holds the venue's fills", child.origClOrdId())
                        .isEqualTo(atVenue);
                    venueCum += atVenue;
                }
            }
            assertThat(parent.cumQty()).as(at + "parent %s = its children", parent.clOrdId()).isEqualTo(childCum);
            assertThat(venueCum).as(at + "parent %s never overfilled", parent.clOrdId()).isLessThanOrEqualTo(parent.orderQty());
            if (parent.clOrdId().equals("P1"))
            {
                // without a kill it fills; a kill between its children cancels what was not sent (an IOC's
                // moment has passed by the restart)
                if (killed)
                {
                    assertThat(parent.ordStatus().isTerminal()).as(at + "the IOC parent ended").isTrue();
                }
                else
                {
                    assertThat(parent.ordStatus()).as(at + "the IOC parent filled").isEqualTo(OrdStatus.FILLED);
                }
            }
            if (parent.ordStatus().isTerminal())
            {
                assertThat(venue.orders.values()).as(at + "no child of %s left working", parent.clOrdId())
                    .noneMatch(o -> o.live() && o.clOrdId.startsWith(childVenuePrefix(orders, parent)));
            }
        }
        return journaled;
    }

    /** Children's venue ClOrdIDs start with their OMS OrderID: any of the parent's children's. */
    private static String childVenuePrefix(final List<OrderSnapshot> orders, final OrderSnapshot parent)
    {
        return orders.stream().filter(o -> o.clientId() == ParentOrders.ROUTER_CLIENT_ID &&
            o.origClOrdId().startsWith(parent.orderId() + ParentOrders.SEPARATOR)).map(o -> o.orderId() + "-")
            .findFirst().orElse("no child");
    }

    /** One process's life over a journal: its own OMS and router, the venues outlive it. */
    private final class CrashRun
    {
        final Oms oms;
        final ParentOrderRouter router;
        final ScriptedVenues venue;

        CrashRun(final Path runDir, final ScriptedVenues venue)
        {
            this.venue = venue;
            router = new ParentOrderRouter(SOR, VENUE_NAMES, INSTRUMENTS, depth,
                (leg, book, now) -> book.fees(0, 0), RouterConfig.defaults(), clock);
            venue.router = router;
            final ClientReports reports = new ClientReports()
            {
                public void onExecutionReport(final ExecutionReport report)
                {
                    if (report.clientId == ParentOrders.ROUTER_CLIENT_ID)
                    {
                        router.childReports().onExecutionReport(report);
                    }
                }

                public void onCancelReject(final CancelReject reject)
                {
                    if (reject.clientId == ParentOrders.ROUTER_CLIENT_ID)
                    {
                        router.childReports().onCancelReject(reject);
                    }
                }
            };
            oms = new Oms(new OmsConfig().journalDir(runDir).orderIdPrefix("O").sequencerBatchLimit(1)
                .venueNames(VENUE_NAMES), INSTRUMENTS, new AcceptAll(), reports, venue, null, clock);
            venue.oms = oms;
            oms.recover();
            router.recover(oms.recoveredOrders());
            router.outputs(oms.orderEntry(), oms.venueEvents());
        }

        void newParent(final String clOrdId, final long qty, final long price, final TimeInForce tif)
        {
            final NewOrderCommand c = new NewOrderCommand().reset();
            c.clOrdId.append(clOrdId);
            c.account.append("ACC1");
            c.instrumentId = 3;
            c.symbol.append("BTC-USDT@SOR");
            c.side = Side.BUY;
            c.ordType = OrdType.LIMIT;
            c.timeInForce = tif;
            c.qty = qty;
            c.price = price;
            assertThat(oms.orderEntry().newOrder(c)).isTrue();
        }

        /** @return true when it stopped at {@code killAfter} journaled records (the kill). */
        boolean pumpUntil(final long killAfter) throws Exception
        {
            int idle = 0;
            for (int i = 0; i < 100_000 && idle < 50; i++)
            {
                final int sequenced = oms.sequencer().doWork();
                if (oms.metrics().lastSequence() >= killAfter)
                {
                    return true;
                }
                final int work = sequenced + router.doWork() + venue.answer();
                idle = work == 0 ? idle + 1 : 0;
            }
            return false;
        }

        List<OrderSnapshot> orders() throws Exception
        {
            final var future = oms.queries().orders();
            while (!future.isDone())
            {
                oms.sequencer().doWork();
            }
            return future.join();
        }
    }

    // ------------------------------------------------------------------------------------ harness

    private void start()
    {
        router = new ParentOrderRouter(SOR, VENUE_NAMES, INSTRUMENTS, depth,
            (leg, book, now) -> book.fees(10 * VenueDepth.FEE_PER_BP, 10 * VenueDepth.FEE_PER_BP),
            RouterConfig.defaults(), clock);
        final ClientReports reports = new ClientReports()
        {
            public void onExecutionReport(final ExecutionReport report)
            {
                if (report.clientId == ParentOrders.ROUTER_CLIENT_ID)
                {
                    router.childReports().onExecutionReport(report);
                }
                else
                {
                    clientReports.add(new ExecutionReport().copyFrom(report));
                }
            }

            public void onCancelReject(final CancelReject reject)
            {
                if (reject.clientId == ParentOrders.ROUTER_CLIENT_ID)
                {
                    router.childReports().onCancelReject(reject);
                }
                else
                {
                    clientCancelRejects.add(new CancelReject().copyFrom(reject));
                }
            }
        };
        oms = new Oms(new OmsConfig().journalDir(dir.resolve("journal")).orderIdPrefix("O").sequencerBatchLimit(1)
            .venueNames(VENUE_NAMES), INSTRUMENTS, new AcceptAll(), reports,
            probe == null ? venues : probe.venueOrders(venues, SOR), null, clock);
        if (probe != null)
        {
            oms.tickToTrade(probe);
        }
        venues.oms = oms;
        venues.router = router;
        oms.recover();
        final List<OrderSnapshot> recovered = oms.recoveredOrders();
        router.recover(recovered);
        router.outputs(oms.orderEntry(), oms.venueEvents());
    }

    private void pump() throws Exception
    {
        int idle = 0;
        for (int i = 0; i < 100_000 && idle < 50; i++)
        {
            final int work = oms.sequencer().doWork() + router.doWork() + venues.answer();
            idle = work == 0 ? idle + 1 : 0;
            if (work == 0)
            {
                Thread.onSpinWait();
            }
        }
    }

    private long hashOnSequencer() throws Exception
    {
        final var future = oms.onSequencer(oms::stateHash);
        while (!future.isDone())
        {
            oms.sequencer().doWork();
        }
        return future.join();
    }

    private void newParent(final String clOrdId, final Side side, final long qty, final long price, final TimeInForce tif)
    {
        newParent(clOrdId, side, qty, price, tif, "");
    }

    private void newParent(
        final String clOrdId, final Side side, final long qty, final long price, final TimeInForce tif,
        final String routingFields)
    {
        newParent(clOrdId, side, qty, price, tif, routingFields, 3, "BTC-USDT@SOR");
    }

    /** A client order for any instrument: the routed one makes a parent. */
    private void newParent(
        final String clOrdId, final Side side, final long qty, final long price, final TimeInForce tif,
        final String routingFields, final int instrumentId, final String symbol)
    {
        final NewOrderCommand c = new NewOrderCommand().reset();
        c.customFields.append(routingFields);
        c.clientId = 0;
        c.msgSeqNum = ++clOrdIds;
        c.clOrdId.append(clOrdId);
        c.account.append("ACC1");
        c.instrumentId = instrumentId;
        c.symbol.append(symbol);
        c.side = side;
        c.ordType = OrdType.LIMIT;
        c.timeInForce = tif;
        c.qty = qty;
        c.price = price;
        assertThat((probe == null ? oms.orderEntry() : probe.orderEntry(oms.orderEntry())).newOrder(c)).isTrue();
    }

    private void cancelParent(final String origClOrdId, final String clOrdId)
    {
        final CancelOrderCommand c = new CancelOrderCommand().reset();
        c.clientId = 0;
        c.msgSeqNum = ++clOrdIds;
        c.clOrdId.append(clOrdId);
        c.origClOrdId.append(origClOrdId);
        c.side = Side.BUY;
        assertThat(oms.orderEntry().cancelOrder(c)).isTrue();
    }

    private List<ExecutionReport> reportsOf(final ExecType type)
    {
        return clientReports.stream().filter(r -> r.execType == type).toList();
    }

    private final long[][] askLevels = new long[4][];
    private final long[][] bidLevels = new long[4][];

    /** One ask level at the venue (its bid level, if any, stays). */
    private void asks(final int instrument, final long price, final long qty)
    {
        askLevels[instrument] = new long[]{price, qty};
        publish(instrument);
    }

    /** One bid level at the venue (its ask level, if any, stays). */
    private void bids(final int instrument, final long price, final long qty)
    {
        bidLevels[instrument] = new long[]{price, qty};
        publish(instrument);
    }

    /** An IOC child took {@code qty} of the venue's ask level. */
    private void taken(final int instrument, final long qty)
    {
        final long[] level = askLevels[instrument];
        if (level != null)
        {
            level[1] = Math.max(0, level[1] - qty);
            publish(instrument);
        }
    }

    private void publish(final int instrument)
    {
        final long[] bid = bidLevels[instrument];
        final long[] ask = askLevels[instrument];
        final boolean hasBid = bid != null && bid[1] > 0;
        final boolean hasAsk = ask != null && ask[1] > 0;
        depth.publish(instrument, hasBid ? new long[]{bid[0]} : new long[0], hasBid ? new long[]{bid[1]} : new long[0],
            hasBid ? 1 : 0, hasAsk ? new long[]{ask[0]} : new long[0], hasAsk ? new long[]{ask[1]} : new long[0],
            hasAsk ? 1 : 0, 0, 0);
    }

    private static final class AcceptAll implements PreTradeCheck
    {
        public OrderRejectReason check(
            final Instrument instrument, final Side side, final OrdType ordType, final long qty, final long price)
        {
            return OrderRejectReason.NONE;
        }

        public void onTrade(final Instrument instrument, final long price)
        {
        }
    }

    /**
     * Venues A, B and C: each acknowledges a child; an IOC child fills in full at its price (the book it was
     * routed on, which it takes); a rejecting venue rejects. The router's venue is the router. Keeps each
     * order's state as a venue does (so it outlives a process and answers status queries when asked to), and how
     * much the children held at most (working + filled), to show there is no overfill.
     */
    private final class ScriptedVenues implements VenueOrders
    {
        final boolean[] rejecting = new boolean[4];
        final List<VenueOrder> children = new ArrayList<>();
        final ArrayDeque<VenueExecution> pending = new ArrayDeque<>();
        /** the venue's orders by every ClOrdID they had */
        final Map<String, AtVenue> orders = new HashMap<>();
        Oms oms;
        ParentOrderRouter router;
        boolean answerStatus;
        /** the venues answer nothing while set: their acks come late */
        boolean holding;
        /** the next child sends that fail as our back-pressured outbound does */
        int backPressuredSends;
        int rejected;
        int cancels;
        long committed;
        long maxCommitted;
        int execIds;

        long maxCommitted()
        {
            return maxCommitted;
        }

        long filledOf(final String clOrdId)
        {
            final AtVenue o = orders.get(clOrdId);
            return o == null ? 0 : o.cum;
        }

        public boolean isConnected(final int venueId)
        {
            return true;
        }

        public boolean sendNewOrder(final VenueOrder order)
        {
            if (order.venueId == SOR)
            {
                return router.venueOrders().sendNewOrder(order);
            }
            if (backPressuredSends > 0)
            {
                backPressuredSends--;
                return false;
            }
            final VenueOrder copy = copy(order);
            children.add(copy);
            final String id = copy.clOrdId.toString();
            if (rejecting[order.venueId])
            {
                rejected++;
                pending.add(execution(copy.venueId, id, ExecType.REJECTED, OrdStatus.REJECTED, 0, 0, 0, 0));
                return true;
            }
            final AtVenue o = new AtVenue(order.venueId, id, order.qty);
            orders.put(id, o);
            committed += order.qty;
            maxCommitted = Math.max(maxCommitted, committed);
            pending.add(execution(copy.venueId, id, ExecType.NEW, OrdStatus.NEW, 0, 0, 0, order.qty));
            if (order.timeInForce == TimeInForce.IOC)
            {
                taken(order.venueId, order.qty);
                o.fill(order.qty, order.price);
                pending.add(execution(copy.venueId, id, ExecType.TRADE, OrdStatus.FILLED, order.qty, order.price,
                    order.qty, 0));
            }
            return true;
        }

        void fill(final String clOrdId, final long qty, final long price)
        {
            final AtVenue o = orders.get(clOrdId);
            o.fill(qty, price);
            pending.add(execution(o.venueId, clOrdId, ExecType.TRADE,
                o.cum == o.qty ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED, qty, price, o.cum, o.qty - o.cum));
        }

        /** Every resting order fills up to {@code qty} at its venue (while no process may be listening). */
        void fillResting(final long qty)
        {
            for (final AtVenue o : new java.util.LinkedHashSet<>(orders.values()))
            {
                if (o.live())
                {
                    fill(o.clOrdId, Math.min(qty, o.qty - o.cum), 59_999_00);
                }
            }
        }

        public boolean sendCancel(final VenueOrder cancel)
        {
            if (cancel.venueId == SOR)
            {
                return router.venueOrders().sendCancel(cancel);
            }
            cancels++;
            final AtVenue o = orders.get(cancel.origClOrdId.toString());
            if (o == null || !o.live())
            {
                final io.meridian.oms.api.VenueCancelReject reject = new io.meridian.oms.api.VenueCancelReject().reset();
                reject.venueId = cancel.venueId;
                reject.clOrdId.append(cancel.clOrdId);
                reject.origClOrdId.append(cancel.origClOrdId);
                reject.text.append("too late to cancel");
                return oms.venueEvents().onCancelReject(reject);
            }
            o.canceled = true;
            orders.put(cancel.clOrdId.toString(), o);
            final VenueExecution e = execution(o.venueId, cancel.clOrdId.toString(), ExecType.CANCELED,
                OrdStatus.CANCELED, 0, 0, o.cum, 0);
            e.origClOrdId.append(cancel.origClOrdId);
            committed -= o.qty - o.cum;
            pending.add(e);
            return true;
        }

        public boolean sendReplace(final VenueOrder replace)
        {
            return replace.venueId == SOR && router.venueOrders().sendReplace(replace);
        }

        /** As a FIX venue answers an OrderStatusRequest: by the ClOrdID asked about, REJECTED when unknown. */
        public boolean sendStatusRequest(final VenueOrder order)
        {
            if (order.venueId == SOR)
            {
                return router.venueOrders().sendStatusRequest(order);
            }
            if (!answerStatus)
            {
                return false;
            }
            final String id = order.clOrdId.toString();
            final AtVenue o = orders.get(id);
            final VenueExecution e;
            if (o == null)
            {
                e = execution(order.venueId, id, ExecType.ORDER_STATUS, OrdStatus.REJECTED, 0, 0, 0, 0);
            }
            else
            {
                e = execution(o.venueId, id, ExecType.ORDER_STATUS, o.status(), 0, o.averagePrice(), o.cum,
                    o.live() ? o.qty - o.cum : 0);
            }
            pending.add(e);
            return true;
        }

        int answer()
        {
            if (holding)
            {
                return 0;
            }
            int work = 0;
            VenueExecution e;
            while ((e = pending.peek()) != null && oms.venueEvents().onExecution(e))
            {
                pending.poll();
                work++;
            }
            return work;
        }

        private VenueExecution execution(
            final int venueId, final String clOrdId, final ExecType execType, final OrdStatus status, final long lastQty,
            final long lastPx, final long cumQty, final long leavesQty)
        {
            final VenueExecution e = new VenueExecution().reset();
            e.venueId = venueId;
            e.clOrdId.append(clOrdId);
            e.venueOrderId.append("V").append(clOrdId);
            if (execType == ExecType.TRADE)
            {
                e.venueExecId.append("T").append(++execIds);
            }
            e.execType = execType;
            e.ordStatus = status;
            e.lastQty = lastQty;
            e.lastPx = lastPx;
            e.cumQty = cumQty;
            e.leavesQty = leavesQty;
            return e;
        }

        private VenueOrder copy(final VenueOrder order)
        {
            final VenueOrder copy = new VenueOrder().reset();
            copy.venueId = order.venueId;
            copy.clOrdId.append(order.clOrdId);
            copy.symbol.append(order.symbol);
            copy.side = order.side;
            copy.ordType = order.ordType;
            copy.timeInForce = order.timeInForce;
            copy.qty = order.qty;
            copy.price = order.price;
            return copy;
        }
    }

    /** One order as the venue holds it. */
    private static final class AtVenue
    {
        final int venueId;
        final String clOrdId;
        final long qty;
        long cum;
        long notional;
        boolean canceled;

        AtVenue(final int venueId, final String clOrdId, final long qty)
        {
            this.venueId = venueId;
            this.clOrdId = clOrdId;
            this.qty = qty;
        }

        void fill(final long fillQty, final long price)
        {
            cum += fillQty;
            notional += fillQty / 1_000_000L * price;
        }

        boolean live()
        {
            return !canceled && cum < qty;
        }

        OrdStatus status()
        {
            return canceled ? OrdStatus.CANCELED : cum == qty ? OrdStatus.FILLED :
                cum > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW;
        }

        long averagePrice()
        {
            return cum == 0 ? 0 : notional / (cum / 1_000_000L);
        }
    }
}
