package io.meridian.oms.model;

/**
 * A tradable instrument: symbol, the decimal scales its prices and quantities are held in as
 * longs, the venue it routes to, and its static risk parameters.
 */
public final class Instrument
{
    private final int id;
    private final String symbol;
    private final int priceScale;
    private final int qtyScale;
    private final int venueId;
    private final long referencePrice;
    private final long maxOrderQty;
    private final long maxNotional;
    private final int collarBps;
    private final int[] legs;

    /**
     * @param id             dense index, 0..n-1.
     * @param symbol         FIX Symbol (55).
     * @param priceScale     decimals of price: 4 means 1 unit = 0.0001.
     * @param qtyScale       decimals of quantity.
     * @param venueId        dense venue index the router sends it to.
     * @param referencePrice scaled starting reference price for collars and market notional (0 = none).
     * @param maxOrderQty    scaled maximum quantity of one order.
     * @param maxNotional    maximum notional of one order in whole price units (qty * price).
     * @param collarBps      allowed distance of a limit price from the reference price, in basis points.
     */
    public Instrument(
        final int id, final String symbol, final int priceScale, final int qtyScale, final int venueId,
        final long referencePrice, final long maxOrderQty, final long maxNotional, final int collarBps)
    {
        this(id, symbol, priceScale, qtyScale, venueId, referencePrice, maxOrderQty, maxNotional, collarBps, new int[0]);
    }

    /**
     * A routed instrument: its orders are parent orders that the smart order router (venue {@code venueId})
     * places as child orders on the {@code legs}, single-venue instruments of the same scales.
     */
    public Instrument(
        final int id, final String symbol, final int priceScale, final int qtyScale, final int venueId,
        final long referencePrice, final long maxOrderQty, final long maxNotional, final int collarBps,
        final int[] legs)
    {
        this.legs = legs.clone();
        this.id = id;
        this.symbol = symbol;
        this.priceScale = priceScale;
        this.qtyScale = qtyScale;
        this.venueId = venueId;
        this.referencePrice = referencePrice;
        this.maxOrderQty = maxOrderQty;
        this.maxNotional = maxNotional;
        this.collarBps = collarBps;
    }

    public int id()
    {
        return id;
    }

    public String symbol()
    {
        return symbol;
    }

    public int priceScale()
    {
        return priceScale;
    }

    public int qtyScale()
    {
        return qtyScale;
    }

    public int venueId()
    {
        return venueId;
    }

    public long referencePrice()
    {
        return referencePrice;
    }

    public long maxOrderQty()
    {
        return maxOrderQty;
    }

    public long maxNotional()
    {
        return maxNotional;
    }

    public int collarBps()
    {
        return collarBps;
    }

    /** Whether orders for it are routed across {@link #legCount()} venue instruments. */
    public boolean routed()
    {
        return legs.length > 0;
    }

    public int legCount()
    {
        return legs.length;
    }

    /** The instrument id of leg {@code i}. */
    public int leg(final int i)
    {
        return legs[i];
    }

    public String toString()
    {
        return "Instrument{" + id + " " + symbol + " px/" + priceScale + " qty/" + qtyScale + " venue=" + venueId + "}";
    }
}
