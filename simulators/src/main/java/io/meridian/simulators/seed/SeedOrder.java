package io.meridian.simulators.seed;

import io.meridian.simulators.matching.Side;
import java.math.BigDecimal;
import java.util.Objects;

/** One resting order placed at start-up by the venue's house market maker. */
public record SeedOrder(String symbol, Side side, BigDecimal qty, BigDecimal price) {

    public SeedOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        if (qty.signum() <= 0 || price.signum() <= 0) {
            throw new IllegalArgumentException("seed order needs positive qty and price: " + symbol + " " + qty + "@" + price);
        }
    }

    public static SeedOrder of(String symbol, Side side, String qty, String price) {
        return new SeedOrder(symbol, side, new BigDecimal(qty), new BigDecimal(price));
    }
}
