package io.meridian.simulators.exchange;

/** A public trade (Binance @trade, OKX trades). Scaled longs. */
public record TradePrint(String symbol, long tradeId, long price, long qty, long buyerOrderId, long sellerOrderId,
                         boolean buyerIsMaker, long timeNanos) {
}
