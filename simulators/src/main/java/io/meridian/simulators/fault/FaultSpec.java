package io.meridian.simulators.fault;

import java.util.Objects;

/**
 * One fault to inject, also its JSON form on the control endpoint, e.g.
 * {@code {"type":"DELAY_FILLS","symbol":"BTCUSDT","param":500}}.
 *
 * @param type        what goes wrong
 * @param symbol      the symbol it applies to; null or "*" for every symbol (and non-symbol requests)
 * @param probability chance that an eligible event is hit, drawn from the plan's seeded random; 0 means 1
 * @param count       how many times it fires at most; 0 means unlimited
 * @param durationMs  how long it stays armed from injection; 0 means until cleared
 * @param param       type-specific amount (see {@link FaultType})
 * @param asset       type-specific asset (BALANCE_DRIFT); may be null
 */
public record FaultSpec(FaultType type, String symbol, double probability, int count, long durationMs, long param, String asset) {

    public FaultSpec {
        Objects.requireNonNull(type, "type");
        if (symbol != null && (symbol.isEmpty() || symbol.equals("*"))) {
            symbol = null;
        }
        if (probability <= 0 || probability > 1) {
            probability = 1;
        }
        if (count < 0 || durationMs < 0) {
            throw new IllegalArgumentException("count and durationMs must not be negative");
        }
    }

    /** A fault on every symbol, always firing, until cleared. */
    public static FaultSpec of(FaultType type) {
        return new FaultSpec(type, null, 1, 0, 0, 0, null);
    }

    public FaultSpec onSymbol(String newSymbol) {
        return new FaultSpec(type, newSymbol, probability, count, durationMs, param, asset);
    }

    public FaultSpec withProbability(double newProbability) {
        return new FaultSpec(type, symbol, newProbability, count, durationMs, param, asset);
    }

    public FaultSpec times(int newCount) {
        return new FaultSpec(type, symbol, probability, newCount, durationMs, param, asset);
    }

    public FaultSpec forMillis(long newDurationMs) {
        return new FaultSpec(type, symbol, probability, count, newDurationMs, param, asset);
    }

    public FaultSpec withParam(long newParam) {
        return new FaultSpec(type, symbol, probability, count, durationMs, newParam, asset);
    }

    public FaultSpec withAsset(String newAsset) {
        return new FaultSpec(type, symbol, probability, count, durationMs, param, newAsset);
    }

    /** Whether it applies to {@code eventSymbol} (null: a request without a symbol). */
    public boolean matches(String eventSymbol) {
        return symbol == null || symbol.equals(eventSymbol);
    }
}
