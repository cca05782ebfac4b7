package io.meridian.systemtests;

import io.meridian.risk.alerts.Severity;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's kill switch reaches ops: engaging it through the admin API POSTs a RED alert to the
 * configured webhook (a receiver on loopback), releasing it an INFO one, each naming the operator.
 */
@Timeout(90)
class KillSwitchAlertSystemTest
{
    @Test
    void engagingTheKillSwitchSendsARedAlertAndReleasingItAnInfoOne(@TempDir final Path dir) throws Exception
    {
        try (AlertReceiver receiver = new AlertReceiver();
            FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port())
                .alerts(receiver.config("kill-switch-test")).start())
        {
            assertThat(meridian.send("operator", "POST", "/kill-switch", MediaType.APPLICATION_JSON, "{\"engaged\":true}")
                .statusCode()).isEqualTo(200);
            final String engaged = receiver.next("KILL_SWITCH_ENGAGED");
            assertThat(engaged).contains("\"severity\":\"RED\"", "\"source\":\"admin\"",
                "\"text\":\"kill switch engaged by operator: every new order refused, open orders cancelled\"",
                "\"host\":\"test-host\"", "\"instance\":\"kill-switch-test\"");

            assertThat(meridian.send("operator", "POST", "/kill-switch", MediaType.APPLICATION_JSON, "{\"engaged\":false}")
                .statusCode()).isEqualTo(200);
            assertThat(receiver.next("KILL_SWITCH_RELEASED")).contains("\"severity\":\"INFO\"",
                "\"text\":\"kill switch released by operator: new orders accepted again\"");
            assertThat(meridian.server().alerts().raised(Severity.RED)).isEqualTo(1);
        }
    }
}
