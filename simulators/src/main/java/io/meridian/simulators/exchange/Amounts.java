package io.meridian.simulators.exchange;

import io.meridian.simulators.matching.DecimalScale;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Arithmetic on the exchange's scaled longs (8 decimals for every price, quantity, amount and rate). */
public final class Amounts {
    /** The scale of every amount in the exchange. */
    public static final DecimalScale SCALE = DecimalScale.defaultScale();
    /** 1.0 in scaled units. */
    public static final long ONE = 100_000_000L;
    private static final BigInteger ONE_BIG = BigInteger.valueOf(ONE);

    private Amounts() {
    }

    /** {@code a * b / ONE}, rounded down: a notional from price and quantity, or a fee from amount and rate. */
    public static long mul(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return Math.floorDiv(low, ONE);
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(ONE_BIG).longValueExact();
    }

    /** {@code a * ONE / b}, rounded down. */
    public static long div(long a, long b) {
        return BigInteger.valueOf(a).multiply(ONE_BIG).divide(BigInteger.valueOf(b)).longValueExact();
    }

    /** Scaled value of a decimal string. */
    public static long of(String decimal) {
        return SCALE.toScaled(decimal);
    }

    /** Decimal of a scaled value, without trailing zeros. */
    public static BigDecimal toDecimal(long scaled) {
        return SCALE.toBigDecimal(scaled);
    }

    /** Plain string of a scaled value with exactly {@code decimals} decimals (venues print fixed precision). */
    public static String format(long scaled, int decimals) {
        return BigDecimal.valueOf(scaled, SCALE.decimals()).setScale(decimals, java.math.RoundingMode.DOWN).toPlainString();
    }

    /** Whether a decimal string parses and fits the exchange's scale. */
    public static boolean isValid(String decimal) {
        try {
            BigDecimal value = new BigDecimal(decimal);
            return SCALE.isRepresentable(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
