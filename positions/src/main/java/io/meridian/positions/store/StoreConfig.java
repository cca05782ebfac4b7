package io.meridian.positions.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the shared store lives and how many entries each map is sized for. Chronicle Map files are
 * sparse: the sizes reserve address space, the disk fills as entries arrive; each map may grow to
 * {@code maxBloatFactor} times its size before puts fail.
 */
public final class StoreConfig
{
    private Path dir = Path.of("data", "store");
    private long orders = 100_000;
    private long fills = 500_000;
    private long positions = 10_000;
    private long balances = 1_000;
    private long reports = 500_000;
    private double maxBloatFactor = 10;
    private String defaultQuoteAsset = "USD";

    public Path dir()
    {
        return dir;
    }

    public StoreConfig dir(final Path dir)
    {
        this.dir = Objects.requireNonNull(dir);
        return this;
    }

    /** entries of the orders map and of the venue-view map */
    public long orders()
    {
        return orders;
    }

    public StoreConfig orders(final long orders)
    {
        this.orders = orders;
        return this;
    }

    public long fills()
    {
        return fills;
    }

    public StoreConfig fills(final long fills)
    {
        this.fills = fills;
        return this;
    }

    public long positions()
    {
        return positions;
    }

    public StoreConfig positions(final long positions)
    {
        this.positions = positions;
        return this;
    }

    public long balances()
    {
        return balances;
    }

    public StoreConfig balances(final long balances)
    {
        this.balances = balances;
        return this;
    }

    /**
     * ExecutionReports kept in the order report history ({@code reports.cm3}); a hard bound: once the map
     * holds this many, later reports are not recorded (counted, logged once), the order path goes on.
     */
    public long reports()
    {
        return reports;
    }

    public StoreConfig reports(final long reports)
    {
        this.reports = reports;
        return this;
    }

    public double maxBloatFactor()
    {
        return maxBloatFactor;
    }

    public StoreConfig maxBloatFactor(final double maxBloatFactor)
    {
        this.maxBloatFactor = maxBloatFactor;
        return this;
    }

    /**
     * quote asset of instruments whose symbol names none (AAPL trades in USD); a symbol BASE-QUOTE or
     * BASE/QUOTE names both.
     */
    public String defaultQuoteAsset()
    {
        return defaultQuoteAsset;
    }

    public StoreConfig defaultQuoteAsset(final String defaultQuoteAsset)
    {
        this.defaultQuoteAsset = Objects.requireNonNull(defaultQuoteAsset);
        return this;
    }
}
