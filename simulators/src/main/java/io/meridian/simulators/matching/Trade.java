package io.meridian.simulators.matching;

/**
 * One execution between a resting maker and an incoming taker, at the maker's price.
 *
 * @param tradeId per-symbol sequence, starting at 1
 * @param maker   the resting order after this fill
 * @param taker   the aggressing order after this fill
 */
public record Trade(long tradeId, String symbol, long price, long qty, OrderState maker, OrderState taker, long timestampNanos) {
}
