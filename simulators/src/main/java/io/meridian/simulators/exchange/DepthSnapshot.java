package io.meridian.simulators.exchange;

import java.util.List;

/**
 * Top levels of one book, consistent with the depth diffs: it reflects every diff up to and
 * including {@code lastUpdateId}. Best first on each side.
 */
public record DepthSnapshot(String symbol, long lastUpdateId, List<PriceQty> bids, List<PriceQty> asks, long timeNanos) {

    public DepthSnapshot {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
