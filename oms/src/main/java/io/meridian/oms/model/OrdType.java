package io.meridian.oms.model;

/** Order type; {@link #fixValue()} is the FIX tag 40 value. */
public enum OrdType
{
    MARKET('1'), LIMIT('2');

    private final char fixValue;

    OrdType(final char fixValue)
    {
        this.fixValue = fixValue;
    }

    public char fixValue()
    {
        return fixValue;
    }

    /** @return the type for a FIX 40 value, or null when unsupported. */
    public static OrdType fromFix(final char value)
    {
        switch (value)
        {
            case '1': return MARKET;
            case '2': return LIMIT;
            default: return null;
        }
    }
}
