package io.meridian.oms.model;

/**
 * What an operator's mass cancel (kill switch, venue halt) covers; codes are journaled. {@link #ACCOUNT} is the
 * orders carrying one FIX Account (1): its record carries the account's name rather than an id, so a replay
 * under another configuration (accounts added, reordered) cancels the same orders.
 */
public enum MassCancelScope
{
    ALL(0), VENUE(1), INSTRUMENT(2), CLIENT(3), ACCOUNT(4);

    private static final MassCancelScope[] BY_CODE = values();
    private final int code;

    MassCancelScope(final int code)
    {
        this.code = code;
    }

    public int code()
    {
        return code;
    }

    /** @return the scope with this journal code, or null. */
    public static MassCancelScope fromCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
