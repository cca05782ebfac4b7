package io.meridian.oms.api;

/**
 * Told, on the sequencer thread, of every order state change, every fill after deduplication,
 * every venue execution report and every client ExecutionReport, live and while the journal replays
 * (so a projection of the OMS state, such as the shared store, is rebuilt by replay). Arguments are
 * valid only during the call. Implementations must not block or allocate in steady state.
 */
public interface OrderStateListener
{
    OrderStateListener NONE = new OrderStateListener()
    {
    };

    /**
     * Where the calls that follow come from: the journal sequence of their input, and the index of the
     * next fill, venue report or balance among that input's ({@code 0} before an order update). A
     * projection that outlives the process (the shared store) uses it to apply each input's effect
     * exactly once when the journal is replayed over what it already holds.
     */
    default void onInput(final long sequence, final int index)
    {
    }

    /** Every call of every input up to {@code sequence} has been made: a persistent projection's watermark. */
    default void onAppliedThrough(final long sequence)
    {
    }

    /** Once per sequenced input that touched {@code order}, after the input was applied. */
    default void onOrderUpdated(final OrderView order)
    {
    }

    /**
     * A fill, once per (venue, venue trade id) whatever path brought it (live, resend, reconciliation).
     *
     * @param order the order it belongs to, or null when the venue's order is unknown to Meridian
     *              (kept for reconciliation, it changes no position).
     */
    default void onFill(final OrderView order, final VenueExecution fill, final long sequence)
    {
    }

    /** Every venue execution report (the venue's own view of the order); {@code order} null when unknown. */
    default void onVenueReport(final OrderView order, final VenueExecution report)
    {
    }

    /**
     * Every ExecutionReport for an order the sequencer keeps, in the order they are sent, live and while
     * the journal replays (where the client does not get it again), so the same journal gives the same
     * calls; not for an unknown order (a status request for one), nor for a new order refused because
     * the sequencer is full (it is not kept).
     *
     * @param index the report's position among the order's reports, from 1.
     */
    default void onClientReport(final OrderView order, final ExecutionReport report, final int index)
    {
    }

    /** A balance the venue reported (free + locked), {@code amount} scaled by 8 decimals, at the sequenced time. */
    default void onReportedBalance(final int venueId, final CharSequence asset, final long amount, final long nowNanos)
    {
    }
}
