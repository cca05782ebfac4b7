package io.meridian.oms;

import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journals written by the builds that introduced format versions 3 (v2 was never released on main),
 * 4 (the MassCancel record) and 5 (its ACCOUNT scope, with the account's name), checked in under
 * src/test/resources/journal-fixture/v3, v4 and v5: every later build must replay them to the same orders. When
 * the format changes on purpose, bump JournalFormat.VERSION, keep this fixture (and migrate it, or
 * refuse it with a message, as the version check does), and add a new fixture beside it.
 * Regenerate only with {@code -Dmeridian.writeJournalFixture=true} (writes into src/test/resources).
 */
class JournalFixtureTest
{
    private static final Path FIXTURES = Path.of("src", "test", "resources", "journal-fixture");
    /** The fixture this build writes when asked to (-Dmeridian.writeJournalFixture=true). */
    private static final Path FIXTURE = FIXTURES.resolve("v" + io.meridian.oms.journal.JournalFormat.VERSION);

    @TempDir
    Path dir;

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"v3", "v4", "v5"})
    void replaysTheCheckedInJournalToTheSameOrders(final String version) throws IOException
    {
        final Path fixture = FIXTURES.resolve(version);
        if (Boolean.getBoolean("meridian.writeJournalFixture") && fixture.equals(FIXTURE))
        {
            writeFixture();
        }
        final Path journal = dir.resolve("journal");
        Files.createDirectories(journal);
        try (Stream<Path> files = Files.list(fixture.resolve("journal")))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                Files.copy(file, journal.resolve(file.getFileName()));
            }
        }
        try (Harness h = new Harness(config(journal), false))
        {
            assertThat(h.recovered).isEqualTo(Integer.parseInt(expected(fixture, "records")));
            assertThat(describe(h)).containsExactlyElementsOf(
                Files.readAllLines(fixture.resolve("expected-orders.txt"), StandardCharsets.UTF_8));
            assertThat(Long.toHexString(h.stateHash())).isEqualTo(expected(fixture, "stateHash"));
        }
    }

    private static OmsConfig config(final Path journal)
    {
        return new OmsConfig().journalDir(journal).maxOrders(1_000).ringCapacityBytes(1 << 16)
            .journalSegmentBytes(16 * 1024).orderIdPrefix("FX");
    }

    private static String expected(final Path fixture, final String key) throws IOException
    {
        for (final String line : Files.readAllLines(fixture.resolve("expected.properties")))
        {
            if (line.startsWith(key + "="))
            {
                return line.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key);
    }

    private static List<String> describe(final Harness h)
    {
        final List<String> lines = new ArrayList<>();
        for (final OrderSnapshot o : h.get(h.oms.queries().orders()))
        {
            lines.add(String.join("|", o.orderId(), String.valueOf(o.clientId()), o.clOrdId(), o.origClOrdId(),
                o.account(), o.symbol(), String.valueOf(o.side()), String.valueOf(o.ordType()),
                String.valueOf(o.timeInForce()), Long.toString(o.orderQty()), Long.toString(o.price()),
                Long.toString(o.cumQty()), Long.toString(o.leavesQty()), Long.toString(o.avgPx()),
                String.valueOf(o.ordStatus()), o.venueOrderId(), String.valueOf(o.rejectReason()), o.text()));
        }
        return lines;
    }

    /** The scenario: every input type, fills with fees, a cancel, a replace, rejects, a venue drop. */
    private static void writeFixture() throws IOException
    {
        final Path journal = FIXTURE.resolve("journal");
        if (Files.exists(journal))
        {
            try (Stream<Path> files = Files.list(journal))
            {
                for (final Path file : (Iterable<Path>)files::iterator)
                {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(journal);
        final List<String> orders;
        final long hash;
        final int records;
        try (Harness h = new Harness(config(journal), false))
        {
            h.sessionState(0, true);
            h.sessionState(1, true);
            final String a = h.buy(1, "A1", 100, 1_500_000);
            h.venue(ExecType.NEW, a + "-1");
            h.fill(a + "-1", "EX-1", 40, 1_500_000);
            h.fill(a + "-1", "EX-1", 40, 1_500_000);
            h.submit(h.replace(1, "A2", "A1", 150, 1_501_000));
            h.venue(ExecType.REPLACED, a + "-2", a + "-1");
            h.fill(a + "-2", "EX-2", 110, 1_501_000);
            h.submit(h.newOrder(2, "B1", TestSupport.CRYPTO, Side.SELL, 25_000_000, 5_000_000));
            final String b = h.reports.lastEr().orderId();
            final VenueExecution ack = h.execution(1, ExecType.NEW, b + "-1");
            h.submit(ack);
            final VenueExecution fill = h.execution(1, ExecType.TRADE, b + "-1");
            fill.venueExecId.append("BX-1");
            fill.lastQty = 10_000_000;
            fill.lastPx = 5_000_100;
            fill.fee = 125;
            fill.feeScale = 4;
            fill.feeAsset.append("USD");
            h.submit(fill);
            h.submit(h.cancel(2, "B2", "B1"));
            final VenueExecution canceled = h.execution(1, ExecType.CANCELED, b + "-2");
            canceled.origClOrdId.append(b).append("-1");
            h.submit(canceled);
            h.submit(h.newOrder(1, "C1", null, Side.BUY, 1, 1));
            h.submit(h.newOrder(1, "A1", TestSupport.EQUITY, Side.BUY, 1, 1_500_000));
            h.status(1, "A2", "", "S1");
            h.sessionState(0, false);
            h.buy(1, "D1", 5, 1_500_000);
            // format 4: an operator's mass cancel of the connected venue's open orders
            h.submit(h.newOrder(2, "E1", TestSupport.CRYPTO, Side.BUY, 10_000_000, 4_000_000));
            final String e = h.reports.lastEr().orderId();
            h.submit(h.execution(1, ExecType.NEW, e + "-1"));
            h.massCancel(io.meridian.oms.model.MassCancelScope.VENUE, 1);
            final VenueExecution operatorCancel = h.execution(1, ExecType.CANCELED, e + "-2");
            operatorCancel.origClOrdId.append(e).append("-1");
            h.submit(operatorCancel);
            // format 5: the operator's mass cancel of an account's open orders, the account by name
            final String f = h.buy(1, "F1", 7, 1_500_000);
            h.venue(ExecType.NEW, f + "-1");
            h.massCancelAccount("ACC1");
            orders = describe(h);
            hash = h.stateHash();
            records = (int)h.oms.metrics().journalRecords();
        }
        Files.write(FIXTURE.resolve("expected-orders.txt"), orders, StandardCharsets.UTF_8);
        Files.write(FIXTURE.resolve("expected.properties"),
            List.of("records=" + records, "stateHash=" + Long.toHexString(hash)), StandardCharsets.UTF_8);
    }
}
