package io.meridian.oms.api;

/**
 * A copy of one instrument's venue trading rules, filled by {@link TradingRules#read}. Owned and reused by
 * the reader: reading allocates nothing. Each rule is a scaled long in the instrument's scales, 0 = no rule:
 * tick size like prices, lot size and minimum quantity like quantities, minimum notional in quote units
 * scaled like prices ({@code qty x price / 10^qtyScale >= minNotional}), the form the router's
 * {@code VenueDepth.rules} takes.
 */
public final class InstrumentRules
{
    long tickSize;
    long lotSize;
    long minQty;
    long minNotional;

    public long tickSize()
    {
        return tickSize;
    }

    /** The quantity increment (Binance stepSize, OKX lotSz). */
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

    @Override
    public String toString()
    {
        return "InstrumentRules{tick=" + tickSize + ", lot=" + lotSize + ", minQty=" + minQty + ", minNotional=" +
            minNotional + "}";
    }
}
