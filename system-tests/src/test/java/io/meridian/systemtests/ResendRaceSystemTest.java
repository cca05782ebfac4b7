package io.meridian.systemtests;

import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static io.meridian.systemtests.TestFixClient.msgType;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * Meridian restarts having missed some of a client's messages (a gap), the client logs on and sends
 * a new order from its logon callback, that is before its answer to Meridian's ResendRequest: the
 * order beyond the gap, the resent messages and every later order are all answered, none ignored.
 */
@Timeout(120)
class ResendRaceSystemTest
{
    @Test
    void oneOrderSentFromLogonCallbackDuringResendIsAnsweredAndSessionKeepsTrading(@TempDir final Path dir)
        throws Exception
    {
        ordersSentFromLogonCallbackAreAnswered(dir, 1);
    }

    @Test
    void severalOrdersSentFromLogonCallbackDuringResendAreAnsweredInOrder(@TempDir final Path dir) throws Exception
    {
        ordersSentFromLogonCallbackAreAnswered(dir, 4);
    }

    private static void ordersSentFromLogonCallbackAreAnswered(final Path dir, final int onLogon) throws Exception
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
                client.send(limit("before-1", BUY, "10", "AAPL", "180.00", TimeInForce.DAY));
                client.await("New", report("before-1", '0'));
            }

            // the client sent three messages Meridian never received (what a crash can lose): its
            // next Logon is beyond Meridian's expected number and Meridian asks for a resend
            try (TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, store))
            {
                client.skipOutgoing(3);
            }

            try (MeridianTestServer second = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port()).start().awaitVenueConnected())
            {
                final AtomicInteger logons = new AtomicInteger();
                try (TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, store)
                    .sendOnLogon(() ->
                    {
                        final int logon = logons.incrementAndGet();
                        final List<Message> orders = new ArrayList<>();
                        for (int i = 0; i < onLogon; i++)
                        {
                            orders.add(limit("on-logon-" + logon + "-" + i, BUY, "10", "AAPL", "180.00", TimeInForce.DAY));
                        }
                        return orders;
                    })
                    .start().awaitLogon())
                {
                    for (int i = 0; i < onLogon; i++)
                    {
                        assertThat(field(client.await("an order sent during the resend",
                            report("on-logon-1-" + i, '0')), 11)).isEqualTo("on-logon-1-" + i);
                    }
                    for (int i = 0; i < 20; i++)
                    {
                        client.send(limit("after-" + i, BUY, "10", "AAPL", "180.00", TimeInForce.DAY));
                    }
                    for (int i = 0; i < 20; i++)
                    {
                        client.await("New after the resend", report("after-" + i, '0'));
                    }
                    final List<Message> rest = client.drain(300);
                    assertThat(rest).as("no reject, no duplicate answer, no logout")
                        .noneMatch(m -> "3".equals(msgType(m)) || "5".equals(msgType(m)) || "j".equals(msgType(m)) ||
                            "8".equals(field(m, 150)));
                    assertThat(logons.get()).as("one logon, no disconnect").isEqualTo(1);
                }
                assertThat(second.server().oms().queries().openOrders().get()).hasSize(1 + onLogon + 20);
            }
        }
    }
}
