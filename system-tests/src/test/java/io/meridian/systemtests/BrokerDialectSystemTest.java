package io.meridian.systemtests;

import io.meridian.gateway.ClientSessionConfig;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.matching.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static io.meridian.systemtests.TestFixClient.msgType;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * A broker dialect onboarded by configuration only: the example ACME overlay
 * (fix/dialects/acme-securities.xml) on one client session. The client loads the merged dictionary
 * Meridian publishes at /sessions/{compId}/dictionary; its orders are validated against the dialect,
 * its strategy and desk tags travel to the venue, and the venue's LastLiquidityInd comes back on fills.
 */
@Timeout(90)
class BrokerDialectSystemTest
{
    private static final String ACME = "ACMECLIENT";

    @Test
    void dialectSessionValidatesAndCarriesCustomFieldsBothWays(@TempDir final Path dir) throws Exception
    {
        final ClientSessionConfig acme = new ClientSessionConfig(4, ACME, "MERIDIAN", null, null)
            .withDialect("classpath:fix/dialects/acme-securities.xml")
            .withCarryTags(7001, 7002);
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(
                dir.resolve("meridian"), venue.port(), List.of(acme), new int[] {851}).start().awaitVenueConnected())
        {
            final HttpResponse<String> sessions = meridian.get("/sessions");
            assertThat(sessions.statusCode()).isEqualTo(200);
            assertThat(sessions.body()).contains("\"clientCompId\":\"ACMECLIENT\"")
                .contains("\"dictionary\":\"FIX.4.4+ACME\"").contains("\"dictionary\":\"FIX.4.4\"")
                .contains("\"dialect\":\"FIX44\"");

            final HttpResponse<String> dictionary = meridian.get("/sessions/" + ACME + "/dictionary");
            assertThat(dictionary.statusCode()).isEqualTo(200);
            assertThat(dictionary.body()).contains("AcmeDeskID").contains("msgtype=\"UDS\"");
            final Path dictionaryFile = dir.resolve("acme-FIX44.xml");
            Files.writeString(dictionaryFile, dictionary.body());
            assertThat(meridian.get("/sessions/NOBODY/dictionary").statusCode()).isEqualTo(404);
            // a client without a dialect gets the base dictionary of its own FIX version
            assertThat(meridian.get("/sessions/" + MeridianTestServer.FIX42_CLIENT + "/dictionary").body())
                .contains("minor=\"2\"").doesNotContain("AcmeDeskID");

            try (TestFixClient client = new TestFixClient(meridian.fixPort(), ACME, "MERIDIAN", null, null,
                dir.resolve("client"), dictionaryFile.toString()).start().awaitLogon())
            {
                // a valid ACME order: its dialect fields reach the venue unchanged
                client.send(acmeOrder("acme-1", "VWAP", "DESK9"));
                client.await("New", report("acme-1", '0'));
                final String atVenue = venue.control().receivedMessages().stream()
                    .filter(m -> m.contains("\u000111=")).reduce((a, b) -> b).orElseThrow();
                assertThat(atVenue).contains("\u00017001=VWAP\u0001").contains("\u00017002=DESK9\u0001")
                    .contains("\u00011=ACC-7\u0001");

                // the venue's LastLiquidityInd comes back on the fill (the client's order rested: it added)
                venue.control().addLiquidity("AAPL", Side.SELL, "100", "185.00");
                final Message fill = client.await("fill", report("acme-1", 'F'));
                assertThat(field(fill, 851)).isEqualTo("1");

                // dialect rules: the desk is required, the strategy must be one ACME knows
                client.send(acmeOrder("acme-2", "VWAP", null));
                Message reject = client.await("Reject for missing desk", m -> "3".equals(msgType(m)));
                assertThat(field(reject, 373)).isEqualTo("1");
                assertThat(field(reject, 371)).isEqualTo("7002");

                client.send(acmeOrder("acme-3", "POV", "DESK9"));
                reject = client.await("Reject for unknown strategy",
                    m -> "3".equals(msgType(m)) && "7001".equals(field(m, 371)));
                assertThat(field(reject, 373)).isEqualTo("5");

                // a custom message type ACME defines is valid, but Meridian does not route it
                final Message deskStatus = new Message();
                deskStatus.getHeader().setString(35, "UDS");
                deskStatus.setString(7002, "DESK9");
                client.send(deskStatus);
                final Message businessReject = client.await("BusinessMessageReject", m -> "j".equals(msgType(m)));
                assertThat(field(businessReject, 372)).isEqualTo("UDS");
                assertThat(field(businessReject, 380)).isEqualTo("3");
            }
            assertThat(meridian.server().gatewayMetrics().dialectRejects()).isEqualTo(2);
            assertThat(meridian.get("/prometheus").body()).contains("meridian_fix_dialect_rejects_total 2.0");

            // plain FIX 4.4 clients are untouched by ACME's rules: no Account, no desk, still accepted
            try (TestFixClient plain = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("plain"))
                .start().awaitLogon())
            {
                plain.send(limit("plain-1", BUY, "10", "AAPL", "180.00", TimeInForce.DAY));
                plain.await("New", report("plain-1", '0'));
            }
        }
    }

    private static Message acmeOrder(final String clOrdId, final String strategy, final String desk)
    {
        final Message order = limit(clOrdId, BUY, "100", "AAPL", "185.00", TimeInForce.GOOD_TILL_CANCEL);
        order.setString(1, "ACC-7");
        order.setString(7001, strategy);
        if (desk != null)
        {
            order.setString(7002, desk);
        }
        return order;
    }
}
