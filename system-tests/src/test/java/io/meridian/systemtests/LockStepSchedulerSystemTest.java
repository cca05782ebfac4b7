package io.meridian.systemtests;

import io.meridian.admin.LatencyMetrics;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.matching.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.meridian.systemtests.Orders.decimal;
import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * The lock-step engine scheduler (Artio's framer on the core thread): orders flow end to end, the
 * internal tick-to-trade probe samples them, the server closes cleanly (the framer is driven from
 * a helper thread while closing) and restarts on the same data directory with its sessions resumed.
 */
@Timeout(90)
class LockStepSchedulerSystemTest
{
    @Test
    void ordersFillTickToTradeIsSampledAndRestartResumes(@TempDir final Path dir) throws Exception
    {
        final int fixPort = MeridianTestServer.freePort();
        final Path data = dir.resolve("meridian");
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start())
        {
            final MeridianTestServer first = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port(), "lock-step", "backoff").start()
                .awaitVenueConnected();
            final TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, dir.resolve("client"))
                .start().awaitLogon();
            try
            {
                venue.control().addLiquidity("AAPL", Side.SELL, "100", "190.00");
                client.send(limit("ls-1", BUY, "100", "AAPL", "190.00", TimeInForce.DAY));
                client.await("PendingNew", report("ls-1", 'A'));
                client.await("New", report("ls-1", '0'));
                final Message fill = client.await("Trade", report("ls-1", 'F'));
                assertThat(field(fill, 39)).isEqualTo("2");
                assertThat(decimal(fill, 14)).isEqualByComparingTo("100");

                // the metrics drain the probe: one tick-to-trade sample and one venue acknowledgement
                final LatencyMetrics latency = first.context().getBean(LatencyMetrics.class);
                final long deadline0 = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
                while (latency.views().get(0).count() == 0 && System.nanoTime() < deadline0)
                {
                    Thread.sleep(50);
                }
                final LatencyMetrics.LatencyView tickToTrade = latency.views().get(0);
                assertThat(tickToTrade.name()).isEqualTo("tick-to-trade");
                assertThat(tickToTrade.count()).isEqualTo(1);
                assertThat(tickToTrade.maxUs()).isPositive();
                assertThat(latency.views()).filteredOn(v -> v.name().equals("venue ack"))
                    .singleElement().satisfies(v ->
                    {
                        assertThat(v.venue()).isEqualTo("SIMVENUE");
                        assertThat(v.count()).isEqualTo(1);
                        assertThat(v.maxUs()).isPositive();
                    });
                assertThat(latency.droppedSamples()).isZero();
                final long stateHash = first.server().oms().onSequencer(first.server().oms()::stateHash)
                    .get(10, TimeUnit.SECONDS);

                first.close();
                final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
                while (client.isLoggedOn())
                {
                    assertThat(System.nanoTime()).as("client logged out by the closing server").isLessThan(deadline);
                    Thread.sleep(10);
                }
                try (MeridianTestServer second = new MeridianTestServer(
                    data, fixPort, MeridianTestServer.freePort(), venue.port(), "lock-step", "busy-spin").start()
                    .awaitVenueConnected())
                {
                    client.awaitLogon();
                    assertThat(second.server().oms().onSequencer(second.server().oms()::stateHash).get(10, TimeUnit.SECONDS))
                        .isEqualTo(stateHash);
                    client.send(limit("ls-2", BUY, "5", "AAPL", "180.00", TimeInForce.DAY));
                    client.await("New after restart", report("ls-2", '0'));
                }
            }
            finally
            {
                client.close();
                first.close();
            }
        }
    }
}
