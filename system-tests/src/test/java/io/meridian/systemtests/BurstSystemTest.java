package io.meridian.systemtests;

import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.matching.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.meridian.systemtests.Orders.decimal;
import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/** 1,000 orders sent back to back: every one gets its full set of reports, none lost, none doubled. */
@Timeout(120)
class BurstSystemTest
{
    private static final int ORDERS = 1_000;

    @Test
    void everyOrderOfABurstIsAcknowledgedAndFilled(@TempDir final Path dir) throws Exception
    {
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port()).start()
                .awaitVenueConnected();
            TestFixClient client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT,
                dir.resolve("client")).start().awaitLogon())
        {
            venue.control().addLiquidity("AAPL", Side.SELL, String.valueOf(ORDERS), "190.00");

            final List<String> ids = new java.util.ArrayList<>(ORDERS);
            for (int i = 0; i < ORDERS; i++)
            {
                final String id = "burst-" + i;
                ids.add(id);
                client.send(limit(id, BUY, "1", "AAPL", "190.00", TimeInForce.DAY));
            }

            final Map<String, Integer> reportsPerOrder = new HashMap<>();
            final Set<String> execIds = new HashSet<>();
            final Set<String> filled = new HashSet<>();
            BigDecimal filledQty = BigDecimal.ZERO;
            while (filled.size() < ORDERS)
            {
                final Message report = client.await("reports of the burst (" + filled.size() + " filled so far)",
                    message -> "8".equals(TestFixClient.msgType(message)));
                final String id = field(report, 11);
                reportsPerOrder.merge(id, 1, Integer::sum);
                assertThat(execIds.add(field(report, 17))).as("unique ExecID").isTrue();
                if ("F".equals(field(report, 150)))
                {
                    assertThat(field(report, 39)).isEqualTo("2");
                    assertThat(filled.add(id)).as("one fill per order").isTrue();
                    filledQty = filledQty.add(decimal(report, 32));
                }
            }

            assertThat(filled).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(reportsPerOrder).hasSize(ORDERS);
            assertThat(reportsPerOrder.values()).as("PendingNew, New, Trade for each order").containsOnly(3);
            assertThat(filledQty).isEqualByComparingTo(BigDecimal.valueOf(ORDERS));
            assertThat(client.drain(200)).as("nothing beyond the expected reports")
                .noneMatch(message -> "8".equals(TestFixClient.msgType(message)));
            assertThat(meridian.server().oms().metrics().fills()).isEqualTo(ORDERS);
            assertThat(meridian.server().gatewayMetrics().reportsUndeliverable()).isZero();
            assertThat(meridian.server().gatewayMetrics().reportsDelayed()).isZero();
        }
    }
}
