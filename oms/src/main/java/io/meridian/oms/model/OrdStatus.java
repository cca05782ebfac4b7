package io.meridian.oms.model;

/** FIX 4.4 OrdStatus (tag 39) values of a Meridian order. */
public enum OrdStatus
{
    NEW('0', false), PARTIALLY_FILLED('1', false), FILLED('2', true), CANCELED('4', true),
    PENDING_CANCEL('6', false), REJECTED('8', true), PENDING_NEW('A', false), EXPIRED('C', true),
    PENDING_REPLACE('E', false);

    private final char fixValue;
    private final boolean terminal;

    OrdStatus(final char fixValue, final boolean terminal)
    {
        this.fixValue = fixValue;
        this.terminal = terminal;
    }

    public char fixValue()
    {
        return fixValue;
    }

    /** @return true when no further execution can happen on the order. */
    public boolean isTerminal()
    {
        return terminal;
    }

    /** @return the status for a FIX 39 value, or null when not one Meridian understands. */
    public static OrdStatus fromFix(final char value)
    {
        for (final OrdStatus status : VALUES)
        {
            if (status.fixValue == value)
            {
                return status;
            }
        }
        return null;
    }

    private static final OrdStatus[] VALUES = values();
}
