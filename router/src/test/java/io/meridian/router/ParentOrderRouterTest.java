package io.meridian.router;

import io.meridian.oms.Oms;
import io.meridian.oms.OmsConfig;
import io.meridian.oms.OrderSnapshot;
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
    private static final Map<String, Integer> VENUE_IDS = Map.of("A", A, "B", B, "C", C, "SOR", SOR);

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

    // ------------------------------------------------------------------------------------ harness

    private void start()
    {
        router = new ParentOrderRouter(SOR, VENUE_IDS, INSTRUMENTS, depth,
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
        oms = new Oms(new OmsConfig().journalDir(dir.resolve("journal")).orderIdPrefix("O")
            .venueNames(List.of("A", "B", "C", "SOR")), INSTRUMENTS, new AcceptAll(), reports, venues, null, clock);
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
        final NewOrderCommand c = new NewOrderCommand().reset();
        c.customFields.append(routingFields);
        c.clientId = 0;
        c.msgSeqNum = ++clOrdIds;
        c.clOrdId.append(clOrdId);
        c.account.append("ACC1");
        c.instrumentId = 3;
        c.symbol.append("BTC-USDT@SOR");
        c.side = side;
        c.ordType = OrdType.LIMIT;
        c.timeInForce = tif;
        c.qty = qty;
        c.price = price;
        assertThat(oms.orderEntry().newOrder(c)).isTrue();
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

    private void asks(final int instrument, final long price, final long qty)
    {
        askLevels[instrument] = new long[]{price, qty};
        depth.publish(instrument, new long[0], new long[0], 0, new long[]{price}, new long[]{qty}, 1, 0, 0);
    }

    /** An IOC child took {@code qty} of the venue's only ask level. */
    private void taken(final int instrument, final long qty)
    {
        final long[] level = askLevels[instrument];
        if (level != null)
        {
            level[1] = Math.max(0, level[1] - qty);
            depth.publish(instrument, new long[0], new long[0], 0, new long[]{level[0]}, new long[]{level[1]},
                level[1] > 0 ? 1 : 0, 0, 0);
        }
    }

    private void bids(final int instrument, final long price, final long qty)
    {
        depth.publish(instrument, new long[]{price}, new long[]{qty}, 1, new long[0], new long[0], 0, 0, 0);
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
     * routed on); a rejecting venue rejects. The router's venue is the router. Records how much the children
     * of the parent held at most (working + filled), to show there is no overfill.
     */
    private final class ScriptedVenues implements VenueOrders
    {
        final boolean[] rejecting = new boolean[4];
        final List<VenueOrder> children = new ArrayList<>();
        final ArrayDeque<VenueExecution> pending = new ArrayDeque<>();
        final Map<String, long[]> open = new HashMap<>();
        int rejected;
        int cancels;
        long committed;
        long maxCommitted;
        int execIds;

        long maxCommitted()
        {
            return maxCommitted;
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
            final VenueOrder copy = copy(order);
            children.add(copy);
            final String id = copy.clOrdId.toString();
            if (rejecting[order.venueId])
            {
                rejected++;
                pending.add(execution(copy.venueId, id, ExecType.REJECTED, OrdStatus.REJECTED, 0, 0, 0, 0));
                return true;
            }
            committed += order.qty;
            maxCommitted = Math.max(maxCommitted, committed);
            pending.add(execution(copy.venueId, id, ExecType.NEW, OrdStatus.NEW, 0, 0, 0, order.qty));
            if (order.timeInForce == TimeInForce.IOC)
            {
                taken(order.venueId, order.qty);
                pending.add(execution(copy.venueId, id, ExecType.TRADE, OrdStatus.FILLED, order.qty, order.price,
                    order.qty, 0));
            }
            else
            {
                open.put(id, new long[]{order.venueId, order.qty, 0});
            }
            return true;
        }

        void fill(final String clOrdId, final long qty, final long price)
        {
            final long[] o = open.get(clOrdId);
            o[2] += qty;
            pending.add(execution((int)o[0], clOrdId, ExecType.TRADE,
                o[2] == o[1] ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED, qty, price, o[2], o[1] - o[2]));
        }

        public boolean sendCancel(final VenueOrder cancel)
        {
            if (cancel.venueId == SOR)
            {
                return router.venueOrders().sendCancel(cancel);
            }
            cancels++;
            final long[] o = open.remove(cancel.origClOrdId.toString());
            final VenueExecution e = execution((int)o[0], cancel.clOrdId.toString(), ExecType.CANCELED,
                OrdStatus.CANCELED, 0, 0, o[2], 0);
            e.origClOrdId.append(cancel.origClOrdId);
            committed -= o[1] - o[2];
            pending.add(e);
            return true;
        }

        public boolean sendReplace(final VenueOrder replace)
        {
            return replace.venueId == SOR && router.venueOrders().sendReplace(replace);
        }

        public boolean sendStatusRequest(final VenueOrder order)
        {
            return order.venueId == SOR && router.venueOrders().sendStatusRequest(order);
        }

        int answer()
        {
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
}
