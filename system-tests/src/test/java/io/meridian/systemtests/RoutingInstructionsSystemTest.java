package io.meridian.systemtests;

import io.meridian.oms.model.OrderRejectReason;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.nio.file.Path;

import static io.meridian.systemtests.Orders.cancelReject;
import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.replace;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * A client's routing instructions (docs/router.md, "Routing instructions (FIX tags)") through the real gateway: they
 * pass the dictionaries of FIX 4.2, 4.4 and FIXT.1.1, invalid ones are rejected at the edge with OrdRejReason 99,
 * and none of them reaches the venue on the wire.
 */
@Timeout(90)
class RoutingInstructionsSystemTest
{
    private static final int[] ROUTING_TAGS = {100, 111, 126, 168, 20100, 20101, 20102, 20103, 20104};

    private FixVenueSimulator venue;
    private MeridianTestServer meridian;
    private TestFixClient fix44;

    @BeforeEach
    void start(@TempDir final Path dir) throws Exception
    {
        venue = new FixVenueSimulator(FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build())
            .start();
        meridian = new MeridianTestServer(dir.resolve("meridian"), venue.port()).start().awaitVenueConnected();
        fix44 = new TestFixClient(meridian.fixPort(), MeridianTestServer.CLIENT, dir.resolve("client44")).start()
            .awaitLogon();
    }

    @AfterEach
    void stop()
    {
        for (final AutoCloseable closeable : new AutoCloseable[] {fix44, meridian, venue})
        {
            try
            {
                if (closeable != null)
                {
                    closeable.close();
                }
            }
            catch (final Exception e)
            {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Message withTags(final Message message, final String... tagValues)
    {
        for (final String tagValue : tagValues)
        {
            final int equals = tagValue.indexOf('=');
            message.setString(Integer.parseInt(tagValue.substring(0, equals)), tagValue.substring(equals + 1));
        }
        return message;
    }

    /** The venue sees Meridian's own ClOrdIDs: the last order message (D or G) it received. */
    private String lastOrderAtVenue(final String msgType)
    {
        return venue.control().receivedMessages().stream()
            .filter(m -> m.contains("\u000135=" + msgType + "\u0001")).reduce((a, b) -> b).orElseThrow();
    }

    private static void assertNoRoutingTag(final String atVenue)
    {
        for (final int tag : ROUTING_TAGS)
        {
            assertThat(atVenue).as("tag %d at the venue", tag).doesNotContain("\u0001" + tag + "=");
        }
    }

    @Test
    void validInstructionsAreAcceptedAndStayInMeridian() throws Exception
    {
        fix44.send(withTags(limit("route-1", BUY, "100", "AAPL", "185.00", TimeInForce.DAY),
            "20100=3", "20101=SIMVENUE BINANCE", "111=10"));
        fix44.await("New", report("route-1", '0'));
        final String newAtVenue = lastOrderAtVenue("D");
        assertThat(newAtVenue).contains("\u000138=100\u0001");
        assertNoRoutingTag(newAtVenue);

        fix44.send(withTags(replace("route-2", "route-1", BUY, "AAPL", "120", "185.00", TimeInForce.DAY),
            "100=SIMVENUE", "20102=1", "168=20261207-14:00:00", "126=20261207-15:00:00", "20103=6", "20104=10"));
        fix44.await("Replaced", report("route-2", '5'));
        final String replaceAtVenue = lastOrderAtVenue("G");
        assertThat(replaceAtVenue).contains("\u000138=120\u0001");
        assertNoRoutingTag(replaceAtVenue);
    }

    @Test
    void invalidInstructionsAreRejectedAtTheEdge() throws Exception
    {
        final String[][] invalid = {
            {"20100=9"},
            {"111=101"},
            {"111=0.5"},
            {"20102=1", "168=20261207-15:00:00", "126=20261207-14:00:00", "20103=6"},
            {"20102=1", "126=20261207-15:00:00", "20103=1001"},
            {"20100=1", "100=SIMVENUE"},
        };
        for (int i = 0; i < invalid.length; i++)
        {
            final String clOrdId = "bad-" + i;
            fix44.send(withTags(limit(clOrdId, BUY, "100", "AAPL", "185.00", TimeInForce.DAY), invalid[i]));
            final Message rejected = fix44.await("Rejected " + String.join(",", invalid[i]), report(clOrdId, '8'));
            assertThat(field(rejected, 39)).isEqualTo("8");
            assertThat(field(rejected, 103)).isEqualTo("99");
            assertThat(field(rejected, 58)).isEqualTo(OrderRejectReason.INVALID_ROUTING_INSTRUCTION.text());
        }
        assertThat(venue.control().receivedMessages()).as("nothing sent to the venue").noneMatch(m -> m.contains("\u000135=D\u0001"));

        fix44.send(limit("plain-1", BUY, "100", "AAPL", "185.00", TimeInForce.DAY));
        fix44.await("New", report("plain-1", '0'));
        fix44.send(withTags(replace("plain-2", "plain-1", BUY, "AAPL", "100", "185.00", TimeInForce.DAY), "20102=2"));
        final Message replaceRejected = fix44.await("Replace rejected", cancelReject("plain-2"));
        assertThat(field(replaceRejected, 434)).isEqualTo("2");
        assertThat(field(replaceRejected, 58)).isEqualTo(OrderRejectReason.INVALID_ROUTING_INSTRUCTION.text());
    }

    @Test
    void fix42AndFixtClientsMaySendThem(@TempDir final Path dir) throws Exception
    {
        try (TestFixClient fix42 = new TestFixClient("FIX.4.2", meridian.fixPort(), MeridianTestServer.FIX42_CLIENT,
            "MERIDIAN", null, null, dir.resolve("client42")).start().awaitLogon();
            TestFixClient fixt = new TestFixClient("FIXT.1.1", meridian.fixPort(), MeridianTestServer.FIXT_CLIENT,
                "MERIDIAN", null, null, dir.resolve("client50")).start().awaitLogon())
        {
            fix42.send(withTags(limit("r42-1", BUY, "100", "AAPL", "185.00", TimeInForce.DAY),
                "21=1", "20100=2", "20101=SIMVENUE", "20102=2", "111=25"));
            fix42.await("New", report("r42-1", '0'));
            assertNoRoutingTag(lastOrderAtVenue("D"));
            fixt.send(withTags(limit("r50-1", BUY, "100", "AAPL", "185.00", TimeInForce.DAY),
                "100=SIMVENUE", "20102=1", "126=20261207-15:00:00.000", "20103=3"));
            fixt.await("New", report("r50-1", '0'));
            assertThat(venue.control().receivedMessages().stream().filter(m -> m.contains("\u000135=D\u0001")).count())
                .isEqualTo(2);
            assertNoRoutingTag(lastOrderAtVenue("D"));
            fixt.send(withTags(limit("r50-2", BUY, "100", "AAPL", "185.00", TimeInForce.DAY), "20104=5"));
            final Message rejected = fixt.await("Rejected", report("r50-2", '8'));
            assertThat(field(rejected, 58)).isEqualTo(OrderRejectReason.INVALID_ROUTING_INSTRUCTION.text());
        }
    }
}
