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
import quickfix.field.ClOrdID;
import quickfix.field.HandlInst;
import quickfix.field.OrdType;
import quickfix.field.OrigClOrdID;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix42.NewOrderSingle;
import quickfix.fix42.OrderCancelReplaceRequest;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Predicate;

import static io.meridian.systemtests.Orders.decimal;
import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.nextClOrdId;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * A FIX 4.2 client beside a FIX 4.4 client on the same Meridian: order -> partial fill -> fill and
 * cancel/replace end to end, with FIX 4.2's ExecutionReport shape (ExecTransType 20, ExecType 1/2
 * for fills, LastShares 32) and BeginString FIX.4.2 on everything it receives, validated by a
 * QuickFIX/J client that loads Meridian's FIX42.xml.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class Fix42ClientSystemTest
{
    private FixVenueSimulator venue;
    private MeridianTestServer meridian;
    private TestFixClient fix42;
    private TestFixClient fix44;

    @BeforeAll
    void start(@TempDir final Path dir) throws Exception
    {
        venue = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build())
            .start();
        meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port()).start().awaitVenueConnected();
        fix42 = new TestFixClient("FIX.4.2", meridian.fixPort(), MeridianTestServer.FIX42_CLIENT, "MERIDIAN", null, null,
            dir.resolve("client42")).start().awaitLogon();
        fix44 = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client44")).start()
            .awaitLogon();
    }

    @AfterAll
    void stop()
    {
        for (final AutoCloseable closeable : new AutoCloseable[] {fix42, fix44, meridian, venue})
        {
            try
            {
                if (closeable != null)
                {
                    closeable.close();
                }
            }
            catch (final Exception ignored)
            {
                // best effort
            }
        }
    }

    @Test
    void fix42OrderPartiallyFilledThenFilledBesideAFix44Client() throws Exception
    {
        venue.control().addLiquidity("MSFT", Side.SELL, "30", "420.00");
        final String id = nextClOrdId("fix42");
        fix42.send(limit42(id, "100", "MSFT", "420.00"));

        final Message ack = fix42.await("New", report42(id, '0'));
        assertThat(ack.getHeader().getString(8)).isEqualTo("FIX.4.2");
        assertThat(field(ack, 20)).isEqualTo("0");
        final Message partial = fix42.await("partial fill", report42(id, '1'));
        assertThat(field(partial, 39)).isEqualTo("1");
        assertThat(field(partial, 20)).isEqualTo("0");
        assertThat(decimal(partial, 32)).isEqualByComparingTo("30");
        assertThat(decimal(partial, 31)).isEqualByComparingTo("420.00");
        assertThat(decimal(partial, 151)).isEqualByComparingTo("70");

        // a FIX 4.4 client trades meanwhile and still gets the FIX 4.4 shape (ExecType F, no ExecTransType)
        venue.control().addLiquidity("BTC-USD", Side.SELL, "0.5", "65000.00");
        final String id44 = nextClOrdId("fix44");
        fix44.send(limit(id44, BUY, "0.5", "BTC-USD", "65000.00", TimeInForce.DAY));
        final Message fill44 = fix44.await("FIX 4.4 fill", report(id44, 'F'));
        assertThat(fill44.getHeader().getString(8)).isEqualTo("FIX.4.4");
        assertThat(field(fill44, 20)).isNull();

        venue.control().addLiquidity("MSFT", Side.SELL, "70", "420.00");
        final Message fill = fix42.await("fill", report42(id, '2'));
        assertThat(field(fill, 39)).isEqualTo("2");
        assertThat(decimal(fill, 14)).isEqualByComparingTo("100");
        assertThat(decimal(fill, 151)).isEqualByComparingTo("0");
        assertThat(fix42.drain(0)).allSatisfy(message ->
            assertThat(message.getHeader().getString(8)).isEqualTo("FIX.4.2"));
    }

    @Test
    void fix42CancelReplaceThenFill() throws Exception
    {
        final String id = nextClOrdId("fix42-rpl");
        fix42.send(limit42(id, "50", "AAPL", "189.00"));
        final Message ack = fix42.await("New", report42(id, '0'));

        final String replaceId = nextClOrdId("fix42-rpl2");
        final OrderCancelReplaceRequest replace = new OrderCancelReplaceRequest(
            new OrigClOrdID(id), new ClOrdID(replaceId), new HandlInst(HandlInst.AUTOMATED_EXECUTION_NO_INTERVENTION),
            new Symbol("AAPL"), new quickfix.field.Side(BUY), new TransactTime(LocalDateTime.now(ZoneOffset.UTC)),
            new OrdType(OrdType.LIMIT));
        replace.setString(37, field(ack, 37));
        replace.setString(38, "80");
        replace.setString(44, "190.00");
        fix42.send(replace);
        final Message replaced = fix42.await("Replaced", report42(replaceId, '5'));
        assertThat(field(replaced, 41)).isEqualTo(id);
        assertThat(field(replaced, 20)).isEqualTo("0");
        assertThat(decimal(replaced, 38)).isEqualByComparingTo("80");

        venue.control().addLiquidity("AAPL", Side.SELL, "80", "190.00");
        final Message fill = fix42.await("fill after replace", report42(replaceId, '2'));
        assertThat(decimal(fill, 14)).isEqualByComparingTo("80");
        assertThat(decimal(fill, 6)).isEqualByComparingTo("190.00");
    }

    private static NewOrderSingle limit42(final String clOrdId, final String qty, final String symbol, final String price)
    {
        final NewOrderSingle order = new NewOrderSingle(
            new ClOrdID(clOrdId), new HandlInst(HandlInst.AUTOMATED_EXECUTION_NO_INTERVENTION),
            new Symbol(symbol), new quickfix.field.Side(BUY), new TransactTime(LocalDateTime.now(ZoneOffset.UTC)),
            new OrdType(OrdType.LIMIT));
        order.setString(38, qty);
        order.setString(44, price);
        order.set(new TimeInForce(TimeInForce.GOOD_TILL_CANCEL));
        return order;
    }

    /** A FIX 4.2 ExecutionReport for {@code clOrdId} with ExecType {@code execType}. */
    private static Predicate<Message> report42(final String clOrdId, final char execType)
    {
        return report(clOrdId, execType);
    }
}
