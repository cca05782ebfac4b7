package io.meridian.oms;

import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ClientReports;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.risk.HotRiskGate;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The order state machine alone (no ring, no journal), one op = three transitions of one order:
 * new (risk check, PendingNew, child order out) -> venue New -> venue fill (Filled). In this
 * package because the state machine is internal to the OMS. A fresh machine per iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StateMachineTransitionBenchmark
{
    private static final InstrumentRegistry INSTRUMENTS = new InstrumentRegistry(List.of(
        new Instrument(0, "AAPL", 4, 0, 0, 1_900_000L, 10_000L, 1_000_000L, 1000)));

    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final VenueExecution execution = new VenueExecution();
    private final StringBuilder venueClOrdId = new StringBuilder(32);
    private OrderStateMachine machine;
    private long orderNumber;
    private long reports;

    @Setup(Level.Iteration)
    public void setUp()
    {
        final ManyToOneRingBuffer ring = new ManyToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(4096 + RingBufferDescriptor.TRAILER_LENGTH)));
        machine = new OrderStateMachine("B", 4_000_000, INSTRUMENTS,
            new HotRiskGate(INSTRUMENTS),
            new ClientReports()
            {
                public void onExecutionReport(final ExecutionReport report)
                {
                    reports++;
                }

                public void onCancelReject(final CancelReject reject)
                {
                    reports++;
                }
            },
            new Venue(), io.meridian.oms.api.FillListener.NONE, new OmsMetrics(ring), Throwable::printStackTrace,
            java.util.List.of());
        machine.begin(false, 0);
        machine.onVenueSessionState(0, true, 0);
    }

    @Benchmark
    public long newAckFill()
    {
        final long n = ++orderNumber;
        final NewOrderCommand order = newOrder.reset();
        order.clOrdId.append('C').append(n);
        order.symbol.append("AAPL");
        order.instrumentId = 0;
        order.side = Side.BUY;
        order.ordType = OrdType.LIMIT;
        order.timeInForce = TimeInForce.DAY;
        order.qty = 100;
        order.price = 1_900_000L;
        machine.begin(false, 0);
        machine.onNewOrder(order, n);

        final VenueExecution ack = execution.reset();
        ack.clOrdId.append(venueClOrdId);
        ack.venueOrderId.append('V').append(n);
        ack.execType = ExecType.NEW;
        ack.ordStatus = OrdStatus.NEW;
        ack.leavesQty = 100;
        machine.begin(false, 0);
        machine.onVenueExecution(ack, n);

        final VenueExecution fill = execution.reset();
        fill.clOrdId.append(venueClOrdId);
        fill.venueOrderId.append('V').append(n);
        fill.venueExecId.append('E').append(n);
        fill.execType = ExecType.TRADE;
        fill.ordStatus = OrdStatus.FILLED;
        fill.lastQty = 100;
        fill.lastPx = 1_900_000L;
        fill.cumQty = 100;
        fill.leavesQty = 0;
        machine.begin(false, 0);
        machine.onVenueExecution(fill, n);
        return reports;
    }

    private final class Venue implements VenueOrders
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
