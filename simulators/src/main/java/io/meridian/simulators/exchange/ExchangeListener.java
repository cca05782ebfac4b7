package io.meridian.simulators.exchange;

/**
 * Normalized exchange events, delivered synchronously on the exchange's thread in the order they
 * happen. Within one operation: order updates (and trade prints) as matching goes, then balance
 * changes per account, then the depth diff, then the book top if it moved.
 */
public interface ExchangeListener {
    default void onOrderUpdate(OrderUpdate update) {
    }

    default void onTradePrint(TradePrint trade) {
    }

    default void onBalanceChange(BalanceChange change) {
    }

    default void onDepthDiff(DepthDiff diff) {
    }

    default void onBookTop(BookTop top) {
    }
}
