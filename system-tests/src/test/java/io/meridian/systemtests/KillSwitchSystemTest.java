package io.meridian.systemtests;

import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.micronaut.http.MediaType;
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
 * Engaging the kill switch leaves no order working: every open order is cancelled at its venue (the
 * client sees PendingCancel and Canceled with its own ClOrdID, unsolicited), /halts counts the open
 * orders down to 0, and new orders are refused until the switch is released.
 */
@Timeout(90)
class KillSwitchSystemTest
{
    @Test
    void engagingTheKillSwitchCancelsEveryOpenOrderAtTheVenue(@TempDir final Path dir) throws Exception
    {
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port()).start()
                .awaitVenueConnected();
            TestFixClient client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client"))
                .start().awaitLogon())
        {
            for (final String id : new String[] {"rest-1", "rest-2", "rest-3"})
            {
                client.send(limit(id, BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                client.await("New " + id, report(id, '0'));
            }
            assertThat(meridian.get("/halts").body()).contains("\"openOrders\":3");

            assertThat(meridian.send("operator", "POST", "/kill-switch", MediaType.APPLICATION_JSON, "{\"engaged\":true}")
                .statusCode()).isEqualTo(200);
            for (final String id : new String[] {"rest-1", "rest-2", "rest-3"})
            {
                final Message canceled = client.await("Canceled " + id, report(id, '4'));
                assertThat(field(canceled, 39)).isEqualTo("4");
            }
            final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
            while (!meridian.get("/halts").body().contains("\"openOrders\":0") && System.nanoTime() < deadline)
            {
                Thread.sleep(50);
            }
            assertThat(meridian.get("/halts").body()).contains("\"killSwitch\":true").contains("\"openOrders\":0");
            assertThat(venue.control().clientOrders()).noneMatch(io.meridian.simulators.fix.VenueControl.OrderState::isLive);

            client.send(limit("while-killed", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
            assertThat(field(client.await("refused", report("while-killed", '8')), 58)).contains("kill switch");

            assertThat(meridian.send("operator", "POST", "/kill-switch", MediaType.APPLICATION_JSON, "{\"engaged\":false}")
                .statusCode()).isEqualTo(200);
            client.send(limit("after-release", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
            client.await("New after release", report("after-release", '0'));
        }
    }

    @Test
    void sessionAndInstrumentKillSwitchesStopOnlyTheirScope(@TempDir final Path dir) throws Exception
    {
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port()).start()
                .awaitVenueConnected();
            TestFixClient first = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("c1"))
                .start().awaitLogon();
            TestFixClient second = new TestFixClient(meridian.fixPort(), MeridianTestServer.SECURE_CLIENT, "MERIDIAN",
                MeridianTestServer.SECURE_USER, MeridianTestServer.SECURE_PASSWORD, dir.resolve("c2")).start().awaitLogon())
        {
            first.send(limit("first-rest", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
            first.await("New", report("first-rest", '0'));
            second.send(limit("second-rest", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
            second.await("New", report("second-rest", '0'));

            final String session = "{\"engaged\":true,\"scope\":\"session\",\"name\":\"" + MeridianTestServer.CLIENT + "\"}";
            final var engaged = meridian.send("operator", "POST", "/kill-switch", MediaType.APPLICATION_JSON, session);
            assertThat(engaged.statusCode()).isEqualTo(200);
            assertThat(engaged.body()).contains("\"scoped\":[\"session " + MeridianTestServer.CLIENT + "\"]")
                .contains("\"killSwitch\":false");
            first.await("its open order cancelled", report("first-rest", '4'));
            first.send(limit("first-new", BUY, "10", "MSFT", "410.00", TimeInForce.GOOD_TILL_CANCEL));
            assertThat(field(first.await("refused", report("first-new", '8')), 58)).contains("kill switch");
            second.send(limit("second-new", BUY, "10", "MSFT", "410.00", TimeInForce.GOOD_TILL_CANCEL));
            second.await("the other session trades", report("second-new", '0'));
            assertThat(venue.control().clientOrders()).filteredOn(io.meridian.simulators.fix.VenueControl.OrderState::isLive)
                .hasSize(2);

            final String instrument = "{\"engaged\":true,\"scope\":\"instrument\",\"name\":\"AAPL\"}";
            assertThat(meridian.send("operator", "POST", "/kill-switch", MediaType.APPLICATION_JSON, instrument)
                .statusCode()).isEqualTo(200);
            second.await("AAPL cancelled", report("second-rest", '4'));
            second.send(limit("second-aapl", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
            assertThat(field(second.await("refused", report("second-aapl", '8')), 58)).contains("kill switch");
            second.send(limit("second-msft", BUY, "10", "MSFT", "410.00", TimeInForce.GOOD_TILL_CANCEL));
            second.await("MSFT still trades", report("second-msft", '0'));
            assertThat(meridian.send("operator", "POST", "/kill-switch", MediaType.APPLICATION_JSON,
                "{\"engaged\":true,\"scope\":\"instrument\",\"name\":\"NOPE\"}").statusCode()).isEqualTo(404);

            assertThat(meridian.send("operator", "POST", "/kill-switch", MediaType.APPLICATION_JSON,
                session.replace("true", "false")).statusCode()).isEqualTo(200);
            first.send(limit("first-after", BUY, "10", "MSFT", "410.00", TimeInForce.GOOD_TILL_CANCEL));
            first.await("released", report("first-after", '0'));
            assertThat(java.nio.file.Files.readString(dir.resolve("meridian").resolve("trading-halts")))
                .isEqualTo("instrument AAPL\n");
        }
    }
}
