package io.meridian.simulators.exchange;

/**
 * Best bid and offer of one symbol after a change (Binance @bookTicker, OKX bbo-tbt). A missing side
 * has price and quantity 0. {@code updateId} is the depth update id this top reflects.
 */
public record BookTop(String symbol, long updateId, long bidPrice, long bidQty, long askPrice, long askQty, long timeNanos) {
}
