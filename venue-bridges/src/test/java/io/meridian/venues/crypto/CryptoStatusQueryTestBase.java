package io.meridian.venues.crypto;

import io.meridian.oms.api.VenueCancelReject;
import io.meridian.oms.api.VenueEvents;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.NewOrder;
import io.meridian.simulators.exchange.OrderView;
import io.meridian.simulators.exchange.SimulatedExchange;
import io.meridian.simulators.fault.FaultPlan;
import io.meridian.simulators.fault.FaultSpec;
import io.meridian.simulators.fault.FaultType;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static io.meridian.venues.crypto.CryptoVenueViewTestBase.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OMS's status queries against a crypto bridge and its venue's simulator on loopback sockets, answered
 * as a FIX venue answers an OrderStatusRequest (ExecType ORDER_STATUS): a working order is acknowledged, an
 * order the venue does not know is rejected, a cancel done at the venue whose answer was lost ends the
 * order Canceled, and a fill the stream missed is booked once, before the status that counts it. Orders
 * "of an earlier process" are placed on the simulator directly under Meridian's client order ids: the
 * bridge learns of them only from the query, as after a restart.
 */
abstract class CryptoStatusQueryTestBase
{
    static final long SEED = 13;

    CryptoVenueBridge bridge;
    AgentRunner runner;
    final List<Event> events = new CopyOnWriteArrayList<>();
    private int orders;

    /** What the OMS received: an execution or, with {@code cancelReject}, an OrderCancelReject. */
    record Event(
        String clOrdId, String origClOrdId, ExecType execType, OrdStatus ordStatus, String venueExecId, long lastQty,
        long lastPx, long cumQty, long leavesQty, String text, boolean cancelReject)
    {
    }

    abstract void startSimulator();

    abstract void closeSimulator();

    abstract CryptoVenueConfig config();

    abstract CryptoVenueBridge newBridge(CryptoVenueConfig config);

    abstract <T> T onExchange(Function<SimulatedExchange, T> query);

    abstract FaultPlan faults();

    abstract String instrument();

    abstract String venueSymbol();

    /** The venue's client order id of our ClOrdID. */
    abstract String venueClOrdId(String clOrdId);

