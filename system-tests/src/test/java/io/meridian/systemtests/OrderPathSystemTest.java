package io.meridian.systemtests;

import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import io.meridian.simulators.matching.Side;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.meridian.systemtests.Orders.cancel;
import static io.meridian.systemtests.Orders.cancelReject;
import static io.meridian.systemtests.Orders.decimal;
import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.market;
import static io.meridian.systemtests.Orders.nextClOrdId;
import static io.meridian.systemtests.Orders.replace;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.Orders.status;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;
import static quickfix.field.Side.SELL;

/**
 * The order path end to end over loopback: a QuickFIX/J client -> Meridian (Artio acceptor, OMS,
 * Artio initiator) -> the QuickFIX/J venue simulator's matching book, and every report back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class OrderPathSystemTest
{
    private Path dir;
    private FixVenueSimulator venue;
    private MeridianTestServer meridian;
    private TestFixClient client;

    @BeforeAll
    void start(@TempDir final Path dir) throws Exception
    {
        this.dir = dir;
        venue = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build())
            .start();
        meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port()).start().awaitVenueConnected();
        client = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client")).start()
            .awaitLogon();
    }

    @AfterAll
    void stop()
    {
        if (client != null)
        {
            client.close();
        }
        if (meridian != null)
        {
            meridian.close();
        }
        if (venue != null)
        {
            venue.close();
        }
    }

    @Test
    void fullFillWithConsistentIdsAndAdminView() throws Exception
    {
        venue.control().addLiquidity("AAPL", Side.SELL, "100", "190.00");
        final String id = nextClOrdId("full");
        client.send(limit(id, BUY, "100", "AAPL", "190.00", TimeInForce.DAY));

        final Message pendingNew = client.await("PendingNew", report(id, 'A'));
        assertThat(field(pendingNew, 39)).isEqualTo("A");
        assertThat(decimal(pendingNew, 151)).isEqualByComparingTo("100");
        final Message ack = client.await("New", report(id, '0'));
        assertThat(field(ack, 39)).isEqualTo("0");
        final Message fill = client.await("Trade", report(id, 'F'));
        assertThat(field(fill, 39)).isEqualTo("2");
        assertThat(decimal(fill, 32)).isEqualByComparingTo("100");
        assertThat(decimal(fill, 31)).isEqualByComparingTo("190.00");
        assertThat(decimal(fill, 14)).isEqualByComparingTo("100");
        assertThat(decimal(fill, 151)).isEqualByComparingTo("0");
        assertThat(decimal(fill, 6)).isEqualByComparingTo("190.00");

        final String orderId = field(pendingNew, 37);
        assertThat(List.of(field(ack, 37), field(fill, 37))).containsOnly(orderId);
        assertThat(Set.of(field(pendingNew, 17), field(ack, 17), field(fill, 17))).hasSize(3);

        final HttpResponse<String> order = meridian.get("/orders/" + orderId);
        assertThat(order.statusCode()).isEqualTo(200);
        assertThat(order.body()).contains("\"ordStatus\":\"FILLED\"").contains("\"clOrdId\":\"" + id + "\"")
            .contains("\"cumQty\":100").contains("\"open\":false");
        assertThat(meridian.get("/orders/does-not-exist").statusCode()).isEqualTo(404);
        assertThat(meridian.get("/positions").body()).contains("\"symbol\":\"AAPL\"");

        // the store: an order without Account (1) books to the client's CompID; the fill that built it is listed
        final String account = MeridianTestServer.CLIENT;
        final HttpResponse<String> position = meridian.get("/positions/" + account + "/AAPL");
        assertThat(position.statusCode()).isEqualTo(200);
        assertThat(position.body()).contains("\"venueTradeId\":").contains("\"orderId\":\"" + orderId + "\"");
        assertThat(meridian.get("/positions/" + account + "/NOPE").statusCode()).isEqualTo(404);
        assertThat(meridian.get("/fills?orderId=" + orderId).body()).contains("\"qty\":100").contains("\"price\":190");
        assertThat(meridian.get("/fills?orderId=" + orderId + "&since=2200-01-01T00:00:00Z").body()).isEqualTo("[]");
        assertThat(meridian.get("/fills?venue=no-such-venue").statusCode()).isEqualTo(400);
        assertThat(meridian.get("/fills?since=yesterday").statusCode()).isEqualTo(400);
        assertThat(meridian.get("/balances").body()).contains("\"asset\":\"AAPL\"").contains("\"asset\":\"USD\"");
    }

    @Test
    void partialFillsThenFill() throws Exception
    {
        venue.control().addLiquidity("MSFT", Side.SELL, "30", "420.00");
        final String id = nextClOrdId("partial");
        client.send(limit(id, BUY, "100", "MSFT", "420.00", TimeInForce.GOOD_TILL_CANCEL));

        final Message first = client.await("first partial", report(id, 'F'));
        assertThat(field(first, 39)).isEqualTo("1");
        assertThat(decimal(first, 32)).isEqualByComparingTo("30");
        assertThat(decimal(first, 151)).isEqualByComparingTo("70");

        venue.control().addLiquidity("MSFT", Side.SELL, "50", "419.50");
        final Message second = client.await("second partial", report(id, 'F'));
        assertThat(field(second, 39)).isEqualTo("1");
        assertThat(decimal(second, 32)).isEqualByComparingTo("50");
        assertThat(decimal(second, 31)).isEqualByComparingTo("420.00");
        assertThat(decimal(second, 14)).isEqualByComparingTo("80");
        assertThat(decimal(second, 151)).isEqualByComparingTo("20");

        final HttpResponse<String> open = meridian.get("/orders?status=open");
        assertThat(open.body()).contains(id);

        venue.control().addLiquidity("MSFT", Side.SELL, "20", "420.00");
        final Message last = client.await("fill", report(id, 'F'));
        assertThat(field(last, 39)).isEqualTo("2");
        assertThat(decimal(last, 14)).isEqualByComparingTo("100");
        assertThat(decimal(last, 151)).isEqualByComparingTo("0");
        assertThat(decimal(last, 6)).isEqualByComparingTo("420.00");
        assertThat(meridian.get("/orders?status=open").body()).doesNotContain(id);
    }

    @Test
    void cancelRestingOrder() throws Exception
    {
        final String id = nextClOrdId("rest");
        client.send(limit(id, BUY, "100", "AAPL", "180.00", TimeInForce.DAY));
        client.await("New", report(id, '0'));

        final String cancelId = nextClOrdId("cxl");
        client.send(cancel(cancelId, id, BUY, "AAPL", "100"));
        final Message pending = client.await("PendingCancel", report(cancelId, '6'));
        assertThat(field(pending, 39)).isEqualTo("6");
        assertThat(field(pending, 41)).isEqualTo(id);
        final Message canceled = client.await("Canceled", report(cancelId, '4'));
        assertThat(field(canceled, 39)).isEqualTo("4");
        assertThat(field(canceled, 41)).isEqualTo(id);
        assertThat(decimal(canceled, 151)).isEqualByComparingTo("0");
        assertThat(decimal(canceled, 14)).isEqualByComparingTo("0");
        assertThat(meridian.get("/orders/" + field(canceled, 37)).body()).contains("\"ordStatus\":\"CANCELED\"");
    }

    @Test
    void cancelOfFilledOrderIsRejectedTooLate() throws Exception
    {
        venue.control().addLiquidity("AAPL", Side.BUY, "10", "190.00");
        final String id = nextClOrdId("sold");
        client.send(limit(id, SELL, "10", "AAPL", "190.00", TimeInForce.DAY));
        client.await("filled", report(id, 'F'));

        final String cancelId = nextClOrdId("late");
        client.send(cancel(cancelId, id, SELL, "AAPL", "10"));
        final Message reject = client.await("OrderCancelReject", cancelReject(cancelId));
        assertThat(field(reject, 102)).isEqualTo("0");
        assertThat(field(reject, 39)).isEqualTo("2");
        assertThat(field(reject, 434)).isEqualTo("1");
        assertThat(field(reject, 41)).isEqualTo(id);
    }

    @Test
    void cancelOfUnknownOrderIsRejected() throws Exception
    {
        final String cancelId = nextClOrdId("unknown");
        client.send(cancel(cancelId, "never-sent", BUY, "AAPL", "10"));
        final Message reject = client.await("OrderCancelReject", cancelReject(cancelId));
        assertThat(field(reject, 102)).isEqualTo("1");
        assertThat(field(reject, 37)).isEqualTo("NONE");
    }

    @Test
    void replaceQuantityAndPriceThenFill() throws Exception
    {
        final String id = nextClOrdId("orig");
        client.send(limit(id, BUY, "100", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
        client.await("New", report(id, '0'));

        final String replaceId = nextClOrdId("repl");
        client.send(replace(replaceId, id, BUY, "AAPL", "200", "181.50", Orders.NO_TIF));
        final Message pending = client.await("PendingReplace", report(replaceId, 'E'));
        assertThat(field(pending, 39)).isEqualTo("E");
        final Message replaced = client.await("Replaced", report(replaceId, '5'));
        assertThat(field(replaced, 41)).isEqualTo(id);
        assertThat(field(replaced, 39)).isEqualTo("0");
        assertThat(decimal(replaced, 38)).isEqualByComparingTo("200");
        assertThat(decimal(replaced, 44)).isEqualByComparingTo("181.50");
        assertThat(decimal(replaced, 151)).isEqualByComparingTo("200");
        assertThat(field(replaced, 59)).as("TimeInForce kept when the replace omits it").isEqualTo("1");

        venue.control().addLiquidity("AAPL", Side.SELL, "200", "181.50");
        final Message fill = client.await("fill after replace", report(replaceId, 'F'));
        assertThat(field(fill, 39)).isEqualTo("2");
        assertThat(decimal(fill, 14)).isEqualByComparingTo("200");
        assertThat(decimal(fill, 31)).isEqualByComparingTo("181.50");
    }

    @Test
    void replaceBelowExecutedQuantityIsRejected() throws Exception
    {
        venue.control().addLiquidity("AAPL", Side.SELL, "60", "185.00");
        final String id = nextClOrdId("exec");
        client.send(limit(id, BUY, "100", "AAPL", "185.00", TimeInForce.GOOD_TILL_CANCEL));
        client.await("partial", report(id, 'F'));

        final String replaceId = nextClOrdId("too-small");
        client.send(replace(replaceId, id, BUY, "AAPL", "50", "185.00", TimeInForce.GOOD_TILL_CANCEL));
        final Message reject = client.await("OrderCancelReject", cancelReject(replaceId));
        assertThat(field(reject, 434)).isEqualTo("2");
        assertThat(field(reject, 39)).isEqualTo("1");

        client.send(cancel(nextClOrdId("cleanup"), id, BUY, "AAPL", "100"));
    }

    @Test
    void iocFillsWhatItCanAndExpiresTheRest() throws Exception
    {
        venue.control().addLiquidity("BTC-USD", Side.SELL, "0.4", "65000.00");
        final String id = nextClOrdId("ioc");
        client.send(limit(id, BUY, "1.5", "BTC-USD", "65000.00", TimeInForce.IMMEDIATE_OR_CANCEL));

        final Message fill = client.await("Trade", report(id, 'F'));
        assertThat(field(fill, 39)).isEqualTo("1");
        assertThat(decimal(fill, 32)).isEqualByComparingTo("0.4");
        final Message expired = client.await("Expired", report(id, 'C'));
        assertThat(field(expired, 39)).isEqualTo("C");
        assertThat(decimal(expired, 14)).isEqualByComparingTo("0.4");
        assertThat(decimal(expired, 151)).isEqualByComparingTo("0");
    }

    @Test
    void fokEitherFillsCompletelyOrExpiresUntouched() throws Exception
    {
        venue.control().addLiquidity("MSFT", Side.BUY, "40", "421.00");
        final String killed = nextClOrdId("fok-kill");
        client.send(limit(killed, SELL, "100", "MSFT", "421.00", TimeInForce.FILL_OR_KILL));
        final Message expired = client.await("Expired", report(killed, 'C'));
        assertThat(decimal(expired, 14)).isEqualByComparingTo("0");

        final String filled = nextClOrdId("fok-fill");
        client.send(limit(filled, SELL, "40", "MSFT", "421.00", TimeInForce.FILL_OR_KILL));
        final Message fill = client.await("Trade", report(filled, 'F'));
        assertThat(field(fill, 39)).isEqualTo("2");
        assertThat(decimal(fill, 14)).isEqualByComparingTo("40");
    }

    @Test
    void marketOrderTakesTheBook() throws Exception
    {
        venue.control().addLiquidity("MSFT", Side.SELL, "10", "422.10");
        final String id = nextClOrdId("mkt");
        client.send(market(id, BUY, "10", "MSFT"));
        final Message fill = client.await("Trade", report(id, 'F'));
        assertThat(field(fill, 39)).isEqualTo("2");
        assertThat(decimal(fill, 31)).isEqualByComparingTo("422.10");
        assertThat(field(fill, 40)).isEqualTo("1");
    }

    @Test
    void everyRiskCheckRejectsWithItsReason() throws Exception
    {
        assertRejected(limit(nextClOrdId("r"), BUY, "10", "ZZZZ", "10.00", TimeInForce.DAY), "1", "unknown symbol");
        assertRejected(limit(nextClOrdId("r"), BUY, "0", "AAPL", "190.00", TimeInForce.DAY), "13",
            "order quantity must be positive");
        assertRejected(limit(nextClOrdId("r"), BUY, "20000", "AAPL", "190.00", TimeInForce.DAY), "3",
            "order quantity exceeds maximum");
        assertRejected(limit(nextClOrdId("r"), BUY, "10.5", "AAPL", "190.00", TimeInForce.DAY), "13",
            "more decimals");
        assertRejected(limit(nextClOrdId("r"), BUY, "10", "AAPL", null, TimeInForce.DAY), "99",
            "limit order requires a price");
        assertRejected(limit(nextClOrdId("r"), BUY, "10", "AAPL", "-5", TimeInForce.DAY), "99",
            "price must be positive");
        assertRejected(limit(nextClOrdId("r"), BUY, "10", "AAPL", "190.00001", TimeInForce.DAY), "99",
            "price has more decimals");
        assertRejected(limit(nextClOrdId("r"), BUY, "10", "AAPL", "250.00", TimeInForce.DAY), "99",
            "price outside collar");
        assertRejected(limit(nextClOrdId("r"), BUY, "9000", "AAPL", "190.00", TimeInForce.DAY), "3",
            "notional exceeds maximum");

        final String id = nextClOrdId("dup");
        client.send(limit(id, BUY, "1", "AAPL", "175.00", TimeInForce.DAY));
        client.await("New", report(id, '0'));
        assertRejected(limit(id, BUY, "1", "AAPL", "175.00", TimeInForce.DAY), "6", "duplicate ClOrdID");
        client.send(cancel(nextClOrdId("cleanup"), id, BUY, "AAPL", "1"));

        final String prometheus = meridian.get("/prometheus").body();
        assertThat(prometheus).contains("meridian_order_rejects_total{reason=\"PRICE_OUTSIDE_COLLAR\"} 1.0")
            .contains("meridian_order_rejects_total{reason=\"UNKNOWN_SYMBOL\"} 1.0")
            .contains("meridian_fix_session_connected{client=\"CLIENT1\"} 1.0")
            .contains("meridian_venue_connected{venue=\"SIMVENUE\"} 1.0")
            .contains("meridian_sequencer_queue_depth");
    }

    private void assertRejected(final Message order, final String ordRejReason, final String text) throws Exception
    {
        final String id = field(order, 11);
        client.send(order);
        final Message reject = client.await("Rejected " + text, message -> "8".equals(TestFixClient.msgType(message)) &&
            id.equals(field(message, 11)) && "8".equals(field(message, 150)) && !"0".equals(field(message, 37)) &&
            text.length() > 0 && field(message, 58) != null && field(message, 58).contains(text));
        assertThat(field(reject, 39)).isEqualTo("8");
        assertThat(field(reject, 103)).isEqualTo(ordRejReason);
        assertThat(decimal(reject, 14)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void venueRejectReachesTheClient() throws Exception
    {
        venue.control().rejectNextNewOrders(1, "symbol halted");
        final String id = nextClOrdId("venue-rej");
        client.send(limit(id, BUY, "10", "AAPL", "189.00", TimeInForce.DAY));
        client.await("PendingNew", report(id, 'A'));
        final Message reject = client.await("Rejected", report(id, '8'));
        assertThat(field(reject, 39)).isEqualTo("8");
        assertThat(field(reject, 58)).contains("symbol halted");
    }

    @Test
    void orderStatusRequestReportsCurrentState() throws Exception
    {
        final String id = nextClOrdId("status");
        client.send(limit(id, SELL, "5", "AAPL", "200.00", TimeInForce.DAY));
        client.await("New", report(id, '0'));

        client.send(status(id, SELL, "AAPL"));
        final Message status = client.await("OrderStatus", report(id, 'I'));
        assertThat(field(status, 39)).isEqualTo("0");
        assertThat(decimal(status, 151)).isEqualByComparingTo("5");

        final String unknown = nextClOrdId("nobody");
        client.send(status(unknown, SELL, "AAPL"));
        final Message unknownStatus = client.await("OrderStatus unknown", report(unknown, 'I'));
        assertThat(field(unknownStatus, 39)).isEqualTo("8");

        client.send(cancel(nextClOrdId("cleanup"), id, SELL, "AAPL", "5"));
    }

    @Test
    void malformedAndUnsupportedMessagesAreRejectedAndTheSessionStaysUp() throws Exception
    {
        final Message noSide = limit(nextClOrdId("bad"), BUY, "10", "AAPL", "190.00", TimeInForce.DAY);
        noSide.removeField(54);
        client.send(noSide);
        final Message reject = client.await("Reject", message -> "3".equals(TestFixClient.msgType(message)) &&
            "54".equals(field(message, 371)));
        assertThat(field(reject, 373)).isEqualTo("1");
        assertThat(field(reject, 372)).isEqualTo("D");

        final Message quoteRequest = new Message();
        quoteRequest.getHeader().setString(35, "R");
        quoteRequest.setString(131, "quote-1");
        // a valid QuoteRequest (its NoRelatedSym group is required), which Meridian does not trade
        final quickfix.Group relatedSym = new quickfix.Group(146, 55);
        relatedSym.setString(55, "AAPL");
        quoteRequest.addGroup(relatedSym);
        client.send(quoteRequest);
        final Message businessReject = client.await("BusinessMessageReject",
            message -> "j".equals(TestFixClient.msgType(message)));
        assertThat(field(businessReject, 380)).isEqualTo("3");
        assertThat(field(businessReject, 372)).isEqualTo("R");

        venue.control().addLiquidity("AAPL", Side.SELL, "7", "190.00");
        final String id = nextClOrdId("after-bad");
        client.send(limit(id, BUY, "7", "AAPL", "190.00", TimeInForce.DAY));
        assertThat(field(client.await("fill after malformed", report(id, 'F')), 39)).isEqualTo("2");
        assertThat(client.isLoggedOn()).isTrue();
    }

    @Test
    void logonIsCheckedAgainstCompIdAndCredentials() throws Exception
    {
        try (TestFixClient wrongPassword = new TestFixClient(meridian.fixPort(), MeridianTestServer.SECURE_CLIENT,
            "MERIDIAN", MeridianTestServer.SECURE_USER, "wrong", dir.resolve("wrong")).start();
            TestFixClient stranger = new TestFixClient(meridian.fixPort(), "STRANGER", dir.resolve("stranger")).start())
        {
            final long rejectedBefore = meridian.server().gatewayMetrics().logonsRejected();
            final long deadline = System.nanoTime() + TestFixClient.TIMEOUT.toNanos();
            while (meridian.server().gatewayMetrics().logonsRejected() < rejectedBefore + 2 && System.nanoTime() < deadline)
            {
                Thread.sleep(20);
            }
            assertThat(meridian.server().gatewayMetrics().logonsRejected()).isGreaterThanOrEqualTo(rejectedBefore + 2);
            assertThat(wrongPassword.isLoggedOn()).isFalse();
            assertThat(stranger.isLoggedOn()).isFalse();
        }

        try (TestFixClient secure = new TestFixClient(meridian.fixPort(), MeridianTestServer.SECURE_CLIENT,
            "MERIDIAN", MeridianTestServer.SECURE_USER, MeridianTestServer.SECURE_PASSWORD, dir.resolve("secure"))
            .start().awaitLogon())
        {
            final String id = nextClOrdId("secure");
            secure.send(limit(id, BUY, "1", "AAPL", "175.00", TimeInForce.DAY));
            assertThat(field(secure.await("PendingNew", report(id, 'A')), 39)).isEqualTo("A");
            // the same ClOrdID on another session is that session's own id, not a duplicate
            client.send(limit(id, BUY, "1", "AAPL", "175.00", TimeInForce.DAY));
            assertThat(field(client.await("PendingNew", report(id, 'A')), 39)).isEqualTo("A");
        }
    }

    @Test
    void healthReportsSessionsAndVenue() throws Exception
    {
        final HttpResponse<String> health = meridian.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"")
            .contains("\"clientCompId\":\"CLIENT1\",\"meridianCompId\":\"MERIDIAN\",\"connected\":true")
            .contains("\"name\":\"SIMVENUE\"").contains("\"connected\":true");
    }
}
