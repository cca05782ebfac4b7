package io.meridian.systemtests;

import io.meridian.admin.LimitSettings;
import io.meridian.admin.RiskSettings;
import io.meridian.risk.RiskScope;
import io.meridian.risk.audit.AuditVerifier;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import io.meridian.simulators.matching.Side;
import quickfix.field.TimeInForce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;
import static quickfix.field.Side.SELL;

/**
 * A session's circuit breaker over FIX: two losing fills in a row trip it and, with one trip to pause,
 * pause the session: new risk is refused with the reason, a reducing order still trades, the trip is an
 * audit record, the pause outlives a restart, and an operator's reset lets the session trade again.
 */
@Timeout(120)
class CircuitBreakerSystemTest
{
    private static RiskSettings breaker()
    {
        return new RiskSettings(List.of(new RiskSettings.ScopeSettings(RiskScope.Kind.SESSION, MeridianTestServer.CLIENT,
            new LimitSettings(null, null, null, null, null, null, null, null, 2, 60L, 1))),
            LocalTime.MIDNIGHT, Duration.ofMillis(250), Duration.ofSeconds(2));
    }

    @Test
    void losingStreakPausesTheSessionUntilAnOperatorResetsItAcrossARestart(@TempDir final Path dir) throws Exception
    {
        final int fixPort = MeridianTestServer.freePort();
        final Path data = dir.resolve("meridian");
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, dir.resolve("client")))
        {
            try (MeridianTestServer first = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port(), "lock-step", "backoff").risk(breaker())
                .start().awaitVenueConnected())
            {
                client.start().awaitLogon();
                venue.control().addLiquidity("AAPL", Side.SELL, "10", "190.00");
                client.send(limit("long", BUY, "10", "AAPL", "190.00", TimeInForce.DAY));
                client.await("filled", report("long", 'F'));
                for (final String id : new String[] {"loss-1", "loss-2"})
                {
                    venue.control().addLiquidity("AAPL", Side.BUY, "1", "189.00");
                    client.send(limit(id, SELL, "1", "AAPL", "189.00", TimeInForce.DAY));
                    client.await("filled " + id, report(id, 'F'));
                }
                client.send(limit("more", BUY, "1", "AAPL", "189.00", TimeInForce.DAY));
                final Message refused = client.await("refused", report("more", '8'));
                assertThat(field(refused, 58)).contains("manual reset");
                venue.control().addLiquidity("AAPL", Side.BUY, "1", "189.00");
                client.send(limit("reduce", SELL, "1", "AAPL", "189.00", TimeInForce.DAY));
                client.await("a reducing order trades", report("reduce", 'F'));

                awaitFile(data.resolve("breaker-pauses"), "session " + MeridianTestServer.CLIENT);
                assertThat(first.get("/risk").body()).contains("\"paused\":true").contains("\"lastCause\":\"LOSING_STREAK\"");
            }
            assertThat(Files.readString(data.resolve("audit.log"))).contains("TRIP /risk/breakers/session/" +
                MeridianTestServer.CLIENT).contains("LOSING_STREAK");
            // the order journal is anchored in the audit chain (at the latest when the server closed) and matches it
            assertThat(Files.readString(data.resolve("audit.log"))).contains("ANCHOR /journal");
            final AuditVerifier.Result verified = AuditVerifier.verifyWithJournal(data.resolve("audit.log"));
            assertThat(verified.ok()).as(verified.describe()).isTrue();

            try (MeridianTestServer second = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port(), "lock-step", "backoff").risk(breaker())
                .start().awaitVenueConnected())
            {
                client.awaitLogon();
                client.send(limit("after-restart", BUY, "1", "AAPL", "189.00", TimeInForce.DAY));
                assertThat(field(client.await("still paused", report("after-restart", '8')), 58)).contains("manual reset");

                final String reset = "/risk/breakers/session/" + MeridianTestServer.CLIENT + "/reset";
                assertThat(second.send("viewer", "POST", reset, null, null).statusCode()).isEqualTo(403);
                final var response = second.send("operator", "POST", reset, null, null);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("\"paused\":false");
                assertThat(Files.readString(data.resolve("breaker-pauses"))).doesNotContain(MeridianTestServer.CLIENT);

                venue.control().addLiquidity("AAPL", Side.SELL, "1", "190.00");
                client.send(limit("after-reset", BUY, "1", "AAPL", "190.00", TimeInForce.DAY));
                client.await("trades again", report("after-reset", 'F'));
            }
        }
    }

    @Test
    void aRestartDoesNotTripTheBreakerAgainOnTheStreakItAnswered(@TempDir final Path dir) throws Exception
    {
        // two losses in a row trip it for a 1 s cool-down; it never pauses
        final RiskSettings coolDownOnly = new RiskSettings(List.of(new RiskSettings.ScopeSettings(RiskScope.Kind.SESSION,
            MeridianTestServer.CLIENT, new LimitSettings(null, null, null, null, null, null, null, null, 2, 1L, 0))),
            LocalTime.MIDNIGHT, Duration.ofMillis(250), Duration.ofSeconds(2));
        final int fixPort = MeridianTestServer.freePort();
        final Path data = dir.resolve("meridian");
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, dir.resolve("client")))
        {
            try (MeridianTestServer first = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port(), "lock-step", "backoff").risk(coolDownOnly)
                .start().awaitVenueConnected())
            {
                client.start().awaitLogon();
                venue.control().addLiquidity("AAPL", Side.SELL, "10", "190.00");
                client.send(limit("long", BUY, "10", "AAPL", "190.00", TimeInForce.DAY));
                client.await("filled", report("long", 'F'));
                for (final String id : new String[] {"loss-1", "loss-2"})
                {
                    venue.control().addLiquidity("AAPL", Side.BUY, "1", "189.00");
                    client.send(limit(id, SELL, "1", "AAPL", "189.00", TimeInForce.DAY));
                    client.await("filled " + id, report(id, 'F'));
                }
                client.send(limit("more", BUY, "1", "AAPL", "189.00", TimeInForce.DAY));
                assertThat(field(client.await("refused", report("more", '8')), 58)).contains("circuit breaker");
                assertThat(first.get("/risk").body()).contains("\"lastCause\":\"LOSING_STREAK\"");
                awaitFile(data.resolve("breaker-state"), "session " + MeridianTestServer.CLIENT + "\t");
            }
            assertThat(Files.readString(data.resolve("breaker-state"))).contains("\tLOSING_STREAK\t");
            Thread.sleep(1_100); // past the cool-down, whatever the restart took

            try (MeridianTestServer second = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port(), "lock-step", "backoff").risk(coolDownOnly)
                .start().awaitVenueConnected())
            {
                client.awaitLogon();
                // the replay rebuilt the two losses; the trip that answered them was kept: no second trip
                client.send(limit("after-restart", BUY, "1", "AAPL", "180.00", TimeInForce.DAY));
                client.await("accepted", report("after-restart", '0'));
                final String risk = second.get("/risk").body();
                final String session = risk.substring(risk.indexOf("\"name\":\"" + MeridianTestServer.CLIENT + "\""));
                assertThat(session.substring(0, session.indexOf("\"breaker\""))).contains("\"openOrders\":1");
                assertThat(session.substring(session.indexOf("\"breaker\""))).startsWith("\"breaker\":{\"trips\":0,");
            }
            assertThat(Files.readAllLines(data.resolve("audit.log")))
                .filteredOn(line -> line.contains("TRIP /risk/breakers/session/" + MeridianTestServer.CLIENT)).hasSize(1);
        }
    }

    private static void awaitFile(final Path file, final String content) throws Exception
    {
        final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
        while (!(Files.exists(file) && Files.readString(file).contains(content)))
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError(file + " never listed " + content);
            }
            Thread.sleep(20);
        }
    }
}
