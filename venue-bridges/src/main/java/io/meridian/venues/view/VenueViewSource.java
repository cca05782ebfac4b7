package io.meridian.venues.view;

import java.util.concurrent.CompletableFuture;

/**
 * A venue bridge that can tell reconciliation what the venue itself believes. Thread safe: called
 * from the reconciliation thread, never from the sequencer.
 */
public interface VenueViewSource
{
    int venueId();

    String name();

    /** True while the bridge can ask the venue (session logged on / REST reachable). */
    boolean isConnected();

    /**
     * Asks the venue for its view. Completes (on any thread other than the sequencer) with the
     * answer, or exceptionally when the venue cannot be asked or does not answer within
     * {@link ViewRequest#timeoutMs()}. A trade the venue reports for an order the bridge knows and
     * that its streams never delivered is also handed to the sequencer through the bridge's normal
     * fill path (deduplicated there by venue trade id), so the client receives its report.
     */
    CompletableFuture<VenueView> requestView(ViewRequest request);

    /**
     * The id under which a fill of this trade reaches the sequencer ({@code VenueExecution.venueExecId},
     * the fill ledger's key with the venue id): the trade id itself unless the bridge qualifies it.
     */
    default String ledgerTradeId(final VenueView.Trade trade)
    {
        return trade.venueTradeId();
    }

    /** Venue-reported balance changes as they stream in (crypto private streams); none by default. */
    default void balanceListener(final BalanceListener listener)
    {
    }

    /**
     * Told of each trade a view found that the venue's stream never delivered, once handed to the
     * sequencer's fill path; none by default.
     */
    default void recoveredFillListener(final RecoveredFillListener listener)
    {
    }

    /** Called by a bridge, on its own thread, for a trade recovered from a view (keep it short). */
    @FunctionalInterface
    interface RecoveredFillListener
    {
        /** @param trade named as Meridian names it: its clOrdId the child's venue ClOrdID. */
        void onRecoveredFill(int venueId, VenueView.Trade trade);
    }

    /** Called by a bridge when its venue pushes a balance (free + locked) for an asset. */
    @FunctionalInterface
    interface BalanceListener
    {
        void onBalance(int venueId, VenueView.Balance balance);
    }
}
