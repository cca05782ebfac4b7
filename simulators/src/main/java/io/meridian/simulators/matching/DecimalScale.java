package io.meridian.simulators.matching;

import java.math.BigDecimal;

/**
 * Converts decimals to and from scaled {@code long}s with a fixed number of decimals.
 * Used only at protocol edges; the engine works on the longs.
 */
public final class DecimalScale {
    /** The simulators' scale: 8 decimals for every price and quantity. */
    public static final int DEFAULT_DECIMALS = 8;

    private static final DecimalScale DEFAULT = new DecimalScale(DEFAULT_DECIMALS);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private final int decimals;

    private DecimalScale(int decimals) {
        this.decimals = decimals;
    }

    /** A scale with {@code decimals} decimals, 0 to 18. */
    public static DecimalScale of(int decimals) {
        if (decimals < 0 || decimals > 18) {
            throw new IllegalArgumentException("decimals must be 0..18: " + decimals);
        }
        return decimals == DEFAULT_DECIMALS ? DEFAULT : new DecimalScale(decimals);
    }

    /** The default 8-decimal scale. */
    public static DecimalScale defaultScale() {
        return DEFAULT;
    }

    public int decimals() {
        return decimals;
    }

    /** Whether {@code value} converts exactly (no lost decimals, fits a long). */
    public boolean isRepresentable(BigDecimal value) {
        BigDecimal shifted = value.movePointRight(decimals);
        return shifted.stripTrailingZeros().scale() <= 0
            && shifted.compareTo(LONG_MAX) <= 0 && shifted.compareTo(LONG_MIN) >= 0;
    }

    /** The scaled long for {@code value}; throws {@link ArithmeticException} if not representable. */
    public long toScaled(BigDecimal value) {
        return value.movePointRight(decimals).longValueExact();
    }

    /** The scaled long for a decimal string such as {@code "189.5"}. */
    public long toScaled(String value) {
        return toScaled(new BigDecimal(value));
    }

    /** The decimal for a scaled long, without trailing zeros (and never in exponent form). */
    public BigDecimal toBigDecimal(long scaled) {
        BigDecimal value = BigDecimal.valueOf(scaled, decimals).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
