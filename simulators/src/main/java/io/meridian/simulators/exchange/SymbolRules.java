package io.meridian.simulators.exchange;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Trading rules of one symbol. Every price and quantity is a scaled long ({@link Amounts#SCALE}).
 *
 * @param pricePrecision decimals the venue prints prices with
 * @param qtyPrecision   decimals the venue prints quantities with
 * @param tickSize       prices must be multiples of this
 * @param stepSize       quantities must be multiples of this
 * @param minNotional    price * quantity must reach this (market orders: at the estimated average price)
 */
public record SymbolRules(
    String symbol,
    String baseAsset,
    String quoteAsset,
    int pricePrecision,
    int qtyPrecision,
    long tickSize,
    long minPrice,
    long maxPrice,
    long stepSize,
    long minQty,
    long maxQty,
    long minNotional) {

    public SymbolRules {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        if (tickSize <= 0 || stepSize <= 0) {
            throw new IllegalArgumentException("tick and step sizes must be positive: " + symbol);
        }
    }

    /** Rules from decimal strings; precisions follow the tick and step sizes. */
    public static SymbolRules of(String symbol, String baseAsset, String quoteAsset, String tickSize, String minPrice,
                                 String maxPrice, String stepSize, String minQty, String maxQty, String minNotional) {
        return new SymbolRules(symbol, baseAsset, quoteAsset,
            Math.max(0, new BigDecimal(tickSize).stripTrailingZeros().scale()),
            Math.max(0, new BigDecimal(stepSize).stripTrailingZeros().scale()),
            Amounts.of(tickSize), Amounts.of(minPrice), Amounts.of(maxPrice),
            Amounts.of(stepSize), Amounts.of(minQty), Amounts.of(maxQty), Amounts.of(minNotional));
    }

    /** The price filter's verdict on a limit price, or null when it passes. */
    public ExchangeReject checkPrice(long price) {
        if (price <= 0 || price < minPrice || (maxPrice > 0 && price > maxPrice) || price % tickSize != 0) {
            return ExchangeReject.PRICE_FILTER;
        }
        return null;
    }

    /** The lot size filter's verdict on a quantity, or null when it passes. */
    public ExchangeReject checkQty(long qty) {
        if (qty <= 0 || qty < minQty || (maxQty > 0 && qty > maxQty) || qty % stepSize != 0) {
            return ExchangeReject.LOT_SIZE;
        }
        return null;
    }

    /** The notional filter's verdict, or null when it passes. */
    public ExchangeReject checkNotional(long price, long qty) {
        return Amounts.mul(price, qty) < minNotional ? ExchangeReject.MIN_NOTIONAL : null;
    }

    /** {@code qty} rounded down to the step size. */
    public long roundQtyDown(long qty) {
        return qty - Math.floorMod(qty, stepSize);
    }

    /** {@code price} rounded down to the tick size. */
    public long roundPriceDown(long price) {
        return price - Math.floorMod(price, tickSize);
    }
}
