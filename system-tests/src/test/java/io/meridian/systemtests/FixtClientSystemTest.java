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

import java.nio.file.Path;

import static io.meridian.systemtests.Orders.decimal;
import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.nextClOrdId;
import static io.meridian.systemtests.Orders.replace;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * A FIXT.1.1 / FIX 5.0 SP2 client (QuickFIX/J loading Meridian's FIXT11.xml and FIX50SP2.xml,
 * DefaultApplVerID 9) beside a FIX 4.4 client: partial fill -> fill and cancel/replace end to end,
 * every message it receives with BeginString FIXT.1.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class FixtClientSystemTest
{
    private FixVenueSimulator venue;
    private MeridianTestServer meridian;
    private TestFixClient fixt;
    private TestFixClient fix44;

    @BeforeAll
    void start(@TempDir final Path dir) throws Exception
    {
        venue = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build())
            .start();
        meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port()).start().awaitVenueConnected();
        fixt = new TestFixClient("FIXT.1.1", meridian.fixPort(), MeridianTestServer.FIXT_CLIENT, "MERIDIAN", null, null,
            dir.resolve("clientT")).start().awaitLogon();
        fix44 = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client44")).start()
            .awaitLogon();
    }

    @AfterAll
    void stop()
    {
        for (final AutoCloseable closeable : new AutoCloseable[] {fixt, fix44, meridian, venue})
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
    void fixtOrderPartiallyFilledThenFilledBesideAFix44Client() throws Exception
    {
        venue.control().addLiquidity("MSFT", Side.SELL, "30", "420.00");
        final String id = nextClOrdId("fixt");
        fixt.send(limit(id, BUY, "100", "MSFT", "420.00", TimeInForce.GOOD_TILL_CANCEL));

        final Message partial = fixt.await("partial fill", report(id, 'F'));
        assertThat(partial.getHeader().getString(8)).isEqualTo("FIXT.1.1");
        assertThat(field(partial, 39)).isEqualTo("1");
        assertThat(decimal(partial, 32)).isEqualByComparingTo("30");

        venue.control().addLiquidity("BTC-USD", Side.SELL, "0.5", "65000.00");
        final String id44 = nextClOrdId("fix44");
        fix44.send(limit(id44, BUY, "0.5", "BTC-USD", "65000.00", TimeInForce.DAY));
        assertThat(fix44.await("FIX 4.4 fill", report(id44, 'F')).getHeader().getString(8)).isEqualTo("FIX.4.4");

        venue.control().addLiquidity("MSFT", Side.SELL, "70", "420.00");
        final Message fill = fixt.await("fill", report(id, 'F'));
        assertThat(field(fill, 39)).isEqualTo("2");
        assertThat(decimal(fill, 14)).isEqualByComparingTo("100");
        assertThat(fixt.drain(0)).allSatisfy(message ->
            assertThat(message.getHeader().getString(8)).isEqualTo("FIXT.1.1"));
    }

    @Test
    void fixtCancelReplace() throws Exception
    {
        final String id = nextClOrdId("fixt-rpl");
        fixt.send(limit(id, BUY, "50", "AAPL", "189.00", TimeInForce.DAY));
        fixt.await("New", report(id, '0'));
        final String replaceId = nextClOrdId("fixt-rpl2");
        fixt.send(replace(replaceId, id, BUY, "AAPL", "80", "189.50", TimeInForce.DAY));
        final Message replaced = fixt.await("Replaced", report(replaceId, '5'));
        assertThat(field(replaced, 41)).isEqualTo(id);
        assertThat(decimal(replaced, 38)).isEqualByComparingTo("80");
    }
}
