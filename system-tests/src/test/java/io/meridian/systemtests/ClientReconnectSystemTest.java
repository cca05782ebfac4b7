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

import static io.meridian.systemtests.Orders.decimal;
import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * A fill that happens while the client is logged out is not lost: Meridian sends it on the
 * offline session, and the client receives it as a resend when it logs on again.
 */
@Timeout(60)
class ClientReconnectSystemTest
{
    @Test
    void fillWhileClientIsAwayIsDeliveredAfterReconnect(@TempDir final Path dir) throws Exception
    {
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port()).start()
                .awaitVenueConnected())
        {
            final Path store = dir.resolve("client");
            try (TestFixClient client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, store)
                .start().awaitLogon())
            {
                client.send(limit("away-1", BUY, "100", "AAPL", "185.00", TimeInForce.GOOD_TILL_CANCEL));
                client.await("New", report("away-1", '0'));
            }
            awaitClientDisconnected(meridian);

            venue.control().addLiquidity("AAPL", Side.SELL, "100", "185.00");
            awaitFills(meridian, 1);

            try (TestFixClient client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, store)
                .start().awaitLogon())
            {
                final Message fill = client.await("fill sent while away", report("away-1", 'F'));
                assertThat(field(fill, 39)).isEqualTo("2");
                assertThat(decimal(fill, 14)).isEqualByComparingTo("100");
                assertThat(fill.getHeader().isSetField(43) ? fill.getHeader().getString(43) : "N")
                    .as("PossDupFlag on the resent report").isEqualTo("Y");
            }
            assertThat(meridian.server().gatewayMetrics().reportsUndeliverable()).isZero();
        }
    }

    private static void awaitClientDisconnected(final MeridianTestServer meridian) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
        while (meridian.server().clientSessions().status().get(0).connected())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("Meridian still sees the client connected");
            }
            Thread.sleep(10);
        }
    }

    private static void awaitFills(final MeridianTestServer meridian, final long fills) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
        while (meridian.server().oms().metrics().fills() < fills)
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("no fill applied");
            }
            Thread.sleep(10);
        }
    }
}
