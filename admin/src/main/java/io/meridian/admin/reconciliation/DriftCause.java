package io.meridian.admin.reconciliation;

/** What a difference between a venue and Meridian most likely means. */
public enum DriftCause
{
    MISSING_FILL("the venue reports a fill Meridian has not received (applied through the sequencer when the venue " +
        "gives the trade)"),
    EXTRA_FILL("Meridian counted more filled quantity than the venue reports for the order"),
    ORDER_UNKNOWN_TO_VENUE("an order Meridian holds open is not open at the venue (lost, or done without a report)"),
    ORDER_UNKNOWN_TO_US("the venue holds open an order Meridian does not know (placed outside Meridian?)"),
    ORDER_MISMATCH("the venue holds the order open with another quantity, or open while Meridian has it done"),
    UNKNOWN_ORDER_FILL("a venue trade for an order Meridian does not know"),
    BALANCE_MOVED("a venue balance moved by more than our fills explain (deposit, withdrawal, transfer, or a fee " +
        "outside Meridian)"),
    POSITION_MISMATCH("the venue's position moved by more than the fills Meridian recorded"),
    RECONCILIATION_OVERDUE("the venue could not be reconciled within its bound (not connected or not answering)");

    private final String description;

    DriftCause(final String description)
    {
        this.description = description;
    }

    public String description()
    {
        return description;
    }
}
