package io.meridian.fix;

import uk.co.real_logic.artio.fields.ReadOnlyDecimalFloat;

/**
 * Conversions between FIX decimals (Artio {@link ReadOnlyDecimalFloat}) and the scaled longs used
 * everywhere inside Meridian. Allocation free.
 */
public final class Decimals
{
    /** Returned by {@link #toScaled} when the value cannot be represented at the requested scale. */
    public static final long NOT_REPRESENTABLE = Long.MIN_VALUE;

    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private Decimals()
    {
    }

    public static long powerOfTen(final int exponent)
    {
        return POWERS_OF_TEN[exponent];
    }

    /**
     * @return the value as a long scaled by {@code 10^scale}, or {@link #NOT_REPRESENTABLE} when it
     * is NaN, has more significant decimals than {@code scale}, or overflows.
     */
    public static long toScaled(final ReadOnlyDecimalFloat value, final int scale)
    {
        if (value.isNaNValue())
        {
            return NOT_REPRESENTABLE;
        }
        return toScaled(value.value(), value.scale(), scale);
    }

    /** {@code unscaled * 10^-fromScale} expressed at {@code toScale}, or {@link #NOT_REPRESENTABLE}. */
    public static long toScaled(final long unscaled, final int fromScale, final int toScale)
    {
        if (fromScale == toScale)
        {
            return unscaled;
        }
        if (fromScale > toScale)
        {
            final int drop = fromScale - toScale;
            if (drop >= POWERS_OF_TEN.length)
            {
                return unscaled == 0 ? 0 : NOT_REPRESENTABLE;
            }
            final long divisor = POWERS_OF_TEN[drop];
            return unscaled % divisor == 0 ? unscaled / divisor : NOT_REPRESENTABLE;
        }
        final int add = toScale - fromScale;
        if (add >= POWERS_OF_TEN.length)
        {
            return unscaled == 0 ? 0 : NOT_REPRESENTABLE;
        }
        final long multiplier = POWERS_OF_TEN[add];
        final long high = Math.multiplyHigh(unscaled, multiplier);
        final long result = unscaled * multiplier;
        if ((high != 0 || result < 0) && (high != -1 || result >= 0))
        {
            return NOT_REPRESENTABLE;
        }
        return result;
    }
}
