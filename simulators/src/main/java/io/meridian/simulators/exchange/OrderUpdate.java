package io.meridian.simulators.exchange;

/**
 * A change of one order: the normalized form of Binance executionReport and OKX orders-channel pushes.
 *
 * @param order  the order after the change
 * @param fill   for {@link ExecType#TRADE}: the fill with its fee; else null
 * @param before for {@link ExecType#REPLACED}: the order before the amend; else null
 */
public record OrderUpdate(ExecType execType, OrderView order, Fill fill, OrderView before, long timeNanos) {
}
