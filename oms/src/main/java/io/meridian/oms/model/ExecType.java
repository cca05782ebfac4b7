package io.meridian.oms.model;

/** FIX 4.4 ExecType (tag 150) values Meridian emits or receives. */
public enum ExecType
{
    NEW('0'), CANCELED('4'), REPLACED('5'), PENDING_CANCEL('6'), REJECTED('8'), PENDING_NEW('A'),
    EXPIRED('C'), PENDING_REPLACE('E'), TRADE('F'), ORDER_STATUS('I');

    private final char fixValue;

    ExecType(final char fixValue)
    {
        this.fixValue = fixValue;
    }

    public char fixValue()
    {
        return fixValue;
    }

    /** @return the exec type for a FIX 150 value, or null when not one Meridian understands. */
    public static ExecType fromFix(final char value)
    {
        for (final ExecType type : VALUES)
        {
            if (type.fixValue == value)
            {
                return type;
            }
        }
        return null;
    }

    private static final ExecType[] VALUES = values();
}
