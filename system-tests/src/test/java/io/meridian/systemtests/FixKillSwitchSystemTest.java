package io.meridian.systemtests;

import io.meridian.admin.LimitSettings;
import io.meridian.admin.RiskSettings;
import io.meridian.gateway.ClientSessionConfig;
import io.meridian.risk.RiskScope;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.fix.VenueControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.MassCancelRequestType;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.OrderMassCancelRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Predicate;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * The kill switch from a FIX ops session, over real sockets: an OrderMassCancelRequest (35=q) from the ops
 * session engages it (open orders cancelled at the venue, new orders refused with the reason), another one
 * with KillSwitchRelease=Y releases it; each answered with an OrderMassCancelReport (35=r) and audited under
 * the session's CompID. The same request from an ordinary client session is refused (531=0, 532=99) and
 * changes nothing.
 */
@Timeout(90)
class FixKillSwitchSystemTest
{
    private static final String OPS = "OPS1";

    @Test
    void anOpsSessionEngagesAndReleasesTheKillSwitchAndAClientSessionCannot(@TempDir final Path dir) throws Exception
    {
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port(),
                List.of(new ClientSessionConfig(4, OPS, "MERIDIAN", null, null).withOps(true)), new int[0]).start()
                .awaitVenueConnected();
            TestFixClient client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client"))
                .start().awaitLogon();
            TestFixClient ops = new TestFixClient(meridian.fixPort(), OPS, dir.resolve("ops")).start().awaitLogon())
        {
            client.send(limit("rest-1", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
            client.await("New rest-1", report("rest-1", '0'));
            client.send(limit("rest-2", BUY, "10", "MSFT", "410.00", TimeInForce.GOOD_TILL_CANCEL));
            client.await("New rest-2", report("rest-2", '0'));

            client.send(massCancel("client-kill", MassCancelRequestType.CANCEL_ALL_ORDERS));
            final Message refused = client.await("refused", massCancelReport("client-kill"));
            assertThat(field(refused, 531)).isEqualTo("0");
            assertThat(field(refused, 532)).isEqualTo("99");
            assertThat(field(refused, 58)).contains("not authorised");
            assertThat(meridian.get("/halts").body()).contains("\"killSwitch\":false").contains("\"openOrders\":2");

            ops.send(massCancel("ops-kill", MassCancelRequestType.CANCEL_ALL_ORDERS));
            final Message engaged = ops.await("engaged", massCancelReport("ops-kill"));
            assertThat(field(engaged, 531)).isEqualTo("7");
            assertThat(field(engaged, 532)).isNull();
            client.await("Canceled rest-1", report("rest-1", '4'));
            client.await("Canceled rest-2", report("rest-2", '4'));
            final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
            while (!meridian.get("/halts").body().contains("\"openOrders\":0") && System.nanoTime() < deadline)
            {
                Thread.sleep(50);
            }
            assertThat(meridian.get("/halts").body()).contains("\"killSwitch\":true").contains("\"openOrders\":0");
            assertThat(venue.control().clientOrders()).noneMatch(VenueControl.OrderState::isLive);
            client.send(limit("while-killed", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
            assertThat(field(client.await("refused", report("while-killed", '8')), 58)).contains("kill switch");

            final OrderMassCancelRequest release = massCancel("ops-release", MassCancelRequestType.CANCEL_ALL_ORDERS);
            release.setBoolean(20003, true);
            ops.send(release);
            assertThat(field(ops.await("released", massCancelReport("ops-release")), 531)).isEqualTo("7");
            client.send(limit("after-release", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
            client.await("New after release", report("after-release", '0'));

            // one instrument, by the standard MassCancelRequestType 1; an unknown symbol is refused with 532=1
            final OrderMassCancelRequest aapl = massCancel("ops-aapl", MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY);
            aapl.set(new Symbol("AAPL"));
            ops.send(aapl);
            assertThat(field(ops.await("AAPL halted", massCancelReport("ops-aapl")), 531)).isEqualTo("1");
            client.await("AAPL cancelled", report("after-release", '4'));
            final OrderMassCancelRequest unknown = massCancel("ops-nope", MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY);
            unknown.set(new Symbol("NOPE"));
            ops.send(unknown);
            final Message unknownReport = ops.await("unknown symbol", massCancelReport("ops-nope"));
            assertThat(field(unknownReport, 531)).isEqualTo("0");
            assertThat(field(unknownReport, 532)).isEqualTo("1");

            // a session's kill switch, by Meridian's KillSwitchLevel S and KillSwitchTarget
            final OrderMassCancelRequest session = massCancel("ops-session", MassCancelRequestType.CANCEL_ALL_ORDERS);
            session.setChar(20001, 'S');
            session.setString(20002, MeridianTestServer.CLIENT);
            ops.send(session);
            assertThat(field(ops.await("session halted", massCancelReport("ops-session")), 531)).isEqualTo("7");
            client.send(limit("session-killed", BUY, "10", "MSFT", "410.00", TimeInForce.GOOD_TILL_CANCEL));
            assertThat(field(client.await("refused", report("session-killed", '8')), 58)).contains("kill switch");
            assertThat(Files.readString(dir.resolve("meridian").resolve("trading-halts")))
                .isEqualTo("instrument AAPL\nsession " + MeridianTestServer.CLIENT + "\n");

            final List<String> audit = Files.readAllLines(dir.resolve("meridian/audit.log"));
            assertThat(audit).filteredOn(line -> line.contains("FIX 35=q")).hasSize(6);
            assertThat(audit).anyMatch(line -> line.contains("\"user\":\"" + MeridianTestServer.CLIENT + "\"") &&
                line.contains("\"status\":403"));
            assertThat(audit).anyMatch(line -> line.contains("\"user\":\"" + OPS + "\"") && line.contains("\"status\":200") &&
                line.contains("\"killSwitch\":true"));
            assertThat(io.meridian.risk.audit.AuditVerifier.verify(dir.resolve("meridian/audit.log")).ok()).isTrue();
        }
    }

    @Test
    void anAccountsKillSwitchCancelsTheOpenOrdersCarryingItsAccount(@TempDir final Path dir) throws Exception
    {
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start();
            MeridianTestServer meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port(),
                List.of(new ClientSessionConfig(4, OPS, "MERIDIAN", null, null).withOps(true)), new int[0])
                .risk(new RiskSettings(List.of(
                    new RiskSettings.ScopeSettings(RiskScope.Kind.ACCOUNT, "DESK-A",
                        new LimitSettings(100, null, null, null, null, null, null)),
                    new RiskSettings.ScopeSettings(RiskScope.Kind.ACCOUNT, "DESK-B",
                        new LimitSettings(100, null, null, null, null, null, null))),
                    LocalTime.MIDNIGHT, Duration.ofMillis(100), Duration.ofSeconds(5)))
                .start().awaitVenueConnected();
            TestFixClient client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client"))
                .start().awaitLogon();
            TestFixClient ops = new TestFixClient(meridian.fixPort(), OPS, dir.resolve("ops")).start().awaitLogon())
        {
            client.send(withAccount(limit("a-1", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL), "DESK-A"));
            client.await("New a-1", report("a-1", '0'));
            client.send(withAccount(limit("a-2", BUY, "10", "MSFT", "410.00", TimeInForce.GOOD_TILL_CANCEL), "DESK-A"));
            client.await("New a-2", report("a-2", '0'));
            client.send(withAccount(limit("b-1", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL), "DESK-B"));
            client.await("New b-1", report("b-1", '0'));

            final OrderMassCancelRequest account = massCancel("ops-desk-a", MassCancelRequestType.CANCEL_ALL_ORDERS);
            account.setChar(20001, 'A');
            account.setString(20002, "DESK-A");
            ops.send(account);
            assertThat(field(ops.await("account halted", massCancelReport("ops-desk-a")), 531)).isEqualTo("7");
            client.await("Canceled a-1", report("a-1", '4'));
            client.await("Canceled a-2", report("a-2", '4'));
            final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
            while (!meridian.get("/halts").body().contains("\"openOrders\":1") && System.nanoTime() < deadline)
            {
                Thread.sleep(50);
            }
            assertThat(meridian.get("/halts").body()).contains("\"openOrders\":1").contains("\"account DESK-A\"");
            assertThat(venue.control().clientOrders()).filteredOn(VenueControl.OrderState::isLive).hasSize(1);

            client.send(withAccount(limit("a-3", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL), "DESK-A"));
            assertThat(field(client.await("refused", report("a-3", '8')), 58)).contains("kill switch");
            client.send(withAccount(limit("b-2", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL), "DESK-B"));
            client.await("the other account trades", report("b-2", '0'));
        }
    }

    private static Message withAccount(final Message order, final String account)
    {
        order.setString(1, account);
        return order;
    }

    private static OrderMassCancelRequest massCancel(final String clOrdId, final char type)
    {
        return new OrderMassCancelRequest(new ClOrdID(clOrdId), new MassCancelRequestType(type), new TransactTime());
    }

    private static Predicate<Message> massCancelReport(final String clOrdId)
    {
        return message -> "r".equals(TestFixClient.msgType(message)) && clOrdId.equals(field(message, 11));
    }
}
