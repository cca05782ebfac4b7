package io.meridian.benchmarks;

import io.meridian.oms.Oms;
import io.meridian.oms.OmsConfig;
import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ClientReports;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.OrderEntry;
import io.meridian.oms.api.VenueEvents;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import io.meridian.risk.HotRiskGate;
import org.agrona.IoUtil;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The OMS core, one op = a whole order life: client NewOrderSingle -> venue ack (New) -> venue fill
 * (Trade, filled), each through the ring, the journal (memory-mapped, in a temp directory), the
 * risk gate and the state machine, driven by calling the sequencer's {@code doWork()} on this
 * thread. Client reports and venue sends go to no-op sinks that only keep what the next step needs.
 * A fresh OMS per iteration keeps the order store far below {@code maxOrders}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OmsCycleBenchmark
{
    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final VenueExecution execution = new VenueExecution();
    private final StringBuilder venueClOrdId = new StringBuilder(32);
    private Path journalDir;
    private Oms oms;
    private OrderEntry orderEntry;
    private VenueEvents venueEvents;
    private Agent sequencer;
    private long orderNumber;
    private long reports;

    @Setup(Level.Iteration)
    public void setUp() throws Exception
    {
        journalDir = Files.createTempDirectory("meridian-bench-journal");
        final var instruments = BenchInstruments.registry();
        oms = new Oms(
            new OmsConfig().journalDir(journalDir).maxOrders(4_000_000),
            instruments, new HotRiskGate(instruments), new NoOpClientReports(), new CapturingVenue(), null,
            new SystemEpochNanoClock());
        oms.recover();
        orderEntry = oms.orderEntry();
        venueEvents = oms.venueEvents();
        sequencer = oms.sequencer();
        venueEvents.onVenueSessionState(0, true);
        drain();
    }

    @TearDown(Level.Iteration)
    public void tearDown()
    {
        oms.close();
        IoUtil.delete(journalDir.toFile(), true);
    }

    @Benchmark
    public long newAckFill() throws Exception
    {
        final long n = ++orderNumber;
        final NewOrderCommand order = newOrder.reset();
        order.clientId = 0;
        order.clOrdId.append('C').append(n);
        order.symbol.append("AAPL");
        order.instrumentId = BenchInstruments.AAPL;
        order.side = Side.BUY;
        order.ordType = OrdType.LIMIT;
        order.timeInForce = TimeInForce.DAY;
        order.qty = 100;
        order.price = 1_900_000L;
        order.transactTimeNanos = n;
        offer(orderEntry.newOrder(order));
        drain();

        final VenueExecution ack = execution.reset();
        ack.venueId = 0;
        ack.clOrdId.append(venueClOrdId);
        ack.venueOrderId.append('V').append(n);
        ack.execType = ExecType.NEW;
        ack.ordStatus = OrdStatus.NEW;
        ack.leavesQty = 100;
        offer(venueEvents.onExecution(ack));
        drain();

        final VenueExecution fill = execution.reset();
        fill.venueId = 0;
        fill.clOrdId.append(venueClOrdId);
        fill.venueOrderId.append('V').append(n);
        fill.venueExecId.append('E').append(n);
        fill.execType = ExecType.TRADE;
        fill.ordStatus = OrdStatus.FILLED;
        fill.lastQty = 100;
        fill.lastPx = 1_900_000L;
        fill.cumQty = 100;
        fill.leavesQty = 0;
        offer(venueEvents.onExecution(fill));
        drain();
        return reports;
    }

    private void drain() throws Exception
    {
        while (sequencer.doWork() > 0)
        {
            // apply everything queued
        }
    }

    private static void offer(final boolean accepted)
    {
        if (!accepted)
        {
            throw new IllegalStateException("OMS ring full");
        }
    }

    private final class NoOpClientReports implements ClientReports
    {
        public void onExecutionReport(final ExecutionReport report)
        {
            reports++;
        }

        public void onCancelReject(final CancelReject reject)
        {
            reports++;
        }
    }

    private final class CapturingVenue implements VenueOrders
    {
        public boolean isConnected(final int venueId)
        {
            return true;
        }

        public boolean sendNewOrder(final VenueOrder order)
        {
            venueClOrdId.setLength(0);
            venueClOrdId.append(order.clOrdId);
            return true;
        }

        public boolean sendCancel(final VenueOrder cancel)
        {
            return true;
        }

        public boolean sendReplace(final VenueOrder replace)
        {
            return true;
        }
    }
}
