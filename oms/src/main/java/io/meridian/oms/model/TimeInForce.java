package io.meridian.oms.model;

/** Time in force; {@link #fixValue()} is the FIX tag 59 value (absent on the wire means DAY). */
public enum TimeInForce
{
    DAY('0'), GTC('1'), IOC('3'), FOK('4');

    private final char fixValue;

    TimeInForce(final char fixValue)
    {
        this.fixValue = fixValue;
    }

    public char fixValue()
    {
        return fixValue;
    }

    /** @return the TIF for a FIX 59 value, or null when unsupported. */
    public static TimeInForce fromFix(final char value)
    {
        switch (value)
        {
            case '0': return DAY;
            case '1': return GTC;
            case '3': return IOC;
            case '4': return FOK;
            default: return null;
        }
    }
}
