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
 * An order Meridian took and journaled but the venue never received (lost at a crash before it was
 * sent, or on a connection that died) is never left pending: after a restart Meridian asks the venue
 * about it, and the client learns it is not working; an order the venue does know is acknowledged.
 */
@Timeout(120)
class UnacknowledgedOrderSystemTest
{
    @Test
    void orderTheVenueNeverReceivedIsRejectedAfterRestartAndOneItKnowsIsAcknowledged(@TempDir final Path dir)
        throws Exception
    {
        final int fixPort = MeridianTestServer.freePort();
        final Path data = dir.resolve("meridian");
        final Path store = dir.resolve("client");
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start())
        {
            final MeridianTestServer first = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port()).start().awaitVenueConnected();
            try (first; TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, store).start().awaitLogon())
            {
                client.send(limit("known", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                client.await("New", report("known", '0'));

                venue.control().dropNextMessages(1);
                client.send(limit("lost", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                client.await("PendingNew", report("lost", 'A'));
            }

            try (MeridianTestServer second = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port()).start().awaitVenueConnected();
                TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, store).start().awaitLogon())
            {
                final Message rejected = client.await("the lost order settled", report("lost", '8'));
                assertThat(field(rejected, 39)).isEqualTo("8");
                assertThat(field(rejected, 58)).contains("not received by the venue");
                assertThat(second.server().oms().metrics().venueStatusQueries()).isPositive();
                assertThat(second.get("/orders?status=open").body()).contains("\"clOrdId\":\"known\"")
                    .doesNotContain("\"clOrdId\":\"lost\"");
            }
        }
    }
}
