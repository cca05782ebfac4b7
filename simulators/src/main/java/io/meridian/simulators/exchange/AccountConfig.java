package io.meridian.simulators.exchange;

import java.util.Map;
import java.util.Objects;

/**
 * An account to create at start: balances and fee rates, all scaled longs (a rate of 0.001 is
 * {@code Amounts.of("0.001")}).
 *
 * @param keepHistory whether done orders and trades are kept for queries (off for market makers)
 */
public record AccountConfig(String id, Map<String, Long> balances, long makerFeeRate, long takerFeeRate, boolean keepHistory) {

    public AccountConfig {
        Objects.requireNonNull(id, "id");
        balances = Map.copyOf(balances);
    }

    /** A trading account with the given balances and fees, given as decimal strings. */
    public static AccountConfig of(String id, Map<String, String> balances, String makerFeeRate, String takerFeeRate) {
        java.util.Map<String, Long> scaled = new java.util.TreeMap<>();
        balances.forEach((asset, amount) -> scaled.put(asset, Amounts.of(amount)));
        return new AccountConfig(id, scaled, Amounts.of(makerFeeRate), Amounts.of(takerFeeRate), true);
    }
}
