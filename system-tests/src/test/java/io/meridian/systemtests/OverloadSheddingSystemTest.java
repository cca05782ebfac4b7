package io.meridian.systemtests;

import io.meridian.oms.model.OrderRejectReason;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.nio.file.Path;

import static io.meridian.systemtests.Orders.cancel;
import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.nextClOrdId;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.Orders.status;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * Over capacity Meridian sheds new orders that waited too long inside it, with a reason, and still
 * processes cancels and status requests. The limit is set to 1 ns, so every NewOrderSingle has waited
 * longer than it between the engine reading it and the core thread decoding it: each one is shed.
 */
@Timeout(60)
class OverloadSheddingSystemTest
{
    @Test
    void aNewOrderThatWaitedTooLongIsRefusedWithAReasonWhileCancelsAndStatusRequestsStillPass(
        @TempDir final Path dir) throws Exception
    {
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port())
                .maxInboundDelayMs(0.000_001).start().awaitVenueConnected();
            TestFixClient client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT,
                dir.resolve("client")).start().awaitLogon())
        {
            final String id = nextClOrdId("shed");
            client.send(limit(id, BUY, "100", "AAPL", "190.00", TimeInForce.DAY));
            final Message rejected = client.await("the order shed", report(id, '8'));
            assertThat(field(rejected, 39)).as("OrdStatus Rejected").isEqualTo("8");
            assertThat(field(rejected, 103)).as("OrdRejReason Other").isEqualTo("99");
            assertThat(field(rejected, 58)).isEqualTo(OrderRejectReason.STALE_ORDER.text()).contains("overloaded");
            assertThat(field(rejected, 14)).as("CumQty").isEqualTo("0");

            // a status request and a cancel are never shed: both are answered for the refused order
            client.send(status(id, BUY, "AAPL"));
            final Message state = client.await("its status", report(id, 'I'));
            assertThat(field(state, 39)).isEqualTo("8");
            final String cancelId = nextClOrdId("shed-cancel");
            client.send(cancel(cancelId, id, BUY, "AAPL", "100"));
            final Message cancelReject = client.await("the cancel answered",
                message -> "9".equals(TestFixClient.msgType(message)) && cancelId.equals(field(message, 11)));
            assertThat(field(cancelReject, 58)).doesNotContain("overloaded");

            assertThat(meridian.server().oms().metrics().rejects(OrderRejectReason.STALE_ORDER)).isEqualTo(1);
            assertThat(venue.control().receivedMessages()).as("nothing reached the venue")
                .noneMatch(m -> m.contains("\u000135=D\u0001"));
        }
    }
}
