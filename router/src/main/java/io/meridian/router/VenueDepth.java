package io.meridian.router;

/**
 * One venue's book for one instrument as the router sees it: up to {@code maxLevels} levels a side, best
 * first, prices and quantities as scaled longs in the Meridian instrument's scales, plus the venue's rules
 * for that instrument (tick, lot, minimum quantity and notional, taker and maker fee) and its
 * {@link VenueHealth}. Preallocated and reused: the owner clears it and appends levels on each refresh;
 * nothing allocates after construction. Single-threaded.
 */
public final class VenueDepth
{
    /** Fees are rates in parts per billion of notional: 1 bp = 100_000, 0.1% = 1_000_000. */
    public static final long FEE_ONE = 1_000_000_000L;
    public static final long FEE_PER_BP = 100_000L;

    final int venueId;
    final long[] bidPrice;
    final long[] bidQty;
    final long[] askPrice;
    final long[] askQty;
    int bidCount;
    int askCount;
    long tickSize;
    long lotSize;
    long minQty;
    long minNotional;
    int qtyScale;
    long takerFee;
    long makerFee;
    private final VenueHealth health = new VenueHealth();

    public VenueDepth(final int venueId, final int maxLevels)
    {
        if (maxLevels <= 0)
        {
            throw new IllegalArgumentException("maxLevels must be positive: " + maxLevels);
        }
        this.venueId = venueId;
        bidPrice = new long[maxLevels];
        bidQty = new long[maxLevels];
        askPrice = new long[maxLevels];
        askQty = new long[maxLevels];
    }

    /**
     * The venue's rules for the instrument, converted to the instrument's scales. 0 means no rule.
     *
     * @param tickSize    price increment, scaled like prices.
     * @param lotSize     quantity increment (Binance stepSize, OKX lotSz), scaled like quantities.
     * @param minQty      smallest order quantity, scaled like quantities.
     * @param minNotional smallest price x quantity, in quote units scaled like prices.
     * @param qtyScale    the instrument's quantity decimals (to compare notionals exactly).
     */
    public VenueDepth rules(
        final long tickSize, final long lotSize, final long minQty, final long minNotional, final int qtyScale)
    {
        if (tickSize < 0 || lotSize < 0 || minQty < 0 || minNotional < 0 || qtyScale < 0 ||
            qtyScale >= SmartRouter.POWERS_OF_TEN.length)
        {
            throw new IllegalArgumentException("rules out of range");
        }
        this.tickSize = tickSize;
        this.lotSize = lotSize;
        this.minQty = minQty;
        this.minNotional = minNotional;
        this.qtyScale = qtyScale;
        return this;
    }

    /** Fee rates in parts per billion ({@link #FEE_PER_BP} a basis point); negative is a rebate. */
    public VenueDepth fees(final long takerFee, final long makerFee)
    {
        if (Math.abs(takerFee) >= FEE_ONE || Math.abs(makerFee) >= FEE_ONE)
        {
            throw new IllegalArgumentException("fee out of range");
        }
        this.takerFee = takerFee;
        this.makerFee = makerFee;
        return this;
    }

    /** Empties both sides; rules, fees and health stay. */
    public VenueDepth clear()
    {
        bidCount = 0;
        askCount = 0;
        return this;
    }

    /**
     * Appends the next bid level (best first). False, and the level ignored, when the side is full, the
     * price or quantity is not positive, or the price is not strictly below the previous bid.
     */
    public boolean addBid(final long price, final long qty)
    {
        if (bidCount == bidPrice.length || price <= 0 || qty <= 0 ||
            (bidCount > 0 && price >= bidPrice[bidCount - 1]))
        {
            return false;
        }
        bidPrice[bidCount] = price;
        bidQty[bidCount] = qty;
        bidCount++;
        return true;
    }

    /** Appends the next ask level (best first, strictly ascending); false and ignored as for bids. */
    public boolean addAsk(final long price, final long qty)
    {
        if (askCount == askPrice.length || price <= 0 || qty <= 0 ||
            (askCount > 0 && price <= askPrice[askCount - 1]))
        {
            return false;
        }
        askPrice[askCount] = price;
        askQty[askCount] = qty;
        askCount++;
        return true;
    }

    public int venueId()
    {
        return venueId;
    }

    public VenueHealth health()
    {
        return health;
    }

    public int maxLevels()
    {
        return bidPrice.length;
    }

    public int bidCount()
    {
        return bidCount;
    }

    public int askCount()
    {
        return askCount;
    }

    public long bidPrice(final int level)
    {
        return bidPrice[level];
    }

    public long bidQty(final int level)
    {
        return bidQty[level];
    }

    public long askPrice(final int level)
    {
        return askPrice[level];
    }

    public long askQty(final int level)
    {
        return askQty[level];
    }

    public long tickSize()
    {
        return tickSize;
    }

    public long lotSize()
    {
        return lotSize;
    }

    public long minQty()
    {
        return minQty;
    }

    public long minNotional()
    {
        return minNotional;
    }

    public int qtyScale()
    {
        return qtyScale;
    }

    public long takerFee()
    {
        return takerFee;
    }

    public long makerFee()
    {
        return makerFee;
    }

    @Override
    public String toString()
    {
        return "VenueDepth{venue=" + venueId + ", bids=" + bidCount + ", asks=" + askCount + ", tick=" + tickSize +
            ", lot=" + lotSize + ", minQty=" + minQty + ", minNotional=" + minNotional + ", taker=" + takerFee +
            ", maker=" + makerFee + "}";
    }
}
