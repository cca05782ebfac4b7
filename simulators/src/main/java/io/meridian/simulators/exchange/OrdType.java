package io.meridian.simulators.exchange;

/** Order types every simulated venue supports. */
public enum OrdType {
    LIMIT,
    MARKET,
    /** A post-only limit: rejected instead of taking liquidity. */
    LIMIT_MAKER
}
