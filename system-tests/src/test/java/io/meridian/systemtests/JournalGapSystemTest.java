package io.meridian.systemtests;

import io.meridian.oms.codec.RingCodec;
import io.meridian.simulators.fix.FixVenueSimulator;
import io.meridian.simulators.fix.FixVenueSimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.TimeInForce;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.meridian.systemtests.Orders.limit;
import static io.meridian.systemtests.Orders.report;
import static io.meridian.systemtests.TestFixClient.field;
import static org.assertj.core.api.Assertions.assertThat;
import static quickfix.field.Side.BUY;

/**
 * The kill -9 gap between Artio and the journal: Artio counted client messages as received (its
 * sequence numbers moved on) but the journal never got their commands. Simulated by cutting the
 * journal's tail after a stop; on restart Meridian asks the client to resend from the last journaled
 * command, processes what the journal lacks, and ignores what it already had.
 */
@Timeout(120)
class JournalGapSystemTest
{
    private static final int LOST = 3;

    @Test
    void ordersArtioReceivedButTheJournalLostAreAskedForAgain(@TempDir final Path dir) throws Exception
    {
        final int fixPort = MeridianTestServer.freePort();
        final Path data = dir.resolve("meridian");
        final Path store = dir.resolve("client");
        try (FixVenueSimulator venue = new FixVenueSimulator(
            FixVenueSimulatorConfig.defaults().toBuilder().port(0).emptyBooks().build()).start())
        {
            final MeridianTestServer first = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port()).start().awaitVenueConnected();
            try (first; TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, store).start().awaitLogon())
            {
                for (int i = 0; i < 2 + LOST; i++)
                {
                    client.send(limit("gap-" + i, BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                    client.await("New", report("gap-" + i, '0'));
                }
            }
            cutJournalFromNewOrder(data.resolve("journal"), 2);

            try (MeridianTestServer second = new MeridianTestServer(
                data, fixPort, MeridianTestServer.freePort(), venue.port()).start().awaitVenueConnected())
            {
                assertThat(second.server().oms().queries().openOrders().get()).as("what the journal kept").hasSize(2);
                try (TestFixClient client = new TestFixClient(fixPort, MeridianTestServer.CLIENT, store).start()
                    .awaitLogon())
                {
                    for (int i = 2; i < 2 + LOST; i++)
                    {
                        final Message pendingNew = client.await("the lost order, processed from the resend",
                            report("gap-" + i, 'A'));
                        assertThat(field(pendingNew, 11)).isEqualTo("gap-" + i);
                    }
                    client.send(limit("after", BUY, "10", "AAPL", "180.00", TimeInForce.GOOD_TILL_CANCEL));
                    client.await("New", report("after", '0'));
                    assertThat(client.drain(300)).as("the two journaled orders are not processed again")
                        .noneMatch(m -> "gap-0".equals(field(m, 11)) || "gap-1".equals(field(m, 11)));
                }
                // the test's venue did receive the cut orders before (a real kill loses them before they are
                // sent) and refuses their ids a second time: what counts here is that Meridian has each once
                final List<String> known = new ArrayList<>();
                second.server().oms().queries().orders().get().forEach(o -> known.add(o.clOrdId()));
                assertThat(known).containsExactlyInAnyOrder("gap-0", "gap-1", "gap-2", "gap-3", "gap-4", "after");
            }
        }
    }

    /** Zeroes the journal from the {@code keep}+1-th NewOrder record on (a length of 0 ends a journal). */
    private static void cutJournalFromNewOrder(final Path journalDir, final int keep) throws IOException
    {
        final Path segment;
        try (Stream<Path> files = Files.list(journalDir))
        {
            segment = files.filter(p -> p.toString().endsWith(".journal")).sorted().reduce((a, b) -> b).orElseThrow();
        }
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size());
            mapped.order(ByteOrder.LITTLE_ENDIAN);
            int position = 0;
            int newOrders = 0;
            while (position + 32 <= mapped.capacity())
            {
                final int length = mapped.getInt(position);
                if (length <= 0)
                {
                    throw new AssertionError("journal ended before order " + (keep + 1));
                }
                if (mapped.getInt(position + 12) == RingCodec.NEW_ORDER && ++newOrders > keep)
                {
                    final ByteBuffer zeros = ByteBuffer.allocate(mapped.capacity() - position);
                    mapped.position(position);
                    mapped.put(zeros);
                    mapped.force();
                    return;
                }
                position += (length + 7) & ~7;
            }
        }
    }
}
