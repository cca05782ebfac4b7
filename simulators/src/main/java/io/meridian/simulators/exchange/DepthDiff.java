package io.meridian.simulators.exchange;

import java.util.List;

/**
 * Changed price levels of one symbol after one operation. Update ids count changed levels: this diff
 * covers {@code firstUpdateId..lastUpdateId}, and the next one starts at {@code lastUpdateId + 1}.
 * A level with quantity 0 was removed.
 */
public record DepthDiff(String symbol, long firstUpdateId, long lastUpdateId, List<PriceQty> bids, List<PriceQty> asks, long timeNanos) {

    public DepthDiff {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
