package io.meridian.systemtests;

import io.meridian.admin.LimitSettings;
import io.meridian.admin.RiskSettings;
import io.meridian.risk.RiskScope;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.micronaut.http.MediaType;
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
import java.util.Map;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;
import static quickfix.field.Side.SELL;

/**
 * Session and account limits over FIX: refusals carry OrdRejReason and a Text naming the limit; the
 * exposure behind them (open orders, open quantity) is rebuilt from the journal after a restart; ops
 * read it at GET /risk and change a limit at PUT /risk/limits (role admin), which takes effect at once.
 */
@Timeout(120)
class RiskLimitsSystemTest
{
    private static RiskSettings limits()
    {
        return new RiskSettings(List.of(
            new RiskSettings.ScopeSettings(RiskScope.Kind.SESSION, MeridianTestServer.CLIENT, new LimitSettings(
                3, null, null, null, null, null, Map.of("AAPL", new BigDecimal("25")))),
            new RiskSettings.ScopeSettings(RiskScope.Kind.ACCOUNT, "DESK-A", new LimitSettings(
                null, null, new BigDecimal("1000"), null, null, null, null))),
            LocalTime.MIDNIGHT, Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    @Test
    void limitsRefuseWithReasonsSurviveARestartAndChangeAtRuntime(@TempDir final Path dir) throws Exception
    {
        final int fixPort = MeridianTestServer.freePort();
        final Path data = dir.resolve("meridian");
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, dir.resolve("client")))
        {
            try (MeridianTestServer first = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port(), "lock-step", "backoff").risk(limits())
                .start().awaitVenueConnected())
            {
                client.start().awaitLogon();
                client.send(limit("rest-1", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                client.await("New rest-1", report("rest-1", '0'));
                // an account's own limit, whichever session sends: 3 x 410 = 1,230 > 1,000
                final Message accountOrder = limit("desk-a", BUY, "3", "MSFT", "410.00", TimeInForce.DAY);
                accountOrder.setString(1, "DESK-A");
                client.send(accountOrder);
                assertThat(field(client.await("refused", report("desk-a", '8')), 58)).contains("notional");
                client.send(limit("rest-2", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                client.await("New rest-2", report("rest-2", '0'));

                // long 0, 20 bought at worst: 6 more would reach 26 > 25
                client.send(limit("too-long", BUY, "6", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                final Message tooLong = client.await("refused", report("too-long", '8'));
                assertThat(field(tooLong, 103)).isEqualTo("3");
                assertThat(field(tooLong, 58)).contains("position limit");
                // the sell side counts on its own: 25 short at worst is within the limit
                client.send(limit("short", SELL, "25", "AAPL", "200.00", TimeInForce.GOOD_TILL_CANCEL));
                client.await("New short", report("short", '0'));
                client.send(limit("fourth", BUY, "1", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                final Message fourth = client.await("refused", report("fourth", '8'));
                assertThat(field(fourth, 103)).isEqualTo("3");
                assertThat(field(fourth, 58)).contains("open order count limit");
                assertThat(first.server().riskGate().scope(RiskScope.Kind.SESSION, MeridianTestServer.CLIENT).openOrders())
                    .isEqualTo(3);


            }
            try (MeridianTestServer second = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port(), "lock-step", "backoff").risk(limits())
                .start().awaitVenueConnected())
            {
                client.awaitLogon();
                // rebuilt from the journal: still three open orders, 20 bought and 25 sold at worst
                client.send(limit("after-restart", BUY, "1", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                assertThat(field(client.await("refused", report("after-restart", '8')), 58))
                    .contains("open order count limit");
                final String risk = second.get("/risk").body();
                assertThat(risk).contains("\"name\":\"" + MeridianTestServer.CLIENT + "\"")
                    .contains("\"openOrders\":3")
                    .contains("{\"symbol\":\"AAPL\",\"position\":0,\"openBuy\":20,\"openSell\":25}")
                    .contains("\"coolingDownMs\":0");

                final String body = "{\"maxOpenOrders\":4,\"maxPosition\":{\"AAPL\":26}}";
                final String path = "/risk/limits/session/" + MeridianTestServer.CLIENT;
                assertThat(second.send("operator", "PUT", path, MediaType.APPLICATION_JSON, body).statusCode())
                    .as("operators may not change limits").isEqualTo(403);
                assertThat(second.send("admin", "PUT", path, MediaType.APPLICATION_JSON,
                    "{\"maxPosition\":{\"NOPE\":1}}").body()).contains("unknown symbol NOPE");
                assertThat(second.send("admin", "PUT", "/risk/limits/account/DESK-B", MediaType.APPLICATION_JSON, body)
                    .statusCode()).isEqualTo(404);
                // a misspelt limit must not silently become no limit
                final var typo = second.send("admin", "PUT", path, MediaType.APPLICATION_JSON, "{\"maxOpenOrder\":4}");
                assertThat(typo.statusCode()).isEqualTo(400);
                assertThat(typo.body()).contains("maxOpenOrder");
                final var changed = second.send("admin", "PUT", path, MediaType.APPLICATION_JSON, body);
                assertThat(changed.statusCode()).isEqualTo(200);
                assertThat(changed.body()).contains("\"maxOpenOrders\":4").contains("\"maxPosition\":{\"AAPL\":26}");

                client.send(limit("after-change", BUY, "6", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                client.await("New after-change", report("after-change", '0'));
                client.send(limit("fifth", BUY, "1", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                assertThat(field(client.await("refused", report("fifth", '8')), 58)).contains("open order count limit");
                assertThat(second.get("/risk").body()).contains("\"limitsSource\":\"runtime\",\"limitsChangedBy\":\"admin\"");
            }
            // the runtime change outlives a restart: applied over the YAML's 3 open orders
            try (MeridianTestServer third = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port(), "lock-step", "backoff").risk(limits())
                .start().awaitVenueConnected())
            {
                client.awaitLogon();
                client.send(limit("after-second-restart", BUY, "1", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                assertThat(field(client.await("refused", report("after-second-restart", '8')), 58))
                    .contains("open order count limit");
                final String risk = third.get("/risk").body();
                assertThat(risk).contains("\"name\":\"" + MeridianTestServer.CLIENT + "\",\"limits\":{\"maxOpenOrders\":4," +
                    "\"maxPosition\":{\"AAPL\":26}},\"limitsSource\":\"runtime\",\"limitsChangedBy\":\"admin\"")
                    .contains("\"openOrders\":4");
                assertThat(java.nio.file.Files.readString(data.resolve("risk-limits")))
                    .startsWith("session\t" + MeridianTestServer.CLIENT + "\tadmin\t")
                    .contains("\tmax-open-orders=4\tmax-position.AAPL=26\n");

                // back to the YAML's limits: three open orders, and so on the next start
                final var reverted = third.send("admin", "DELETE", "/risk/limits/session/" + MeridianTestServer.CLIENT,
                    null, null);
                assertThat(reverted.statusCode()).isEqualTo(200);
                assertThat(reverted.body()).contains("\"maxOpenOrders\":3").contains("\"limitsSource\":\"configuration\"");
                assertThat(java.nio.file.Files.readString(data.resolve("risk-limits"))).isEmpty();
            }
        }
    }
}
