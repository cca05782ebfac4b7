package io.meridian.admin;

import java.math.BigDecimal;

/**
 * One instrument as configured: decimals are given as human decimals and converted to scaled
 * longs once, at startup. The trading rules (tick size, lot size, minimum quantity and notional) are
 * optional, null when not configured: published for the router at start, and replaced by a crypto venue's
 * own once it has loaded them.
 */
public record InstrumentSettings(
    String symbol,
    String venue,
    int priceScale,
    int qtyScale,
    BigDecimal referencePrice,
    BigDecimal maxOrderQty,
    BigDecimal maxNotional,
    int collarBps,
    BigDecimal tickSize,
    BigDecimal lotSize,
    BigDecimal minQty,
    BigDecimal minNotional)
{
    /** Without trading rules. */
    public InstrumentSettings(
        final String symbol, final String venue, final int priceScale, final int qtyScale,
        final BigDecimal referencePrice, final BigDecimal maxOrderQty, final BigDecimal maxNotional, final int collarBps)
    {
        this(symbol, venue, priceScale, qtyScale, referencePrice, maxOrderQty, maxNotional, collarBps, null, null, null,
            null);
    }

    /** True when any trading rule is configured. */
    public boolean hasTradingRules()
    {
        return tickSize != null || lotSize != null || minQty != null || minNotional != null;
    }

    public InstrumentSettings withTradingRules(
        final BigDecimal tickSize, final BigDecimal lotSize, final BigDecimal minQty, final BigDecimal minNotional)
    {
        return new InstrumentSettings(symbol, venue, priceScale, qtyScale, referencePrice, maxOrderQty, maxNotional,
            collarBps, tickSize, lotSize, minQty, minNotional);
    }
}