    @BeforeEach
    void start()
    {
        startSimulator();
        bridge = newBridge(config().withMarketData(false));
        bridge.venueEvents(new VenueEvents()
        {
            public boolean onExecution(final VenueExecution e)
            {
                events.add(new Event(e.clOrdId.toString(), e.origClOrdId.toString(), e.execType, e.ordStatus,
                    e.venueExecId.toString(), e.lastQty, e.lastPx, e.cumQty, e.leavesQty, e.text.toString(), false));
                return true;
            }

            public boolean onCancelReject(final VenueCancelReject r)
            {
                events.add(new Event(r.clOrdId.toString(), r.origClOrdId.toString(), null, null, "", 0, 0, 0, 0,
                    r.text.toString(), true));
                return true;
            }

            public boolean onVenueSessionState(final int venueId, final boolean connected)
            {
                return true;
            }
        });
        runner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, bridge);
        AgentRunner.startOnThread(runner);
        await(bridge::isConnected, "bridge connected");
        await(() -> !"down".equals(bridge.status().userStream()), "user stream subscribed");
    }

    @AfterEach
    void stop()
    {
        CloseHelper.closeAll(runner);
        closeSimulator();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void aWorkingOrderOfAnEarlierProcessIsAcknowledgedAndThenHandledAsAnyOther()
    {
        placeOnVenue("TPFGVI.91-1", io.meridian.simulators.matching.Side.BUY, "59000", "0.01");

        askStatus("TPFGVI.91-1", "", VenueOrder.QUERIED_ORDER, Side.BUY);

        final Event status = awaitEvent("TPFGVI.91-1", ExecType.ORDER_STATUS);
        assertThat(status.ordStatus()).isEqualTo(OrdStatus.NEW);
        assertThat(status.cumQty()).isZero();
        assertThat(status.leavesQty()).isEqualTo(1_000_000L);
        assertThat(bridge.metrics().ordersTakenOver()).isEqualTo(1);

        // taken over: a cancel the OMS sends now reaches the venue and its answer the OMS
        cancel("TPFGVI.91-2", "TPFGVI.91-1", Side.BUY);
        final Event canceled = awaitEvent("TPFGVI.91-2", ExecType.CANCELED);
        assertThat(canceled.origClOrdId()).isEqualTo("TPFGVI.91-1");
        assertThat(openOrders()).isEmpty();
    }

    @Test
    void anOrderTheVenueDoesNotKnowIsRejected()
    {
        askStatus("TPFGVI.92-1", "", VenueOrder.QUERIED_ORDER, Side.BUY);

        final Event status = awaitEvent("TPFGVI.92-1", ExecType.ORDER_STATUS);
        assertThat(status.ordStatus()).isEqualTo(OrdStatus.REJECTED);
        assertThat(status.text()).startsWith(config().name() + " order not found");
        assertThat(events).containsExactly(status);
    }

    @Test
    void aCancelDoneAtTheVenueWhoseAnswerWasLostEndsTheOrderCanceled()
    {
        final long orderId = placeOnVenue("TPFGVI.93-1", io.meridian.simulators.matching.Side.BUY, "59000", "0.01");
        // the earlier process's cancel reached the venue; its answer never reached the OMS
        onExchange(ex -> ex.cancel("trader1", venueSymbol(), orderId));

        askStatus("TPFGVI.93-2", "TPFGVI.93-1", VenueOrder.QUERIED_CANCEL, Side.BUY);

        final Event status = awaitEvent("TPFGVI.93-2", ExecType.ORDER_STATUS);
        assertThat(status.ordStatus()).isEqualTo(OrdStatus.CANCELED);
        final Event canceled = awaitEvent("TPFGVI.93-2", ExecType.CANCELED);
        assertThat(canceled.origClOrdId()).isEqualTo("TPFGVI.93-1");
        assertThat(events.indexOf(canceled)).isLessThan(events.indexOf(status));
        assertThat(events).noneMatch(Event::cancelReject);
    }

    @Test
    void aCancelTheVenueNeverReceivedIsRefusedSoTheClientCanSendItAgain()
    {
        placeOnVenue("TPFGVI.94-1", io.meridian.simulators.matching.Side.BUY, "59000", "0.01");

        askStatus("TPFGVI.94-2", "TPFGVI.94-1", VenueOrder.QUERIED_CANCEL, Side.BUY);

        final Event status = awaitEvent("TPFGVI.94-2", ExecType.ORDER_STATUS);
        assertThat(status.ordStatus()).isEqualTo(OrdStatus.NEW);
        assertThat(events).filteredOn(Event::cancelReject).singleElement().satisfies(r ->
        {
            assertThat(r.clOrdId()).isEqualTo("TPFGVI.94-2");
            assertThat(r.origClOrdId()).isEqualTo("TPFGVI.94-1");
        });
        assertThat(events).noneMatch(e -> e.execType() == ExecType.CANCELED);
        assertThat(openOrders()).hasSize(1);
    }

    @Test
    void aFillTheStreamMissedIsBookedOnceBeforeTheStatusThatCountsIt() throws Exception
    {
        final String sell = place(Side.SELL, "60000", "0.01");
        awaitEvent(sell, ExecType.NEW);
        faults().inject(FaultSpec.of(FaultType.DROP_FILL_EVENTS).times(1));
        takerBuys("60000", "0.004");
        // a marker order placed after the fill: once its ack is in, the dropped fill would have been too
        final String marker = place(Side.BUY, "59000", "0.01");
        awaitEvent(marker, ExecType.NEW);
        Thread.sleep(200);
        assertThat(events).noneMatch(e -> e.execType() == ExecType.TRADE);

        askStatus(sell, "", VenueOrder.QUERIED_ORDER, Side.SELL);

        final Event status = awaitEvent(sell, ExecType.ORDER_STATUS);
        assertThat(status.ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(status.cumQty()).isEqualTo(400_000L);
        assertThat(status.leavesQty()).isEqualTo(600_000L);
        assertThat(status.lastPx()).as("AvgPx").isEqualTo(6_000_000L);
        assertStatusCountsOnlyFillsBookedBeforeIt(sell, status);
        Thread.sleep(200);
        assertThat(events).filteredOn(e -> e.execType() == ExecType.TRADE).singleElement()
            .satisfies(e -> assertThat(e.lastQty()).isEqualTo(400_000L));
    }

    @Test
    void fillsOfAnEarlierProcessesOrderAreBookedOnceBeforeTheStatusThatCountsThem() throws Exception
    {
        placeOnVenue("TPFGVI.95-1", io.meridian.simulators.matching.Side.SELL, "60000", "0.01");
        // it traded while no process watched it
        takerBuys("60000", "0.003");
        takerBuys("60000", "0.002");

        askStatus("TPFGVI.95-1", "", VenueOrder.QUERIED_ORDER, Side.SELL);

        final Event status = awaitEvent("TPFGVI.95-1", ExecType.ORDER_STATUS);
        assertStatusCountsOnlyFillsBookedBeforeIt("TPFGVI.95-1", status);
        assertThat(status.ordStatus()).isEqualTo(OrdStatus.PARTIALLY_FILLED);
        assertThat(status.cumQty()).isEqualTo(500_000L);
        takerBuys("60000", "0.005");
        await(() -> events.stream().anyMatch(e -> e.execType() == ExecType.TRADE && e.ordStatus() == OrdStatus.FILLED),
            "the rest filled through the stream, seen " + events);
        Thread.sleep(200);
        final List<Event> trades = events.stream().filter(e -> e.execType() == ExecType.TRADE).toList();
        assertThat(trades).extracting(Event::lastQty).containsExactly(300_000L, 200_000L, 500_000L);
        assertThat(trades).extracting(Event::venueExecId).doesNotHaveDuplicates();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * What the OMS does with a status (books its CumQty beyond the fills it holds as one more fill) must find
     * nothing to book: every fill the status counts reached the OMS before it.
     */
    private void assertStatusCountsOnlyFillsBookedBeforeIt(final String clOrdId, final Event status)
    {
        final int at = events.indexOf(status);
        final long bookedBefore = events.subList(0, at).stream()
            .filter(e -> e.execType() == ExecType.TRADE && e.clOrdId().equals(clOrdId)).mapToLong(Event::lastQty).sum();
        assertThat(status.cumQty()).as("status CumQty against fills booked before it, events " + events)
            .isEqualTo(bookedBefore);
    }

    /** An order as an earlier Meridian process placed it (the bridge does not know it); its venue order id. */
    long placeOnVenue(
        final String clOrdId, final io.meridian.simulators.matching.Side side, final String price, final String qty)
    {
        final var result = onExchange(ex -> ex.submit(NewOrder.limit("trader1", venueSymbol(), side,
            io.meridian.simulators.matching.TimeInForce.GTC, Amounts.of(price), Amounts.of(qty), venueClOrdId(clOrdId))));
        assertThat(result.accepted()).isTrue();
        final OrderView order = onExchange(ex -> ex.orderByClientId("trader1", venueSymbol(), venueClOrdId(clOrdId)))
            .orElseThrow();
        return order.orderId();
    }

    List<OrderView> openOrders()
    {
        return onExchange(ex -> ex.openOrders("trader1", venueSymbol()));
    }

    /** The OMS's status query as {@code OrderStateMachine.queryVenue} sends it. */
    void askStatus(final String clOrdId, final String origClOrdId, final char queried, final Side side)
    {
        final VenueOrder o = order(clOrdId, side);
        o.origClOrdId.append(origClOrdId);
        o.queried = queried;
        assertThat(bridge.offer(VenueRequestRing.STATUS, o)).isTrue();
    }

    void cancel(final String clOrdId, final String origClOrdId, final Side side)
    {
        final VenueOrder o = order(clOrdId, side);
        o.origClOrdId.append(origClOrdId);
        assertThat(bridge.offer(VenueRequestRing.CANCEL, o)).isTrue();
    }

    String place(final Side side, final String price, final String qty)
    {
        final String clOrdId = "TPFGVI." + (++orders) + "-1";
        final VenueOrder o = order(clOrdId, side);
        o.price = new BigDecimal(price).movePointRight(2).longValueExact();
        o.qty = new BigDecimal(qty).movePointRight(8).longValueExact();
        assertThat(bridge.offer(VenueRequestRing.NEW_ORDER, o)).isTrue();
        return clOrdId;
    }

    private VenueOrder order(final String clOrdId, final Side side)
    {
        final VenueOrder o = new VenueOrder().reset();
        o.venueId = config().venueId();
        o.clOrdId.append(clOrdId);
        o.symbol.append(instrument());
        o.side = side;
        o.ordType = OrdType.LIMIT;
        o.timeInForce = TimeInForce.GTC;
        o.priceScale = 2;
        o.qtyScale = 8;
        return o;
    }

    /** trader2 buys on the venue (outside Meridian), taking our sell at {@code price}. */
    void takerBuys(final String price, final String qty)
    {
        final boolean accepted = onExchange(ex -> ex.submit(NewOrder.limit("trader2", venueSymbol(),
            io.meridian.simulators.matching.Side.BUY, io.meridian.simulators.matching.TimeInForce.IOC, Amounts.of(price),
            Amounts.of(qty), null)).accepted());
        assertThat(accepted).isTrue();
    }

    Event awaitEvent(final String clOrdId, final ExecType type)
    {
        await(() -> find(clOrdId, type) != null, clOrdId + " " + type + ", seen " + events);
        return find(clOrdId, type);
    }

    private Event find(final String clOrdId, final ExecType type)
    {
        return events.stream().filter(e -> e.clOrdId().equals(clOrdId) && e.execType() == type).findFirst().orElse(null);
    }
}
