package io.meridian.venues.fix;

import io.meridian.gateway.AcceptorSessions;
import io.meridian.gateway.FixRuntime;
import io.meridian.gateway.FixRuntimeConfig;
import io.meridian.oms.api.VenueCancelReject;
import io.meridian.oms.api.VenueEvents;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.venues.view.VenueView;
import io.meridian.venues.view.VenueViewSource;
import io.meridian.venues.view.ViewRequest;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The FIX venue bridge's reconciliation view against the QuickFIX/J venue simulator over loopback:
 * Meridian's own FIX runtime (Artio engine and library, lock-step) polled with the bridge on one
 * "core" thread, as in production. Seeded AAPL book: bids 100@189.90, 200@189.80; asks 100@190.10,
 * 200@190.20. Orders carry no Account, so the venue books their positions under our CompID.
 */
@Timeout(120)
class FixVenueViewTest
{
    private static final int VENUE_ID = 1;
    private static final int OTHER_VENUE_ID = 2;
    private static final String OUR_COMP_ID = "MERIDIAN";
    private static final long WAIT_MS = 10_000;

    @TempDir
    Path dataDir;

    private final SystemEpochNanoClock nanoClock = new SystemEpochNanoClock();
    private final RecordingEvents events = new RecordingEvents();
    private final ConcurrentLinkedQueue<Runnable> onCore = new ConcurrentLinkedQueue<>();
    private FixVenueSimulator venue;
    private FixVenueSimulator otherVenue;
    private FixRuntime runtime;
    private FixVenueBridge bridge;
    private Thread core;
    private volatile boolean running = true;
    private VenueViewSource view;

