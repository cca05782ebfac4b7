package io.meridian.risk;

/**
 * Where the exposure engine reads filled positions from: the shared store, aggregated over venues,
 * per account and instrument. Read from the engine's thread while the sequencer writes.
 */
public interface PositionSource
{
    /** Receives one position: net quantity scaled by the instrument's qtyScale. */
    interface Consumer
    {
        void position(String account, int instrumentId, long netQty);
    }

    void forEachPosition(Consumer consumer);
}
