package io.meridian.gateway;

import io.meridian.oms.api.CancelOrderCommand;
import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.OrderEntry;
import io.meridian.oms.api.OrderStatusCommand;
import io.meridian.oms.api.ReplaceOrderCommand;
import io.meridian.oms.model.CancelRejectReason;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSessionsTest
{
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final ClientSessions sessions = new ClientSessions(
        List.of(new ClientSessionConfig(0, "CLIENT1", "MERIDIAN", null, null)),
        new InstrumentRegistry(List.of()), new NoOrderEntry(), metrics);

    @Test
    void reportsWithoutASessionWaitInOrderInsteadOfBeingDropped()
    {
        sessions.onExecutionReport(report("a"));
        sessions.onCancelReject(cancelReject("c"));
        sessions.onExecutionReport(report("b"));

        assertThat(metrics.reportsDelayed()).isEqualTo(3);
        assertThat(metrics.reportsUndeliverable()).isZero();
        assertThat(sessions.sendBacklogs()).as("nothing to send them on yet").isZero();
        assertThat(metrics.reportsSent()).isZero();
        assertThat(sessions.backlog(0)).as("held in the order they were made").containsExactly("8:a", "9:c", "8:b");
    }

    @Test
    void aFullBacklogCountsFurtherReportsUndeliverableAndKeepsTheOldest()
    {
        sessions.backlogLimit(2);
        sessions.onExecutionReport(report("a"));
        sessions.onExecutionReport(report("b"));
        sessions.onExecutionReport(report("c"));
        sessions.onCancelReject(cancelReject("d"));

        assertThat(sessions.backlog(0)).containsExactly("8:a", "8:b");
        assertThat(metrics.reportsDelayed()).isEqualTo(2);
        assertThat(metrics.reportsUndeliverable()).isEqualTo(2);
    }

    private static ExecutionReport report(final String clOrdId)
    {
        final ExecutionReport report = new ExecutionReport();
        report.clientId = 0;
        report.orderId.append("1");
        report.clOrdId.append(clOrdId);
        report.execId.append("E-").append(clOrdId);
        report.execType = ExecType.NEW;
        report.ordStatus = OrdStatus.NEW;
        report.side = Side.BUY;
        report.symbol.append("AAPL");
        return report;
    }

    private static CancelReject cancelReject(final String clOrdId)
    {
        final CancelReject reject = new CancelReject();
        reject.clientId = 0;
        reject.clOrdId.append(clOrdId);
        reject.origClOrdId.append("o");
        reject.ordStatus = OrdStatus.NEW;
        reject.reason = CancelRejectReason.VENUE_REJECTED;
        return reject;
    }

    @Test
    void reportForAnUnconfiguredClientIsCountedAsUndeliverable()
    {
        final ExecutionReport report = new ExecutionReport();
        report.clientId = 7;
        sessions.onExecutionReport(report);
        assertThat(metrics.reportsUndeliverable()).isEqualTo(1);
        assertThat(metrics.reportsDelayed()).isZero();
    }

    private static final class NoOrderEntry implements OrderEntry
    {
        public boolean newOrder(final NewOrderCommand command)
        {
            return false;
        }

        public boolean cancelOrder(final CancelOrderCommand command)
        {
            return false;
        }

        public boolean replaceOrder(final ReplaceOrderCommand command)
        {
            return false;
        }

        public boolean orderStatus(final OrderStatusCommand command)
        {
            return false;
        }
    }
}
