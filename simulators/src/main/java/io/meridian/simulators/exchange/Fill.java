package io.meridian.simulators.exchange;

import io.meridian.simulators.matching.Side;

/**
 * One side of one trade, as the account that owns the order sees it.
 *
 * @param tradeId       per-symbol trade id
 * @param quoteQty      price * qty
 * @param commission    fee charged, in {@code commissionAsset} (the asset the account received)
 * @param maker         whether this order was the resting one
 */
public record Fill(
    long tradeId,
    long orderId,
    String account,
    String symbol,
    Side side,
    long price,
    long qty,
    long quoteQty,
    long commission,
    String commissionAsset,
    boolean maker,
    long timeNanos) {
}
