package io.meridian.positions;

import java.math.BigDecimal;

/**
 * Immutable view of one position. Quantities are scaled by {@code qtyScale}; notionals are exact
 * sums of qty * price in whole price units (BigDecimal, so they never overflow).
 *
 * @param netQty         bought minus sold (SELL and SELL_SHORT), scaled.
 * @param boughtNotional sum of qty * price over buys.
 * @param soldNotional   sum of qty * price over sells.
 */
public record PositionRow(
    String account,
    int instrumentId,
    String symbol,
    int priceScale,
    int qtyScale,
    long netQty,
    long boughtQty,
    long soldQty,
    BigDecimal boughtNotional,
    BigDecimal soldNotional,
    long fills)
{
}
