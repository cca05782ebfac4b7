package io.meridian.oms.api;

/**
 * How venue bridges hand normalised venue events to the sequencer. Same contract as
 * {@link OrderEntry}: copied, false only when the ring is full (the bridge must retry: a venue
 * event may never be dropped).
 */
public interface VenueEvents
{
    boolean onExecution(VenueExecution execution);

    boolean onCancelReject(VenueCancelReject reject);

    boolean onVenueSessionState(int venueId, boolean connected);

    /**
     * A balance (free + locked) the venue reported for one asset, {@code amount} scaled by 8 decimals:
     * sequenced and journaled so the store's reported balances survive a replay.
     */
    default boolean onVenueBalance(final int venueId, final CharSequence asset, final long amount)
    {
        throw new UnsupportedOperationException("venue balances are not taken here");
    }
}
