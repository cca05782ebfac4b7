package io.meridian.venues.crypto;

/** Scaled longs to and from the plain decimal strings venues' JSON APIs use; bridge threads only. */
public final class Decimals
{
    private Decimals()
    {
    }

    /** {@code 6010000, 2} -> "60100"; trailing zeros dropped so signatures match what venues echo. */
    public static String format(final long scaled, final int scale)
    {
        final StringBuilder s = new StringBuilder(24);
        append(s, scaled, scale);
        return s.toString();
    }

    public static void append(final StringBuilder s, final long scaled, final int scale)
    {
        long value = scaled;
        if (value < 0)
        {
            s.append('-');
            value = -value;
        }
        if (scale <= 0)
        {
            s.append(value);
            return;
        }
        long pow = 1;
        for (int i = 0; i < scale; i++)
        {
            pow *= 10;
        }
        s.append(value / pow);
        long fraction = value % pow;
        if (fraction != 0)
        {
            int digits = scale;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            s.append('.');
            final String f = Long.toString(fraction);
            for (int i = f.length(); i < digits; i++)
            {
                s.append('0');
            }
            s.append(f);
        }
    }

    /**
     * "60100.50", 2 -> 6010050. Digits beyond {@code scale} must be zeros ("0.10000000" is fine at
     * scale 2); returns {@link Long#MIN_VALUE} when the text is not a number or loses precision.
     */
    public static long parse(final CharSequence text, final int scale)
    {
        if (text == null || text.length() == 0)
        {
            return Long.MIN_VALUE;
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '-')
        {
            negative = true;
            i++;
        }
        long value = 0;
        int fractionDigits = -1;
        boolean any = false;
        for (; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '.')
            {
                if (fractionDigits >= 0)
                {
                    return Long.MIN_VALUE;
                }
                fractionDigits = 0;
                continue;
            }
            if (c < '0' || c > '9')
            {
                return Long.MIN_VALUE;
            }
            any = true;
            if (fractionDigits >= 0)
            {
                if (fractionDigits >= scale)
                {
                    if (c != '0')
                    {
                        return Long.MIN_VALUE;
                    }
                    continue;
                }
                fractionDigits++;
            }
            value = value * 10 + (c - '0');
        }
        if (!any)
        {
            return Long.MIN_VALUE;
        }
        for (int d = Math.max(0, fractionDigits); d < scale; d++)
        {
            value *= 10;
        }
        return negative ? -value : value;
    }
}
