package io.meridian.simulators.exchange;

/** One aggregated price level; quantity 0 means the level is gone. Scaled longs. */
public record PriceQty(long price, long qty) {
}
