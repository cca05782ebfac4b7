package io.meridian.simulators.matching;

import java.util.List;

/**
 * Aggregated price levels of one book at one moment, best first on each side.
 *
 * @param bids buy levels, highest price first
 * @param asks sell levels, lowest price first
 */
public record BookSnapshot(String symbol, List<Level> bids, List<Level> asks) {

    public BookSnapshot {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** One price level: scaled price, total open quantity and number of orders. */
    public record Level(long price, long qty, int orderCount) {
    }
}
