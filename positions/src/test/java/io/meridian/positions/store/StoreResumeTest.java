package io.meridian.positions.store;

import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static io.meridian.positions.store.StoreHarness.AAPL;
import static io.meridian.positions.store.StoreHarness.BTC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start keeps the store of the last run and applies only what it lacks. Differential: a seeded random
 * workload (orders, fills with fees on the quote asset, duplicates, venue reports, unknown-order fills,
 * reported balances) runs while the store files are copied at a random write, as a kill -9 would leave
 * them (an input half applied, the watermark behind, the writer still marked open); the copy replayed
 * over by the whole journal must equal, byte for byte (the store's state hash), the store the
 * uninterrupted run built and a store rebuilt from the journal alone.
 */
class StoreResumeTest
{
    private static final long BTC_1 = 100_000_000L;
    private static final String[] STORE_FILES = {SharedStore.ORDERS, SharedStore.FILLS, SharedStore.POSITIONS,
        SharedStore.BALANCES, SharedStore.VENUE_ORDERS, SharedStore.REPORTS, StoreMeta.FILE_NAME};

    @TempDir
    Path dir;

    @Test
    void aCleanRestartKeepsTheStoreAndReplaysNothingIntoIt() throws IOException
    {
        final long storeHash;
        final long lastSequence;
        try (StoreHarness h = new StoreHarness(dir))
        {
            assertThat(h.store.openedAs()).startsWith("rebuilt from the journal: no store descriptor");
            workload(h, new Random(7), 60);
            storeHash = h.reader.stateHash();
            lastSequence = h.oms.metrics().lastSequence();
        }
        try (StoreHarness h = new StoreHarness(dir))
        {
            assertThat(h.store.openedAs()).isEqualTo("kept: holds the journal up to sequence " + lastSequence);
            assertThat(h.store.resumeAfter()).isEqualTo(lastSequence);
            assertThat(h.reader.stateHash()).isEqualTo(storeHash);
            assertThat(h.writer.fillsRecorded()).as("nothing applied twice").isZero();
            assertThat(h.writer.duplicateFills()).isZero();
        }
        assertThat(rebuiltHash(dir.resolve("journal"), dir.resolve("rebuilt"))).isEqualTo(storeHash);
    }

    @Test
    void aStoreCutAtAnyWriteIsCompletedByTheReplayExactlyOnce() throws IOException
    {
        for (int seed = 1; seed <= 12; seed++)
        {
            final Path run = dir.resolve("run-" + seed);
            final Path cut = dir.resolve("cut-" + seed);
            final Random random = new Random(seed);
            final long expectedHash;
            final int writes;
            final int[] written = {0};
            final int cutAt = 1 + random.nextInt(250);
            try (StoreHarness h = new StoreHarness(run))
            {
                h.writer.afterEachWrite(() ->
                {
                    if (++written[0] == cutAt)
                    {
                        copyStore(run.resolve("store"), cut.resolve("store"));
                    }
                });
                workload(h, random, 80);
                expectedHash = h.reader.stateHash();
                writes = written[0];
            }
            assertThat(writes).as("seed %d: the cut falls inside the run", seed).isGreaterThanOrEqualTo(cutAt);
            copyDirectory(run.resolve("journal"), cut.resolve("journal"));

            try (StoreHarness h = new StoreHarness(cut))
            {
                assertThat(h.store.openedAs()).as("seed %d", seed)
                    .startsWith("kept after recovery (the last writer was killed;");
                assertThat(h.reader.stateHash()).as("seed %d, cut at write %d of %d", seed, cutAt, writes)
                    .isEqualTo(expectedHash);
            }
            assertThat(rebuiltHash(run.resolve("journal"), dir.resolve("rebuilt-" + seed))).isEqualTo(expectedHash);
        }
    }

    @Test
    void theStoreIsRebuiltWhenItIsAheadOfTheJournalOrFromAnotherOne() throws IOException
    {
        final long storeHash;
        try (StoreHarness h = new StoreHarness(dir.resolve("a")))
        {
            workload(h, new Random(3), 30);
            storeHash = h.reader.stateHash();
        }
        // the journal lost its tail (or was replaced): the store holds more than it, so it is rebuilt
        copyDirectory(dir.resolve("a").resolve("store"), dir.resolve("b").resolve("store"));
        try (StoreHarness h = new StoreHarness(dir.resolve("b")))
        {
            assertThat(h.store.openedAs()).isEqualTo("rebuilt from the journal: built from another journal");
            assertThat(h.reader.stateHash()).isZero();
        }
        // the same journal without its records: the store is ahead of it
        copyDirectory(dir.resolve("a").resolve("store"), dir.resolve("c").resolve("store"));
        Files.createDirectories(dir.resolve("c").resolve("journal"));
        Files.copy(dir.resolve("a").resolve("journal").resolve("journal.format"),
            dir.resolve("c").resolve("journal").resolve("journal.format"));
        try (StoreHarness h = new StoreHarness(dir.resolve("c")))
        {
            assertThat(h.store.openedAs()).matches("rebuilt from the journal: holds inputs up to \\d+, the journal ends at 0");
            assertThat(h.reader.stateHash()).isZero();
        }
        try (StoreHarness h = new StoreHarness(dir.resolve("a")))
        {
            assertThat(h.store.openedAs()).startsWith("kept");
            assertThat(h.reader.stateHash()).isEqualTo(storeHash);
        }
    }

    /** The store a replay of {@code journal} builds from nothing. */
    private static long rebuiltHash(final Path journal, final Path into) throws IOException
    {
        copyDirectory(journal, into.resolve("journal"));
        try (StoreHarness h = new StoreHarness(into, true))
        {
            return h.reader.stateHash();
        }
    }

    /** Random trading on two venues: orders, fills (some repeated), unknown-order fills, reported balances. */
    private static void workload(final StoreHarness h, final Random random, final int steps)
    {
        final List<String> children = new ArrayList<>();
        final List<Instrument> instrumentOf = new ArrayList<>();
        int trades = 0;
        for (int step = 0; step < steps; step++)
        {
            final int action = children.isEmpty() ? 0 : random.nextInt(10);
            if (action <= 2)
            {
                final boolean btc = random.nextBoolean();
                final Instrument instrument = btc ? BTC : AAPL;
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long qty = btc ? (1 + random.nextInt(5)) * BTC_1 / 10 : 100 * (1 + random.nextInt(5));
                final long price = btc ? 6_000_000 + random.nextInt(2_000) : 1_890_000 + random.nextInt(20_000);
                children.add(h.order("ACC" + random.nextInt(3), instrument, side, qty, price));
                instrumentOf.add(instrument);
            }
            else if (action <= 7)
            {
                final int i = random.nextInt(children.size());
                final boolean btc = instrumentOf.get(i) == BTC;
                final long qty = btc ? BTC_1 / 100 : 1 + random.nextInt(10);
                final long price = btc ? 6_000_000 + random.nextInt(2_000) : 1_890_000 + random.nextInt(20_000);
                // half the time the fee is in the quote asset: two changes of one balance record by one fill
                final String tradeId = "T" + (random.nextInt(4) == 0 && trades > 0 ? random.nextInt(trades) : ++trades);
                if (btc)
                {
                    h.fill(BTC.venueId(), children.get(i), tradeId, qty, price, 1 + random.nextInt(50), 2,
                        random.nextBoolean() ? "USDT" : "BNB");
                }
                else
                {
                    h.fill(AAPL.venueId(), children.get(i), tradeId, qty, price);
                }
            }
            else if (action == 8)
            {
                h.venueReport(BTC.venueId(), "UNKNOWN-" + random.nextInt(3), ExecType.TRADE, OrdStatus.FILLED,
                    "X" + random.nextInt(1_000), BTC_1 / 100, 6_000_000);
            }
            else
            {
                h.reportedBalance(BTC.venueId(), random.nextBoolean() ? "USDT" : "BTC", random.nextInt(1_000_000));
            }
        }
    }

    private static void copyStore(final Path from, final Path to)
    {
        try
        {
            Files.createDirectories(to);
            for (final String name : STORE_FILES)
            {
                Files.copy(from.resolve(name), to.resolve(name));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void copyDirectory(final Path from, final Path to) throws IOException
    {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from))
        {
            for (final Path file : files.toList())
            {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
