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
    private static final int OPEN_ORDERS = 1_500;

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
                // enough open orders that their restatements take longer than the client takes to log on again
                for (int i = 1; i <= OPEN_ORDERS; i++)
                {
                    client.send(limit("open-" + i, BUY, "1", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                    if (i % 100 == 0)
                    {
                        // under the session's order rate limit (1,000/s)
                        Thread.sleep(200);
                    }
                }
                client.await("New of the last open order", report("open-" + OPEN_ORDERS, '0'));

                for (int kill = 1; kill <= 2; kill++)
                {
                    final int logons = client.logonSeqNums().size();
                    final int expected = client.expectedIncomingSeqNum();
                    meridian.kill();
                    meridian.start().awaitHealthy(START_TIMEOUT);
                    client.awaitLogons(logons);
                    assertThat(java.nio.file.Files.readString(meridian.log()))
                        .as("every open order restated on the offline session before the acceptor opened")
                        .contains("event=restated_before_logon orders=" + (OPEN_ORDERS + 1) + " ");
                    assertThat(client.logonSeqNums().get(logons))
                        .as("Meridian's Logon after kill %d skips the numbers the dead process may have sent, and " +
                            "comes after the restatement of every open order (sent and indexed before the acceptor " +
                            "opens: a client logging on during them was gap-filled past numbers sent after)", kill)
                        .isGreaterThan(expected + OPEN_ORDERS + 1);
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
