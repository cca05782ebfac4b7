package io.meridian.positions.store;

import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared off-heap store: five persisted Chronicle Maps under one directory.
 * <ul>
 *   <li>{@code orders.cm3}: OrderID -&gt; {@link OrderRecord} (current state)</li>
 *   <li>{@code fills.cm3}: {@code venueId|venueTradeId} -&gt; {@link FillRecord} (the fill ledger)</li>
 *   <li>{@code positions.cm3}: {@code account|venueId|instrumentId} -&gt; {@link PositionRecord},
 *       venueId {@code *} for the position over all venues</li>
 *   <li>{@code balances.cm3}: {@code venueId|asset} -&gt; {@link BalanceRecord}</li>
 *   <li>{@code venue-orders.cm3}: OrderID -&gt; {@link VenueOrderRecord} (the venue's last view)</li>
 * </ul>
 * The store is a projection of the journal: the writer ({@link #createForWriter}) deletes and
 * recreates the files, then the journal replay fills them again, so no lock or half-applied update
 * left by a killed process survives a restart. Only the sequencer thread writes (through
 * {@link StoreWriter}); other threads and processes read. Another process opens the files with
 * {@link #openForReading(Path)} and must only read; it sees updates live, and must reopen after a
 * Meridian restart (the files are replaced). See docs/store.md.
 */
public final class SharedStore implements AutoCloseable
{
    public static final String ORDERS = "orders.cm3";
    public static final String FILLS = "fills.cm3";
    public static final String POSITIONS = "positions.cm3";
    public static final String BALANCES = "balances.cm3";
    public static final String VENUE_ORDERS = "venue-orders.cm3";

    private final Path dir;
    private final ChronicleMap<CharSequence, OrderRecord> orders;
    private final ChronicleMap<CharSequence, FillRecord> fills;
    private final ChronicleMap<CharSequence, PositionRecord> positions;
    private final ChronicleMap<CharSequence, BalanceRecord> balances;
    private final ChronicleMap<CharSequence, VenueOrderRecord> venueOrders;
    private final String defaultQuoteAsset;

    private SharedStore(final Path dir, final StoreConfig config, final boolean create)
    {
        this.dir = dir;
        this.defaultQuoteAsset = config.defaultQuoteAsset();
        ChronicleMap<CharSequence, OrderRecord> o = null;
        ChronicleMap<CharSequence, FillRecord> f = null;
        ChronicleMap<CharSequence, PositionRecord> p = null;
        ChronicleMap<CharSequence, BalanceRecord> b = null;
        try
        {
            o = open(builder(OrderRecord.class, "orders", config.orders(), "T4ZK1Q.1234567", sampleOrder(), config),
                ORDERS, create);
            f = open(builder(FillRecord.class, "fills", config.fills(), "1|EXEC-000000123456", sampleFill(), config),
                FILLS, create);
            p = open(builder(PositionRecord.class, "positions", config.positions(), "ACCOUNT-1|1|12",
                samplePosition(), config), POSITIONS, create);
            b = open(builder(BalanceRecord.class, "balances", config.balances(), "1|USDT", sampleBalance(), config),
                BALANCES, create);
            venueOrders = open(builder(VenueOrderRecord.class, "venue-orders", config.orders(), "T4ZK1Q.1234567",
                sampleVenueOrder(), config), VENUE_ORDERS, create);
        }
        catch (final RuntimeException ex)
        {
            closeAll(o, f, p, b);
            throw ex;
        }
        orders = o;
        fills = f;
        positions = p;
        balances = b;
    }

    /** Deletes any existing store files under {@code config.dir()} and creates empty maps: the journal refills them. */
    public static SharedStore createForWriter(final StoreConfig config)
    {
        try
        {
            Files.createDirectories(config.dir());
            for (final String name : new String[] {ORDERS, FILLS, POSITIONS, BALANCES, VENUE_ORDERS})
            {
                Files.deleteIfExists(config.dir().resolve(name));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return new SharedStore(config.dir(), config, true);
    }

    /**
     * Opens the store a running (or stopped) Meridian wrote, for reading from another process: the
     * map sizes come from the files. Never write through it.
     */
    public static SharedStore openForReading(final Path dir)
    {
        for (final String name : new String[] {ORDERS, FILLS, POSITIONS, BALANCES, VENUE_ORDERS})
        {
            if (!Files.isRegularFile(dir.resolve(name)))
            {
                throw new IllegalStateException("no Meridian store at " + dir + " (missing " + name + ")");
            }
        }
        return new SharedStore(dir, new StoreConfig().dir(dir), false);
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

    public void close()
    {
        closeAll(orders, fills, positions, balances, venueOrders);
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
            // them under a running sequencer at SIGTERM (the store is rebuilt from the journal at start anyway)
            .skipCloseOnExitHook(true);
    }

    private <V> ChronicleMap<CharSequence, V> open(
        final ChronicleMapBuilder<CharSequence, V> builder, final String file, final boolean create)
    {
        try
        {
            return builder.createPersistedTo(dir.resolve(file).toFile());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot " + (create ? "create" : "open") + " store map " + dir.resolve(file), ex);
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

    private static VenueOrderRecord sampleVenueOrder()
    {
        final VenueOrderRecord r = new VenueOrderRecord();
        r.orderId.append("T4ZK1Q.1234567");
        r.venueClOrdId.append("T4ZK1Q.1234567-1");
        r.venueOrderId.append("VENUE-ORDER-0000001");
        return r;
    }
}
