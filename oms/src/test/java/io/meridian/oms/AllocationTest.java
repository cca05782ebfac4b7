package io.meridian.oms;

import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ClientReports;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.FillListener;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.OrderStateListener;
import io.meridian.oms.api.OrderStatusCommand;
import io.meridian.oms.api.OrderView;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thread-allocated bytes on the sequencer path (submit + doWork on this thread, no-op outputs, a state
 * listener behind the projection's ring that, as the store does, is handed every client report).
 */
class AllocationTest
{
    @TempDir
    Path dir;

    private static long allocated()
    {
        return ((com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static final class NoOutputs implements ClientReports, VenueOrders
    {
        long reports;

        public void onExecutionReport(final ExecutionReport report)
        {
            reports++;
        }

        public void onCancelReject(final CancelReject reject)
        {
            reports++;
        }

        public boolean isConnected(final int venueId)
        {
            return true;
        }

        public boolean sendNewOrder(final VenueOrder order)
        {
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

    /** Takes every call of the state listener through the projection's ring, as the shared store does. */
    private static final class CountingListener implements OrderStateListener
    {
        long updates;
        long clientReports;

        public void onOrderUpdated(final OrderView order)
        {
            updates++;
        }

        public void onClientReport(final OrderView order, final ExecutionReport report, final int index)
        {
            clientReports++;
        }
    }

    private static void drain(final Oms oms) throws Exception
    {
        while (oms.sequencer().doWork() > 0 || oms.metrics().queueDepth() > 0)
        {
            // drain
        }
    }

    @Test
    void steadyStatePathsDoNotAllocate() throws Exception
    {
        final NoOutputs outputs = new NoOutputs();
        final OmsConfig config = new OmsConfig().journalDir(dir).maxOrders(50_000).ringCapacityBytes(1 << 16);
        try (Oms oms = new Oms(config, TestSupport.INSTRUMENTS, new TestSupport.SimpleRisk(), outputs, outputs,
            FillListener.NONE, new TestSupport.FakeClock()))
        {
            final CountingListener listener = new CountingListener();
            oms.stateListener(listener);
            oms.recover();
            final NewOrderCommand order = new NewOrderCommand();
            order.clientId = 1;
            order.instrumentId = 0;
            order.side = Side.BUY;
            order.ordType = OrdType.LIMIT;
            order.timeInForce = TimeInForce.DAY;
            order.qty = 10;
            order.price = 1_500_000;
            order.account.append("ACC");
            final OrderStatusCommand status = new OrderStatusCommand();
            status.clientId = 1;
            status.orderId.append("1");
            final VenueExecution ack = new VenueExecution();
            ack.execType = ExecType.NEW;

            final int orders = 20_000;
            for (int i = 0; i < orders; i++)
            {
                order.clOrdId.setLength(0);
                order.clOrdId.append('A').append(i);
                oms.orderEntry().newOrder(order);
                drain(oms);
            }
            for (int i = 0; i < 20_000; i++)
            {
                oms.orderEntry().orderStatus(status);
                drain(oms);
            }

            long before = allocated();
            for (int i = 0; i < 10_000; i++)
            {
                oms.orderEntry().orderStatus(status);
                drain(oms);
            }
            final long perStatus = (allocated() - before) / 10_000;

            before = allocated();
            for (int i = 1; i <= 10_000; i++)
            {
                ack.clOrdId.setLength(0);
                ack.clOrdId.append(i).append("-1");
                oms.venueEvents().onExecution(ack);
                drain(oms);
            }
            final long perAck = (allocated() - before) / 10_000;

            before = allocated();
            for (int i = 0; i < 10_000; i++)
            {
                order.clOrdId.setLength(0);
                order.clOrdId.append('B').append(i);
                oms.orderEntry().newOrder(order);
                drain(oms);
            }
            final long perNewOrder = (allocated() - before) / 10_000;
            System.out.println("allocated bytes: per status " + perStatus + ", per venue ack " + perAck +
                ", per new order " + perNewOrder);
            assertThat(outputs.reports).isGreaterThan(60_000);
            // every report went to the state listener too (copied into the projection's ring)
            assertThat(listener.clientReports).isEqualTo(outputs.reports);
            assertThat(listener.updates).isPositive();
            assertThat(perStatus).isLessThan(8);
            assertThat(perAck).isLessThan(8);
            assertThat(perNewOrder).isLessThan(1_000);
        }
    }
}
