package io.meridian.simulators.fix;

import java.math.BigDecimal;
import java.util.List;

/** A decimal view of one book's price levels, best first. */
public record VenueBook(String symbol, List<Level> bids, List<Level> asks) {

    public VenueBook {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** One level: price, total open quantity, number of orders. */
    public record Level(BigDecimal price, BigDecimal qty, int orders) {
    }
}
