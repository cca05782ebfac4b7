package io.meridian.systemtests;

import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.nio.file.Path;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * A client that logs on with ResetSeqNumFlag=Y gives up whatever was queued for it in the old sequence;
 * Meridian sends each of its open orders' current state as a status report (ExecType I) so nothing it
 * still has working is silently unknown to it.
 */
@Timeout(90)
class ResetSeqNumLogonSystemTest
{
    @Test
    void openOrdersAreRestatedAfterALogonThatResetsSequenceNumbers(@TempDir final Path dir) throws Exception
    {
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port()).start()
                .awaitVenueConnected())
        {
            try (TestFixClient before = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT,
                dir.resolve("client-before")).start().awaitLogon())
            {
                before.send(limit("working-1", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                before.await("New", report("working-1", '0'));
                before.send(limit("done-1", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                before.await("New", report("done-1", '0'));
                before.send(Orders.cancel("cxl-done-1", "done-1", BUY, "AAPL", "10"));
                before.await("Canceled", report("cxl-done-1", '4'));
            }
            // a fresh store: the client starts from MsgSeqNum 1 and asks Meridian to do the same
            try (TestFixClient after = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT,
                dir.resolve("client-after")).resetOnLogon().start().awaitLogon())
            {
                final Message restated = after.await("status report of the open order",
                    m -> "8".equals(TestFixClient.msgType(m)) && "I".equals(field(m, 150)));
                assertThat(field(restated, 11)).isEqualTo("working-1");
                assertThat(field(restated, 39)).isEqualTo("0");
                assertThat(field(restated, 151)).isEqualTo("10");

                // only open orders are restated, and the session trades on
                after.send(limit("after-reset", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                after.await("New", report("after-reset", '0'));
                assertThat(after.drain(300)).noneMatch(m -> "done-1".equals(field(m, 11)));
            }
        }
    }
}
