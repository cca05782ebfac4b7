package io.meridian.systemtests;

import io.meridian.admin.LimitSettings;
import io.meridian.admin.RiskSettings;
import io.meridian.risk.RiskScope;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * The cold path failing closed over FIX: the exposure engine grants the account a lease at start and
 * then (a 60 s interval against a 300 ms lease) is late: the lease expires, ops get a YELLOW alert,
 * the account's new orders are refused with the reason, and GET /risk shows the lease EXPIRED; another
 * account's orders are not affected.
 */
@Timeout(90)
class ExposureLeaseSystemTest
{
    @Test
    void anExpiredLeaseRefusesNewRiskWithAReasonAndAnAlert(@TempDir final Path dir) throws Exception
    {
        final RiskSettings risk = new RiskSettings(List.of(new RiskSettings.ScopeSettings(RiskScope.Kind.ACCOUNT, "DESK-A",
            new LimitSettings(null, null, null, null, new BigDecimal("1000000"), null, null))),
            LocalTime.MIDNIGHT, Duration.ofSeconds(60), Duration.ofMillis(300));
        try (AlertReceiver receiver = new AlertReceiver();
            FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port())
                .alerts(receiver.config("lease-test"))
                .risk(risk).start().awaitVenueConnected();
            TestFixClient client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client"))
                .start().awaitLogon())
        {
            assertThat(receiver.next("RISK_LEASE_EXPIRED")).contains("\"severity\":\"YELLOW\"", "account DESK-A");
            assertThat(meridian.get("/risk").body()).contains("\"state\":\"EXPIRED\"");
            // what the MeridianRiskLeaseExpired alert rule reads
            final String scrape = meridian.get("/prometheus").body();
            assertThat(scrape).containsPattern("meridian_risk_lease_seconds_left\\{kind=\"[A-Za-z]+\",scope=\"DESK-A\",?} -");
            DeployedMetrics.assertExported(scrape, java.util.Set.of("meridian_risk_lease_seconds_left"));
            assertThat(DeployedMetrics.referenced()).contains("meridian_risk_lease_seconds_left");

            final Message order = limit("desk-a", BUY, "10", "AAPL", "180.00", TimeInForce.DAY);
            order.setString(1, "DESK-A");
            client.send(order);
            final Message refused = client.await("refused", report("desk-a", '8'));
            assertThat(field(refused, 58)).contains("risk lease expired");
            assertThat(field(refused, 103)).isEqualTo("99");

            final Message other = limit("desk-b", BUY, "10", "AAPL", "180.00", TimeInForce.DAY);
            other.setString(1, "DESK-B");
            client.send(other);
            client.await("another account trades", report("desk-b", '0'));
        }
    }
}