    @BeforeEach
    void start() throws Exception
    {
        venue = new FixVenueSimulator(FixVenueSimulatorConfig.builder().port(0).idPrefix("V").build()).start();
        otherVenue = new FixVenueSimulator(
            FixVenueSimulatorConfig.builder().port(0).idPrefix("W").senderCompId("VENUE2").build()).start();
        final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
            new Instrument(0, "AAPL", 2, 0, VENUE_ID, 19_000, 1_000_000, Long.MAX_VALUE, 10_000),
            new Instrument(1, "MSFT", 2, 0, VENUE_ID, 42_000, 1_000_000, Long.MAX_VALUE, 10_000)));
        final List<FixVenueConfig> venues = List.of(
            new FixVenueConfig(VENUE_ID, "sim", "127.0.0.1", venue.port(), OUR_COMP_ID, "VENUE", null, null, 200),
            new FixVenueConfig(OTHER_VENUE_ID, "sim2", "127.0.0.1", otherVenue.port(), OUR_COMP_ID, "VENUE2", null, null,
                200));
        runtime = new FixRuntime(new FixRuntimeConfig().dataDir(dataDir).bindHost("127.0.0.1").port(0)
            .transientSequenceNumbers(true).deleteOnClose(true), nanoClock);
        bridge = new FixVenueBridge(venues, instruments, () -> runtime.library(), SystemEpochClock.INSTANCE, nanoClock,
            new VenueBridgeMetrics());
        bridge.venueEvents(events);
        view = bridge.viewSource(VENUE_ID);
        final CountDownLatch started = new CountDownLatch(1);
        core = new Thread(() -> runCore(venues, started), "test-core");
        core.start();
        assertThat(started.await(WAIT_MS, TimeUnit.MILLISECONDS)).as("FIX runtime started").isTrue();
        await("venue sessions logged on", () -> view.isConnected() && bridge.viewSource(OTHER_VENUE_ID).isConnected());
    }

    private void runCore(final List<FixVenueConfig> venues, final CountDownLatch started)
    {
        runtime.start(AuthenticationStrategy.none(), new NoClients(), bridge, FixVenueBridge.logonCustomisation(venues));
        runtime.framerToPollingThread();
        bridge.whileBackPressured(runtime.whileBackPressured());
        started.countDown();
        while (running)
        {
            int work = runtime.poll(16) + bridge.doWork();
            for (Runnable task = onCore.poll(); task != null; task = onCore.poll())
            {
                task.run();
                work++;
            }
            if (work == 0)
            {
                LockSupport.parkNanos(50_000);
            }
        }
        bridge.logoutAll();
        final long deadline = System.currentTimeMillis() + 2_000;
        while ((bridge.isConnected(VENUE_ID) || bridge.isConnected(OTHER_VENUE_ID)) && System.currentTimeMillis() < deadline)
        {
            runtime.poll(16);
            bridge.doWork();
        }
        runtime.closeLibrary();
    }

    @AfterEach
    void stop() throws Exception
    {
        running = false;
        if (core != null)
        {
            core.join(10_000);
        }
        if (runtime != null)
        {
            runtime.close();
        }
        if (venue != null)
        {
            venue.stop();
        }
        if (otherVenue != null)
        {
            otherVenue.stop();
        }
    }

    @Test
    void listsTheOrdersRestingAtTheVenueAsItHoldsThem() throws Exception
    {
        final String o1 = place("O1", "AAPL", Side.BUY, 10, 18_995, TimeInForce.GTC);
        final String o2 = place("O2", "AAPL", Side.SELL, 5, 20_050, TimeInForce.GTC);
        final String o3 = place("O3", "MSFT", Side.BUY, 7, 40_000, TimeInForce.DAY);
        venue.control().addLiquidity("AAPL", io.meridian.simulators.matching.Side.SELL, "4", "189.95");
        await("O1's fill reported", () -> events.last("O1") != null && events.last("O1").cumQty == 4);
        final int executionsBefore = events.all.size();

        final VenueView answer = ask(true, 5_000);

        assertThat(answer.venueId()).isEqualTo(VENUE_ID);
        // clOrdId venueOrderId symbol side orderQty price cumQty leavesQty status
        assertThat(answer.openOrders()).extracting(FixVenueViewTest::describe).containsExactly(
            "O1 " + o1 + " AAPL 1 10 189.95 4 6 1",
            "O2 " + o2 + " AAPL 2 5 200.5 0 5 0",
            "O3 " + o3 + " MSFT 1 7 400 0 7 0");
        assertThat(answer.trades()).as("FIX venues deliver trades on the session").isEmpty();
        assertThat(answer.balancesAsked()).isTrue();
        assertThat(answer.positions()).singleElement().satisfies(p ->
        {
            assertThat(p.account()).isEqualTo(OUR_COMP_ID);
            assertThat(p.symbol()).isEqualTo("AAPL");
            assertThat(p.longQty()).isEqualByComparingTo("4");
            assertThat(p.shortQty()).isEqualByComparingTo("0");
        });
        assertThat(answer.answeredAtNanos()).isGreaterThanOrEqualTo(answer.askedAtNanos());

        Thread.sleep(200);
        assertThat(events.all).as("the mass status replies are no executions").hasSize(executionsBefore);
        assertThat(events.all).noneMatch(e -> e.execType == ExecType.ORDER_STATUS);

        // an ordinary status request's answer still goes to the sequencer
        final VenueOrder status = order("O2", "AAPL", Side.SELL, 5, 20_050, TimeInForce.GTC);
        runOnCore(() -> bridge.sendStatusRequest(status));
        await("status reply applied", () -> events.all.stream()
            .anyMatch(e -> e.execType == ExecType.ORDER_STATUS && e.clOrdId.equals("O2")));
    }

    @Test
    void anEmptyVenueAnswersNoOrdersAndNoPositions() throws Exception
    {
        final VenueView answer = ask(true, 5_000);

        assertThat(answer.openOrders()).isEmpty();
        assertThat(answer.positions()).isEmpty();
        assertThat(answer.balancesAsked()).as("'no positions found' is an answer").isTrue();
        Thread.sleep(200);
        assertThat(events.all).as("the 'no orders' report is no execution").isEmpty();

        final VenueView ordersOnly = ask(false, 5_000);
        assertThat(ordersOnly.balancesAsked()).isFalse();
        assertThat(ordersOnly.positions()).isEmpty();
    }

    @Test
    void anOrderTheVenueForgotIsAbsent() throws Exception
    {
        final String kept = place("K1", "AAPL", Side.BUY, 10, 18_000, TimeInForce.GTC);
        place("F1", "AAPL", Side.BUY, 3, 18_100, TimeInForce.GTC);

        venue.control().forgetOrder("F1");

        final VenueView answer = ask(false, 5_000);
        assertThat(answer.openOrders()).extracting(VenueView.OpenOrder::clOrdId).containsExactly("K1");
        assertThat(answer.openOrders().get(0).venueOrderId()).isEqualTo(kept);
        assertThat(events.last("F1").execType).as("Meridian still believes F1 open").isEqualTo(ExecType.NEW);
    }

    @Test
    void aPositionMovedAtTheVenueShowsItsDelta() throws Exception
    {
        place("B1", "AAPL", Side.BUY, 30, 19_010, TimeInForce.IOC);
        await("B1 filled", () -> events.last("B1") != null && events.last("B1").cumQty == 30);

        venue.control().adjustPosition(OUR_COMP_ID, "AAPL", new BigDecimal("-12"));
        venue.control().adjustPosition(OUR_COMP_ID, "MSFT", new BigDecimal("5"));

        final VenueView answer = ask(true, 5_000);
        assertThat(answer.balancesAsked()).isTrue();
        assertThat(answer.positions()).extracting(VenueView.Position::symbol).containsExactly("AAPL", "MSFT");
        final VenueView.Position aapl = answer.positions().get(0);
        assertThat(aapl.longQty()).isEqualByComparingTo("30");
        assertThat(aapl.shortQty()).isEqualByComparingTo("12");
        assertThat(aapl.net()).isEqualByComparingTo("18");
        assertThat(answer.positions().get(1).net()).isEqualByComparingTo("5");
    }

    @Test
    void aFillTheVenueNeverReportedShowsAsMoreCumQtyThanMeridianReceived() throws Exception
    {
        place("S1", "AAPL", Side.BUY, 10, 18_995, TimeInForce.GTC);

        venue.control().suppressNextFillReports(1);
        venue.control().addLiquidity("AAPL", io.meridian.simulators.matching.Side.SELL, "4", "189.95");
        Thread.sleep(300);

        final VenueView answer = ask(true, 5_000);
        final VenueView.OpenOrder s1 = answer.openOrders().get(0);
        assertThat(s1.clOrdId()).isEqualTo("S1");
        assertThat(s1.cumQty()).isEqualByComparingTo("4");
        assertThat(s1.leavesQty()).isEqualByComparingTo("6");
        final long meridianCumQty = events.last("S1").cumQty;
        assertThat(meridianCumQty).isZero();
        assertThat(s1.cumQty()).isGreaterThan(BigDecimal.valueOf(meridianCumQty));
        assertThat(answer.positions()).singleElement().satisfies(p -> assertThat(p.longQty()).isEqualByComparingTo("4"));
    }

    @Test
    void eachFixVenueAnswersForItself() throws Exception
    {
        final String a1 = place(VENUE_ID, "A1", "AAPL", Side.BUY, 10, 18_000, TimeInForce.GTC);
        final String b1 = place(OTHER_VENUE_ID, "B1", "MSFT", Side.SELL, 3, 45_000, TimeInForce.GTC);
        final VenueViewSource other = bridge.viewSource(OTHER_VENUE_ID);
        assertThat(bridge.viewSources()).extracting(VenueViewSource::venueId).containsExactly(VENUE_ID, OTHER_VENUE_ID);
        assertThat(other.name()).isEqualTo("sim2");

        final CompletableFuture<VenueView> first = view.requestView(new ViewRequest(Map.of(), true, 5_000));
        final CompletableFuture<VenueView> second = other.requestView(new ViewRequest(Map.of(), true, 5_000));

        assertThat(first.get(10, TimeUnit.SECONDS).openOrders()).extracting(FixVenueViewTest::describe)
            .containsExactly("A1 " + a1 + " AAPL 1 10 180 0 10 0");
        final VenueView otherView = second.get(10, TimeUnit.SECONDS);
        assertThat(otherView.venueId()).isEqualTo(OTHER_VENUE_ID);
        assertThat(otherView.openOrders()).extracting(FixVenueViewTest::describe)
            .containsExactly("B1 " + b1 + " MSFT 2 3 450 0 3 0");
    }

    @Test
    void failsAtOnceWhenNotLoggedOn() throws Exception
    {
        venue.stop();
        await("venue session down", () -> !view.isConnected());
        assertThat(bridge.viewSource(OTHER_VENUE_ID).isConnected()).as("the other venue is still up").isTrue();

        final long start = System.nanoTime();
        final CompletableFuture<VenueView> answer = view.requestView(new ViewRequest(Map.of(), true, 5_000));

        assertThat(answer).isCompletedExceptionally();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
        assertThatThrownBy(answer::get).hasCauseInstanceOf(IllegalStateException.class)
            .hasMessageContaining("not logged on");
    }

    @Test
    void timesOutWhenTheVenueDoesNotAnswerAndDiscardsTheLateReplies() throws Exception
    {
        place("K1", "AAPL", Side.BUY, 10, 18_000, TimeInForce.GTC);
        venue.control().dropNextMessages(1);

        final ExecutionException dropped = askExpectingFailure(false, 300);
        assertThat(dropped.getCause()).isInstanceOf(TimeoutException.class)
            .hasMessageContaining("did not answer reconciliation within 300 ms");

        venue.control().delayReports(1_000);
        final ExecutionException late = askExpectingFailure(true, 300);
        assertThat(late.getCause()).isInstanceOf(TimeoutException.class);
        Thread.sleep(1_500);
        venue.control().delayReports(0);
        final int executionsBefore = events.all.size();

        final VenueView answer = ask(true, 5_000);
        assertThat(answer.openOrders()).extracting(VenueView.OpenOrder::clOrdId).containsExactly("K1");
        assertThat(answer.balancesAsked()).isTrue();
        assertThat(events.all).as("late replies reach no one").hasSize(executionsBefore);
    }

    private VenueView ask(final boolean positions, final long timeoutMs) throws Exception
    {
        return view.requestView(new ViewRequest(Map.of(), positions, timeoutMs)).get(timeoutMs + 5_000, TimeUnit.MILLISECONDS);
    }

    private ExecutionException askExpectingFailure(final boolean positions, final long timeoutMs) throws Exception
    {
        final CompletableFuture<VenueView> answer = view.requestView(new ViewRequest(Map.of(), positions, timeoutMs));
        try
        {
            final VenueView unexpected = answer.get(timeoutMs + 5_000, TimeUnit.MILLISECONDS);
            throw new AssertionError("expected no answer but got " + unexpected);
        }
        catch (final ExecutionException e)
        {
            return e;
        }
    }

    /** Sends a new order through the bridge on the core thread; @return the venue's OrderID once acknowledged. */
    private String place(
        final String clOrdId, final String symbol, final Side side, final long qty, final long price, final TimeInForce tif)
        throws Exception
    {
        return place(VENUE_ID, clOrdId, symbol, side, qty, price, tif);
    }

    private String place(
        final int venueId, final String clOrdId, final String symbol, final Side side, final long qty, final long price,
        final TimeInForce tif) throws Exception
    {
        final VenueOrder order = order(clOrdId, symbol, side, qty, price, tif);
        order.venueId = venueId;
        assertThat(runOnCore(() -> bridge.sendNewOrder(order))).as("sent").isTrue();
        await(clOrdId + " acknowledged", () -> events.first(clOrdId) != null);
        return events.first(clOrdId).venueOrderId;
    }

    private VenueOrder order(
        final String clOrdId, final String symbol, final Side side, final long qty, final long price, final TimeInForce tif)
    {
        final VenueOrder order = new VenueOrder().reset();
        order.venueId = VENUE_ID;
        order.clOrdId.append(clOrdId);
        order.symbol.append(symbol);
        order.side = side;
        order.ordType = OrdType.LIMIT;
        order.timeInForce = tif;
        order.priceScale = 2;
        order.qtyScale = 0;
        order.qty = qty;
        order.price = price;
        order.transactTimeNanos = nanoClock.nanoTime();
        return order;
    }

    private boolean runOnCore(final BooleanSupplier task) throws Exception
    {
        final CompletableFuture<Boolean> done = new CompletableFuture<>();
        onCore.add(() -> done.complete(task.getAsBoolean()));
        return done.get(WAIT_MS, TimeUnit.MILLISECONDS);
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!condition.getAsBoolean())
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }

    private static String describe(final VenueView.OpenOrder o)
    {
        return String.join(" ", o.clOrdId(), o.venueOrderId(), o.symbol(), String.valueOf(o.side()), plain(o.orderQty()),
            plain(o.price()), plain(o.cumQty()), plain(o.leavesQty()), String.valueOf(o.status()));
    }

    private static String plain(final BigDecimal value)
    {
        return value.stripTrailingZeros().toPlainString();
    }

    /** What the sequencer would have received, copied. */
    private static final class RecordingEvents implements VenueEvents
    {
        final List<Execution> all = new CopyOnWriteArrayList<>();

        public boolean onExecution(final VenueExecution execution)
        {
            all.add(new Execution(execution.clOrdId.toString(), execution.venueOrderId.toString(), execution.execType,
                execution.cumQty));
            return true;
        }

        public boolean onCancelReject(final VenueCancelReject reject)
        {
            return true;
        }

        public boolean onVenueSessionState(final int venueId, final boolean connected)
        {
            return true;
        }

        Execution first(final String clOrdId)
        {
            return all.stream().filter(e -> e.clOrdId.equals(clOrdId)).findFirst().orElse(null);
        }

        Execution last(final String clOrdId)
        {
            Execution last = null;
            for (final Execution e : all)
            {
                if (e.clOrdId.equals(clOrdId))
                {
                    last = e;
                }
            }
            return last;
        }
    }

    private record Execution(String clOrdId, String venueOrderId, ExecType execType, long cumQty)
    {
    }

    /** This process accepts no clients. */
    private static final class NoClients implements AcceptorSessions
    {
        public boolean isClientSession(final Session session)
        {
            return false;
        }

        public uk.co.real_logic.artio.library.SessionHandler onSessionAcquired(
            final Session session, final uk.co.real_logic.artio.library.SessionAcquiredInfo acquiredInfo)
        {
            throw new IllegalStateException("no client sessions here");
        }
    }
}
