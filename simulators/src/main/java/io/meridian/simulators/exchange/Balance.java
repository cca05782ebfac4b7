package io.meridian.simulators.exchange;

/** One asset of one account: free to use, and locked by open orders. Scaled longs. */
public record Balance(String asset, long free, long locked) {
    public long total() {
        return free + locked;
    }
}
