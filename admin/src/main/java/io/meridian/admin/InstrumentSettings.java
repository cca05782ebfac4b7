package io.meridian.admin;

import java.math.BigDecimal;

/**
 * One instrument as configured: decimals are given as human decimals and converted to scaled
 * longs once, at startup.
 */
public record InstrumentSettings(
    String symbol,
    String venue,
    int priceScale,
    int qtyScale,
    BigDecimal referencePrice,
    BigDecimal maxOrderQty,
    BigDecimal maxNotional,
    int collarBps)
{
}
