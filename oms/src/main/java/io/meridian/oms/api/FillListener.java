package io.meridian.oms.api;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.Side;

/**
 * Told of every fill applied to a client order, once, after deduplication, on the sequencer
 * thread. The positions module builds positions from it.
 */
public interface FillListener
{
    FillListener NONE = (account, instrument, side, qty, price, venueId, venueExecId) -> { };

    /**
     * @param qty   scaled by the instrument's qtyScale.
     * @param price scaled by the instrument's priceScale.
     */
    void onFill(
        CharSequence account, Instrument instrument, Side side, long qty, long price, int venueId,
        CharSequence venueExecId);
}
