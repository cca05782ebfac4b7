package io.meridian.systemtests;

import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.field.TimeInForce;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * SIGTERM to a Meridian process that is taking orders: it refuses new orders, waits until no order is in
 * flight at the venue, logs the sessions out, flushes, and exits 0; every order the client sent has
 * its answer, before the stop or, for what was queued on its session, after the restart.
 */
@Timeout(240)
class GracefulShutdownSystemTest
{
    @Test
    void sigtermUnderLoadDrainsAndExitsZero(@TempDir final Path dir) throws Exception
    {
        final int fixPort = MeridianTestServer.freePort();
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).build()).start();
            MeridianProcess meridian = new MeridianProcess(
                dir.resolve("meridian"), fixPort, MeridianTestServer.freePort(), venue.port()))
        {
            meridian.start().awaitHealthy(Duration.ofSeconds(90));
            final List<String> sent = new ArrayList<>();
            try (TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, dir.resolve("client"))
                .start().awaitLogon())
            {
                for (int i = 0; i < 200; i++)
                {
                    final String id = "load-" + i;
                    // marketable and resting, 200 orders/s, for as long as Meridian keeps the session
                    if (client.session().isLoggedOn() && client.session().send(
                        limit(id, BUY, "1", "AAPL", i % 2 == 0 ? "191.00" : "180.00", TimeInForce.GOOD_TILL_CANCEL)))
                    {
                        sent.add(id);
                    }
                    if (i == 150)
                    {
                        meridian.terminate();
                    }
                    TimeUnit.MILLISECONDS.sleep(5);
                }
                assertThat(meridian.awaitExit(Duration.ofSeconds(60))).as("exit code after SIGTERM").isZero();
                assertThat(sent).hasSizeGreaterThan(100);
                // (exit code 0 is only given once MeridianServer.close finished: drained, logged out, flushed)

                meridian.start().awaitHealthy(Duration.ofSeconds(90));
                client.awaitLogon();
                for (final String id : sent)
                {
                    // New, Filled, or refused while stopping; never nothing
                    client.await("an answer to " + id, m -> "8".equals(TestFixClient.msgType(m)) &&
                        id.equals(field(m, 11)) && !"A".equals(field(m, 39)));
                }
            }
        }
    }
}
