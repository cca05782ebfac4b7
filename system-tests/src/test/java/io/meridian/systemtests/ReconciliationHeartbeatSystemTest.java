package io.meridian.systemtests;

import io.meridian.admin.ReconciliationSettings;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.field.TimeInForce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * The reconciliation heartbeat, over real sockets: a FIX venue whose session stays up but which stops answering
 * its OrderMassStatusRequests and RequestForPositions is not reconciled within overdue-ms, and new orders to it
 * are refused (fail closed) until it answers again and a pass reconciles it.
 */
@Timeout(120)
class ReconciliationHeartbeatSystemTest
{
    @Test
    void aVenueNotReconciledWithinItsBoundRefusesNewOrdersUntilItIsAgain(@TempDir final Path dir) throws Exception
    {
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port())
                .reconciliation(ReconciliationSettings.defaults().withTiming(250, 100).withOverdue(1_500, true))
                .start().awaitVenueConnected();
            TestFixClient client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client"))
                .start().awaitLogon())
        {
            awaitReconciliation(meridian, "\"notReconciled\":false,\"overdueHalted\":false");
            client.send(limit("before", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
            client.await("New before", report("before", '0'));

            // the session stays up; the venue answers none of the next views (each waits out its 2 s timeout)
            venue.control().dropNextMessages(6);
            awaitReconciliation(meridian, "\"overdueHalted\":true");
            client.send(limit("while-overdue", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
            assertThat(field(client.await("refused", report("while-overdue", '8')), 58))
                .contains("not reconciled within its bound");

            awaitReconciliation(meridian, "\"overdueHalted\":false");
            client.send(limit("after", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
            client.await("New after", report("after", '0'));

            final List<String> audit = Files.readAllLines(dir.resolve("meridian/audit.log"));
            assertThat(audit).anyMatch(line -> line.contains("HALT /reconciliation/SIMVENUE/overdue"));
            assertThat(audit).anyMatch(line -> line.contains("RESUME /reconciliation/SIMVENUE/overdue"));
        }
    }

    private static void awaitReconciliation(final MeridianTestServer meridian, final String content) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        String body = meridian.get("/reconciliation").body();
        while (!body.contains(content))
        {
            assertThat(System.nanoTime()).as("/reconciliation never showed %s: %s", content, body).isLessThan(deadline);
            Thread.sleep(50);
            body = meridian.get("/reconciliation").body();
        }
    }
}
