package io.meridian.simulators.exchange;

import io.meridian.simulators.matching.Side;

/**
 * How the seeded market maker quotes one symbol. Prices and quantities are scaled longs.
 *
 * @param startMid         initial mid price (rounded to the tick)
 * @param levels           quote levels per side
 * @param spacingTicks     ticks between the mid and the first level, and between levels
 * @param levelQty         quantity per level
 * @param maxStepTicks     the mid moves by a uniform random number of ticks in [-max, +max] per step
 * @param tradeProbability chance per step that a taker account hits the book, making trade prints
 * @param takerQty         size of those taker orders
 */
public record MarketMakerConfig(String symbol, long startMid, int levels, int spacingTicks, long levelQty,
                                int maxStepTicks, double tradeProbability, long takerQty) {

    /** Receives one quote of the ladder. */
    @FunctionalInterface
    public interface QuoteSink {
        void quote(Side side, long price, long qty);
    }

    /**
     * The maker's ladder around {@code mid}: per level, best first, a bid and an ask
     * {@code level * spacingTicks} ticks away, each of {@code levelQty}. The crypto exchanges' maker and the
     * FIX venue's maker quote the same ladder.
     */
    public void forEachQuote(long mid, long tickSize, QuoteSink sink) {
        long spacing = tickSize * spacingTicks;
        for (int level = 1; level <= levels; level++) {
            sink.quote(Side.BUY, mid - level * spacing, levelQty);
            sink.quote(Side.SELL, mid + level * spacing, levelQty);
        }
    }

    /** The lowest mid the random walk may reach, so that the deepest bid stays above zero. */
    public long floorMid(long tickSize) {
        return tickSize * ((long) levels * spacingTicks + 1);
    }
}
