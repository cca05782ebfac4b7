package io.meridian.systemtests;

import io.meridian.gateway.ClientSessionStatus;
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
import static io.meridian.systemtests.Orders.decimal;
import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * Meridian stops with open orders (one resting, one partially filled) and starts again on the same
 * data directory: the client's session resumes its sequence numbers without a reset, the open
 * orders are still there with their fills and remain cancellable and fillable, and ids continue.
 */
@Timeout(120)
class RestartSystemTest
{
    @Test
    void restartKeepsOpenOrdersIdsAndSessionSequenceNumbers(@TempDir final Path dir) throws Exception
    {
        final int fixPort = MeridianTestServer.freePort();
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start())
        {
            final Path data = dir.resolve("meridian");
            final MeridianTestServer first = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port()).start().awaitVenueConnected();
            final TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, dir.resolve("client"))
                .start().awaitLogon();
            try
            {
                client.send(limit("rest-1", BUY, "100", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                final String restingOrderId = field(client.await("New", report("rest-1", '0')), 37);

                venue.control().addLiquidity("MSFT", Side.SELL, "40", "420.00");
                client.send(limit("part-1", BUY, "100", "MSFT", "420.00", TimeInForce.GOOD_TILL_CANCEL));
                final Message partial = client.await("partial fill", report("part-1", 'F'));
                assertThat(decimal(partial, 14)).isEqualByComparingTo("40");
                final String partialOrderId = field(partial, 37);

                final int clientSentBefore = client.session().getExpectedSenderNum();
                final int clientExpectedBefore = client.session().getExpectedTargetNum();
                final long stateHashBefore = first.server().oms().stateHash();

                first.close();
                awaitLoggedOut(client);

                try (MeridianTestServer second = new MeridianTestServer(
                    data, fixPort, MeridianTestServer.freePort(), venue.port()).start().awaitVenueConnected())
                {
                    client.awaitLogon();
                    assertThat(second.server().recoveredRecords()).isPositive();
                    assertThat(second.server().oms().stateHash()).isEqualTo(stateHashBefore);

                    // the session resumed: no reset to 1 on either side, and both sides agree
                    assertThat(client.session().getExpectedSenderNum()).isGreaterThan(clientSentBefore);
                    assertThat(client.session().getExpectedTargetNum()).isGreaterThan(clientExpectedBefore);
                    final ClientSessionStatus status = awaitMeridianSeen(second, client);
                    assertThat(status.lastSentSeqNum()).isEqualTo(client.session().getExpectedTargetNum() - 1);
                    assertThat(status.lastReceivedSeqNum()).as("Meridian remembered what it had received")
                        .isEqualTo(client.session().getExpectedSenderNum() - 1);

                    final String open = second.get("/orders?status=open").body();
                    assertThat(open).contains("\"orderId\":\"" + restingOrderId + "\"")
                        .contains("\"orderId\":\"" + partialOrderId + "\"");
                    assertThat(second.get("/orders/" + partialOrderId).body()).contains("\"cumQty\":40")
                        .contains("\"leavesQty\":60").contains("\"ordStatus\":\"PARTIALLY_FILLED\"");

                    client.send(cancel("rest-1-cxl", "rest-1", BUY, "AAPL", "100"));
                    final Message canceled = client.await("Canceled after restart", report("rest-1-cxl", '4'));
                    assertThat(field(canceled, 37)).isEqualTo(restingOrderId);

                    venue.control().addLiquidity("MSFT", Side.SELL, "60", "420.00");
                    final Message filled = client.await("fill after restart", report("part-1", 'F'));
                    assertThat(field(filled, 39)).isEqualTo("2");
                    assertThat(decimal(filled, 14)).isEqualByComparingTo("100");
                    assertThat(decimal(filled, 32)).isEqualByComparingTo("60");

                    client.send(limit("after-restart", BUY, "1", "AAPL", "180.00", TimeInForce.DAY));
                    final String newOrderId = field(client.await("New", report("after-restart", 'A')), 37);
                    assertThat(sequenceOf(newOrderId))
                        .isGreaterThan(Math.max(sequenceOf(restingOrderId), sequenceOf(partialOrderId)));
                    assertThat(prefixOf(newOrderId)).as("same data directory, same id prefix")
                        .isEqualTo(prefixOf(restingOrderId)).isNotEmpty();

                    client.send(limit("rest-1", BUY, "1", "AAPL", "180.00", TimeInForce.DAY));
                    final Message duplicate = client.await("duplicate after restart", report("rest-1", '8'));
                    assertThat(field(duplicate, 103)).isEqualTo("6");
                }
            }
            finally
            {
                client.close();
                first.close();
            }
        }
    }

    @Test
    void fillArrivingAfterRestartBeforeClientLogsOnIsResentToIt(@TempDir final Path dir) throws Exception
    {
        final int fixPort = MeridianTestServer.freePort();
        final Path data = dir.resolve("meridian");
        final Path store = dir.resolve("client");
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start())
        {
            try (MeridianTestServer first = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port()).start().awaitVenueConnected();
                TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, store).start().awaitLogon())
            {
                client.send(limit("gtc-1", BUY, "100", "AAPL", "185.00", TimeInForce.GOOD_TILL_CANCEL));
                client.await("New", report("gtc-1", '0'));
                assertThat(first.server().oms().queries().openOrders().get()).hasSize(1);
            }

            try (MeridianTestServer second = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port()).start().awaitVenueConnected())
            {
                venue.control().addLiquidity("AAPL", Side.SELL, "100", "185.00");
                final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
                while (second.server().oms().metrics().fills() < 1 && System.nanoTime() < deadline)
                {
                    Thread.sleep(10);
                }
                assertThat(second.server().oms().metrics().fills()).isEqualTo(1);

                try (TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, store).start()
                    .awaitLogon())
                {
                    final Message fill = client.await("fill resent after logon", report("gtc-1", 'F'));
                    assertThat(field(fill, 39)).isEqualTo("2");
                    assertThat(decimal(fill, 14)).isEqualByComparingTo("100");
                }
                assertThat(second.server().gatewayMetrics().reportsUndeliverable()).isZero();
            }
        }
    }

    private static long sequenceOf(final String orderId)
    {
        return Long.parseLong(orderId.substring(orderId.lastIndexOf('.') + 1));
    }

    private static String prefixOf(final String orderId)
    {
        return orderId.substring(0, orderId.lastIndexOf('.') + 1);
    }

    private static void awaitLoggedOut(final TestFixClient client) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
        while (client.isLoggedOn())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("client still logged on after Meridian stopped");
            }
            Thread.sleep(10);
        }
    }

    private static ClientSessionStatus awaitMeridianSeen(final MeridianTestServer meridian, final TestFixClient client)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
        while (true)
        {
            final ClientSessionStatus status = meridian.server().clientSessions().status().get(0);
            if (status.connected() && status.lastSentSeqNum() == client.session().getExpectedTargetNum() - 1 &&
                status.lastReceivedSeqNum() == client.session().getExpectedSenderNum() - 1)
            {
                return status;
            }
            if (System.nanoTime() > deadline)
            {
                return status;
            }
            Thread.sleep(10);
        }
    }
}
