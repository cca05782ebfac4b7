package io.meridian.positions.store;

import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared off-heap store: six persisted Chronicle Maps under one directory.
 * <ul>
 *   <li>{@code orders.cm3}: OrderID -&gt; {@link OrderRecord} (current state)</li>
 *   <li>{@code fills.cm3}: {@code venueId|venueTradeId} -&gt; {@link FillRecord} (the fill ledger)</li>
 *   <li>{@code positions.cm3}: {@code account|venueId|instrumentId} -&gt; {@link PositionRecord},
 *       venueId {@code *} for the position over all venues</li>
 *   <li>{@code balances.cm3}: {@code venueId|asset} -&gt; {@link BalanceRecord}</li>
 *   <li>{@code venue-orders.cm3}: OrderID -&gt; {@link VenueOrderRecord} (the venue's last view)</li>
 *   <li>{@code reports.cm3}: {@code OrderID|index} -&gt; {@link ReportRecord} (every ExecutionReport sent
 *       the client for the order, index from 1; at most {@link StoreConfig#reports()})</li>
 * </ul>
 * The store is a projection of the journal, described by {@code store.meta} ({@link StoreMeta}: which
 * journal, applied up to which sequence). The writer ({@link #openForWriter}) keeps the maps of the
 * last run when they project this journal, so a start replays the journal over them and applies only
 * what they lack; otherwise it recreates them and the replay fills them again. Only the sequencer
 * thread writes (through {@link StoreWriter}); other threads and processes read. Another process opens
 * the files with {@link #openForReading(Path)} and must only read; it sees updates live, and must
 * reopen after a Meridian restart that rebuilt the store (the files are then replaced). See
 * docs/store.md.
 */
public final class SharedStore implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(SharedStore.class);

    public static final String ORDERS = "orders.cm3";
    public static final String FILLS = "fills.cm3";
    public static final String POSITIONS = "positions.cm3";
    public static final String BALANCES = "balances.cm3";
    public static final String VENUE_ORDERS = "venue-orders.cm3";
    public static final String REPORTS = "reports.cm3";
    private static final String[] MAP_FILES = {ORDERS, FILLS, POSITIONS, BALANCES, VENUE_ORDERS, REPORTS};

    private final Path dir;
    private final ChronicleMap<CharSequence, OrderRecord> orders;
    private final ChronicleMap<CharSequence, FillRecord> fills;
    private final ChronicleMap<CharSequence, PositionRecord> positions;
    private final ChronicleMap<CharSequence, BalanceRecord> balances;
    private final ChronicleMap<CharSequence, VenueOrderRecord> venueOrders;
    private final ChronicleMap<CharSequence, ReportRecord> reports;
    private final long reportCapacity;
    private final String defaultQuoteAsset;
    /** null for a reader, and once closed */
    private StoreMeta meta;
    private long corruptions;
    private long counterRepairs;
    private long resumeAfter;
    private String openedAs = "created";

    private enum Mode
    {
        CREATE, OPEN, RECOVER, READ
    }

    private SharedStore(final Path dir, final StoreConfig config, final Mode mode, final StoreMeta meta)
    {
        this.dir = dir;
        this.meta = meta;
        this.defaultQuoteAsset = config.defaultQuoteAsset();
        this.reportCapacity = config.reports();
        ChronicleMap<CharSequence, OrderRecord> o = null;
        ChronicleMap<CharSequence, FillRecord> f = null;
        ChronicleMap<CharSequence, PositionRecord> p = null;
        ChronicleMap<CharSequence, BalanceRecord> b = null;
        ChronicleMap<CharSequence, VenueOrderRecord> v = null;
        try
        {
            o = open(builder(OrderRecord.class, "orders", config.orders(), "T4ZK1Q.1234567", sampleOrder(), config),
                ORDERS, mode);
            f = open(builder(FillRecord.class, "fills", config.fills(), "1|EXEC-000000123456", sampleFill(), config),
                FILLS, mode);
            p = open(builder(PositionRecord.class, "positions", config.positions(), "ACCOUNT-1|1|12",
                samplePosition(), config), POSITIONS, mode);
            b = open(builder(BalanceRecord.class, "balances", config.balances(), "1|USDT", sampleBalance(), config),
                BALANCES, mode);
            v = open(builder(VenueOrderRecord.class, "venue-orders", config.orders(), "T4ZK1Q.1234567",
                sampleVenueOrder(), config), VENUE_ORDERS, mode);
            reports = open(builder(ReportRecord.class, "reports", config.reports(), "T4ZK1Q.1234567|12",
                sampleReport(), config), REPORTS, mode);
        }
        catch (final RuntimeException ex)
        {
            closeAll(o, f, p, b, v);
            throw ex;
        }
        venueOrders = v;
        orders = o;
        fills = f;
        positions = p;
        balances = b;
    }

    /**
     * The writer's store for the journal created at {@code journalId} (epoch millis) that ends at
     * {@code journalLastSequence}. The maps the last run left are kept when they are a projection of this
     * very journal, written in this boot of the machine with this layout: the replay then applies only
     * what they lack ({@link #resumeAfter()}; records carry the stamp of the input that last changed them,
     * so an input the killed writer had half applied is completed, not applied twice). A writer that was
     * killed leaves its maps to be recovered (Chronicle Map's recovery of locks and segments); any
     * corruption it reports, or any other mismatch, and the maps are deleted and created empty for the
     * replay to refill. {@link #openedAs()} says which happened and why.
     */
    public static SharedStore openForWriter(final StoreConfig config, final long journalId, final long journalLastSequence)
    {
        final Path dir = config.dir();
        createDirectories(dir);
        final StoreMeta meta = StoreMeta.open(dir);
        String reason = meta == null ? "no store descriptor" : meta.mismatch(journalId, journalLastSequence);
        for (int i = 0; reason == null && i < MAP_FILES.length; i++)
        {
            if (!Files.isRegularFile(dir.resolve(MAP_FILES[i])))
            {
                reason = "missing " + MAP_FILES[i];
            }
        }
        if (reason == null)
        {
            final boolean killed = meta.writerWasOpen();
            try
            {
                final SharedStore store = new SharedStore(dir, config, killed ? Mode.RECOVER : Mode.OPEN, meta);
                if (store.corruptions == 0)
                {
                    meta.writerOpen(true);
                    store.resumeAfter = meta.appliedThrough();
                    store.openedAs = "kept" + (killed ? " after recovery (the last writer was killed; " +
                        store.counterRepairs + " segment counters repaired)" : "") +
                        ": holds the journal up to sequence " + store.resumeAfter;
                    return store;
                }
                reason = store.corruptions + " corruptions found by recovery";
                store.closeMaps();
            }
            catch (final RuntimeException ex)
            {
                reason = "unreadable (" + ex.getMessage() + ")";
            }
        }
        if (meta != null)
        {
            meta.close();
        }
        deleteMaps(dir);
        final SharedStore store = new SharedStore(dir, config, Mode.CREATE, StoreMeta.create(dir, journalId));
        store.openedAs = "rebuilt from the journal: " + reason;
        return store;
    }

    /** Deletes any existing store files under {@code config.dir()} and creates empty maps, for a journal replay to fill. */
    public static SharedStore createForWriter(final StoreConfig config)
    {
        createDirectories(config.dir());
        deleteMaps(config.dir());
        return new SharedStore(config.dir(), config, Mode.CREATE, StoreMeta.create(config.dir(), 0));
    }

    private static void createDirectories(final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void deleteMaps(final Path dir)
    {
        try
        {
            for (final String name : MAP_FILES)
            {
                Files.deleteIfExists(dir.resolve(name));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** The journal sequence up to which the maps already hold every input (0: built empty). */
    public long resumeAfter()
    {
        return resumeAfter;
    }

    /** How the writer's open went: kept (and up to which sequence) or rebuilt (and why); for the start-up log. */
    public String openedAs()
    {
        return openedAs;
    }

    /** Writer: every input up to {@code sequence} is in the maps. */
    void appliedThrough(final long sequence)
    {
        if (meta != null)
        {
            meta.appliedThrough(sequence);
        }
    }

    /**
     * Opens the store a running (or stopped) Meridian wrote, for reading from another process: the
     * map sizes come from the files. Never write through it.
     */
    public static SharedStore openForReading(final Path dir)
    {
        for (final String name : MAP_FILES)
        {
            if (!Files.isRegularFile(dir.resolve(name)))
            {
                throw new IllegalStateException("no Meridian store at " + dir + " (missing " + name + ")");
            }
        }
        return new SharedStore(dir, new StoreConfig().dir(dir), Mode.READ, null);
    }

    public Path dir()
    {
        return dir;
    }

    public String defaultQuoteAsset()
    {
        return defaultQuoteAsset;
    }

    public ChronicleMap<CharSequence, OrderRecord> orders()
    {
        return orders;
    }

    public ChronicleMap<CharSequence, FillRecord> fills()
    {
        return fills;
    }

    public ChronicleMap<CharSequence, PositionRecord> positions()
    {
        return positions;
    }

    public ChronicleMap<CharSequence, BalanceRecord> balances()
    {
        return balances;
    }

    public ChronicleMap<CharSequence, VenueOrderRecord> venueOrders()
    {
        return venueOrders;
    }

    /** Every ExecutionReport sent the client, by {@code OrderID|index}. */
    public ChronicleMap<CharSequence, ReportRecord> reports()
    {
        return reports;
    }

    /** At most this many reports are kept ({@link StoreConfig#reports()}); later ones are dropped. */
    public long reportCapacity()
    {
        return reportCapacity;
    }

    /** Closes the maps; a writer then marks the store closed cleanly (no recovery needed at the next open). */
    public void close()
    {
        closeMaps();
        if (meta != null)
        {
            meta.writerOpen(false);
            meta.force();
            meta.close();
            meta = null;
        }
    }

    private void closeMaps()
    {
        closeAll(orders, fills, positions, balances, venueOrders, reports);
    }

    private static void closeAll(final ChronicleMap<?, ?>... maps)
    {
        for (final ChronicleMap<?, ?> map : maps)
        {
            if (map != null)
            {
                map.close();
            }
        }
    }

    private static <V extends StoreRecord> ChronicleMapBuilder<CharSequence, V> builder(
        final Class<V> valueClass, final String name, final long entries, final String sampleKey, final V sampleValue,
        final StoreConfig config)
    {
        return ChronicleMap.of(CharSequence.class, valueClass)
            .name(name)
            .entries(Math.max(entries, 16))
            .averageKey(sampleKey)
            .averageValue(sampleValue)
            .maxBloatFactor(config.maxBloatFactor())
            // the writer closes the maps after the sequencer stopped; Chronicle's own exit hook would close
            // them under a running sequencer at SIGTERM (a store not closed is recovered at the next start)
            .skipCloseOnExitHook(true);
    }

    /**
     * Recovery's repairs of a segment's bookkeeping (its entry count, its lowest free chunk hint), which a
     * writer that dies between two writes routinely leaves behind: recomputed from the entries, no entry
     * lost. Every other finding (a checksum that does not match, an entry out of range, duplicate keys)
     * removed an entry: the store then no longer holds what its watermark says.
     */
    private static boolean isCounterRepair(final String message)
    {
        return message.startsWith("wrong lowest free chunk for tier") ||
            message.startsWith("Wrong number of entries counter for tier");
    }

    private <V> ChronicleMap<CharSequence, V> open(
        final ChronicleMapBuilder<CharSequence, V> builder, final String file, final Mode mode)
    {
        final java.io.File path = dir.resolve(file).toFile();
        try
        {
            if (mode == Mode.RECOVER)
            {
                // the file's own header describes it (the configured sizes may have changed since)
                return builder.recoverPersistedTo(path, false, corruption ->
                {
                    if (isCounterRepair(corruption.message()))
                    {
                        counterRepairs++;
                    }
                    else
                    {
                        corruptions++;
                        LOG.warn("event=store_corruption file={} {}", file, corruption.message());
                    }
                });
            }
            return builder.createPersistedTo(path);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot " + mode.name().toLowerCase(java.util.Locale.ROOT) + " store map " +
                dir.resolve(file), ex);
        }
    }

    private static OrderRecord sampleOrder()
    {
        final OrderRecord r = new OrderRecord();
        r.orderId.append("T4ZK1Q.1234567");
        r.clOrdId.append("CLIENT-ORDER-000001");
        r.account.append("ACCOUNT-1");
        r.symbol.append("BTC-USDT");
        r.venueOrderId.append("VENUE-ORDER-0000001");
        r.rejectReason.append("NONE");
        return r;
    }

    private static FillRecord sampleFill()
    {
        final FillRecord r = new FillRecord();
        r.venueTradeId.append("EXEC-000000123456");
        r.venueOrderId.append("VENUE-ORDER-0000001");
        r.orderId.append("T4ZK1Q.1234567");
        r.venueClOrdId.append("T4ZK1Q.1234567-1");
        r.account.append("ACCOUNT-1");
        r.symbol.append("BTC-USDT");
        r.feeAsset.append("USDT");
        return r;
    }

    private static PositionRecord samplePosition()
    {
        return new PositionRecord().init("ACCOUNT-1", 1, 12, "BTC-USDT", 2, 8);
    }

    private static BalanceRecord sampleBalance()
    {
        return new BalanceRecord().init(1, "USDT");
    }

    private static ReportRecord sampleReport()
    {
        final ReportRecord r = new ReportRecord();
        r.orderId.append("T4ZK1Q.1234567");
        r.execId.append("E12345678");
        r.clOrdId.append("CLIENT-ORDER-000001");
        r.lastMkt.append("VENUE");
        r.text.append("a reject text of average length");
        return r;
    }

    private static VenueOrderRecord sampleVenueOrder()
    {
        final VenueOrderRecord r = new VenueOrderRecord();
        r.orderId.append("T4ZK1Q.1234567");
        r.venueClOrdId.append("T4ZK1Q.1234567-1");
        r.venueOrderId.append("VENUE-ORDER-0000001");
        return r;
    }
}
