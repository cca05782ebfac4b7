package io.meridian.simulators.exchange;

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
}
