package io.meridian.systemtests;

import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.matching.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.nio.file.Path;

import static io.meridian.systemtests.Orders.cancel;
import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.replace;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * Shadow mode: a client's orders run through risk, the sequencer and the journal and are acknowledged,
 * replaced and canceled as a venue would, but the venue never sees one, even with liquidity that would
 * fill it; risk still refuses what it would refuse live.
 */
@Timeout(90)
class ShadowModeSystemTest
{
    @Test
    void ordersAreAnsweredButNeverReachTheVenue(@TempDir final Path dir) throws Exception
    {
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port()).shadow().start()
                .awaitVenueConnected();
            TestFixClient client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client"))
                .start().awaitLogon())
        {
            venue.control().addLiquidity("AAPL", Side.SELL, "100", "180.00");
            client.send(limit("shadow-1", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
            final Message acked = client.await("New", report("shadow-1", '0'));
            final String orderId = field(acked, 37);
            client.send(replace("shadow-2", "shadow-1", BUY, "AAPL", "20", "179.00", TimeInForce.GOOD_TILL_CANCEL));
            client.await("Replaced", report("shadow-2", '5'));
            client.send(cancel("shadow-3", "shadow-2", BUY, "AAPL", "20"));
            client.await("Canceled", report("shadow-3", '4'));

            client.send(limit("too-big", BUY, "10001", "AAPL", "180.00", TimeInForce.DAY));
            assertThat(field(client.await("risk still refuses", report("too-big", '8')), 58)).contains("maximum");

            assertThat(venue.control().clientOrders()).as("the venue saw nothing").isEmpty();
            assertThat(meridian.server().shadowVenues().newOrders()).isEqualTo(1);
            assertThat(meridian.server().shadowVenues().replaces()).isEqualTo(1);
            assertThat(meridian.server().shadowVenues().cancels()).isEqualTo(1);
            assertThat(meridian.get("/health").body()).contains("\"shadow\":true");
            assertThat(meridian.get("/orders/" + orderId).body()).contains("\"ordStatus\":\"CANCELED\"")
                .contains("\"venueOrderId\":\"SHADOW-");
        }
    }
}
