package io.meridian.systemtests;

import io.meridian.gateway.ClientSessionConfig;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.nio.file.Path;
import java.util.List;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * A venue that refuses an order at the session layer (a Reject naming only the MsgSeqNum, here for a
 * carried tag its dictionary does not define) makes the order a rejected one for the client, with the
 * venue's reason, instead of leaving it PendingNew forever.
 */
@Timeout(90)
class VenueSessionRejectSystemTest
{
    private static final String DESK = "DESKCLIENT";

    @Test
    void orderRefusedByTheVenuesSessionLayerIsRejectedToTheClient(@TempDir final Path dir) throws Exception
    {
        // the client's ExecInst (18) is carried to the venue, whose dictionary does not define it
        final ClientSessionConfig desk = new ClientSessionConfig(4, DESK, "MERIDIAN", null, null).withCarryTags(18);
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(
                dir.resolve("meridian"), venue.port(), List.of(desk), new int[0]).start().awaitVenueConnected();
            TestFixClient client = new TestFixClient(meridian.fixPort(), DESK, dir.resolve("client")).start().awaitLogon())
        {
            final Message postOnly = limit("refused-1", BUY, "10", "AAPL", "180.00", TimeInForce.DAY);
            postOnly.setString(18, "6");
            client.send(postOnly);

            final Message rejected = client.await("Rejected", report("refused-1", '8'));
            assertThat(field(rejected, 39)).isEqualTo("8");
            assertThat(field(rejected, 58)).contains("session Reject").contains("18");
            assertThat(meridian.get("/orders?status=open").body()).doesNotContain("refused-1");

            // the session stays up and the next order trades as usual
            client.send(limit("accepted-1", BUY, "10", "AAPL", "180.00", TimeInForce.DAY));
            client.await("New", report("accepted-1", '0'));
        }
    }
}
