package io.meridian.venues.crypto;

import io.meridian.oms.model.OrdType;

import java.math.BigDecimal;

/**
 * A venue's trading rules for one symbol (Binance exchangeInfo PRICE_FILTER / LOT_SIZE / NOTIONAL,
 * OKX instruments tickSz / lotSz / minSz), checked before an order is sent. Bridge thread only.
 */
record SymbolFilter(
    String venueSymbol, BigDecimal tickSize, BigDecimal minPrice, BigDecimal maxPrice, BigDecimal stepSize,
    BigDecimal minQty, BigDecimal maxQty, BigDecimal minNotional)
{
    /** @return null when the order passes, else why not (the FIX reject's Text). */
    String check(final OrdType ordType, final long qty, final int qtyScale, final long price, final int priceScale)
    {
        final BigDecimal q = BigDecimal.valueOf(qty, qtyScale).stripTrailingZeros();
        if (positive(stepSize) && q.remainder(stepSize).signum() != 0)
        {
            return "LOT_SIZE: quantity " + q.toPlainString() + " is not a multiple of stepSize " + plain(stepSize);
        }
        if (positive(minQty) && q.compareTo(minQty) < 0)
        {
            return "LOT_SIZE: quantity " + q.toPlainString() + " below minQty " + plain(minQty);
        }
        if (positive(maxQty) && q.compareTo(maxQty) > 0)
        {
            return "LOT_SIZE: quantity " + q.toPlainString() + " above maxQty " + plain(maxQty);
        }
        if (ordType == OrdType.LIMIT)
        {
            final BigDecimal p = BigDecimal.valueOf(price, priceScale).stripTrailingZeros();
            if (positive(tickSize) && p.remainder(tickSize).signum() != 0)
            {
                return "PRICE_FILTER: price " + p.toPlainString() + " is not a multiple of tickSize " + plain(tickSize);
            }
            if (positive(minPrice) && p.compareTo(minPrice) < 0)
            {
                return "PRICE_FILTER: price " + p.toPlainString() + " below minPrice " + plain(minPrice);
            }
            if (positive(maxPrice) && p.compareTo(maxPrice) > 0)
            {
                return "PRICE_FILTER: price " + p.toPlainString() + " above maxPrice " + plain(maxPrice);
            }
            if (positive(minNotional) && p.multiply(q).compareTo(minNotional) < 0)
            {
                return "NOTIONAL: " + p.multiply(q).stripTrailingZeros().toPlainString() + " below minNotional " +
                    plain(minNotional);
            }
        }
        return null;
    }

    static BigDecimal decimal(final String text)
    {
        return text == null || text.isEmpty() ? null : new BigDecimal(text);
    }

    private static boolean positive(final BigDecimal value)
    {
        return value != null && value.signum() > 0;
    }

    private static String plain(final BigDecimal value)
    {
        return value.stripTrailingZeros().toPlainString();
    }
}
