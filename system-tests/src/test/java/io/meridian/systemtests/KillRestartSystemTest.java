package io.meridian.systemtests;

import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.field.TimeInForce;

import java.nio.file.Path;
import java.time.Duration;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * Meridian killed with SIGKILL and started again at once on the same data directory comes up on the
 * first attempt (the dead process's Aeron and archive mark files do not hold it back), keeps the
 * order it had taken, and never sends a MsgSeqNum again that the dead process may have sent: its Logon
 * skips past the last number the dead process's counters showed, and the client, asking for the skipped
 * numbers, gets a gap fill.
 */
@Timeout(240)
class KillRestartSystemTest
{
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void restartImmediatelyAfterSigkillIsHealthyOnFirstAttempt(@TempDir final Path dir) throws Exception
    {
        final int fixPort = MeridianTestServer.freePort();
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianProcess meridian = new MeridianProcess(
                dir.resolve("meridian"), fixPort, MeridianTestServer.freePort(), venue.port()))
        {
            meridian.start().awaitHealthy(START_TIMEOUT);
            try (TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, dir.resolve("client"))
                .start().awaitLogon())
            {
                client.send(limit("before-kill", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                client.await("New", report("before-kill", '0'));

                for (int kill = 1; kill <= 2; kill++)
                {
                    final int logons = client.logonSeqNums().size();
                    final int expected = client.expectedIncomingSeqNum();
                    meridian.kill();
                    meridian.start().awaitHealthy(START_TIMEOUT);
                    client.awaitLogons(logons);
                    assertThat(client.logonSeqNums().get(logons))
                        .as("Meridian's Logon after kill %d skips the numbers the dead process may have sent", kill)
                        .isGreaterThan(expected);
                    // what was among the skipped numbers is not resent: the open order is restated instead
                    client.await("status report restating the open order after kill " + kill,
                        m -> "8".equals(TestFixClient.msgType(m)) && "before-kill".equals(field(m, 11)) &&
                            "I".equals(field(m, 150)) && "0".equals(field(m, 39)));
                }
                assertThat(meridian.get("/orders?status=open")).contains("before-kill");

                client.awaitLogon();
                client.send(limit("after-kill", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                client.await("New after the restarts", report("after-kill", '0'));
            }
        }
    }
}
