package io.meridian.oms.model;

/** Order side; {@link #fixValue()} is the FIX tag 54 value. */
public enum Side
{
    BUY('1'), SELL('2'), SELL_SHORT('5');

    private final char fixValue;

    Side(final char fixValue)
    {
        this.fixValue = fixValue;
    }

    public char fixValue()
    {
        return fixValue;
    }

    /** @return the side for a FIX 54 value, or null when unsupported. */
    public static Side fromFix(final char value)
    {
        switch (value)
        {
            case '1': return BUY;
            case '2': return SELL;
            case '5': return SELL_SHORT;
            default: return null;
        }
    }

    public boolean isBuy()
    {
        return this == BUY;
    }
}
