package io.meridian.simulators.exchange;

import java.util.List;

/**
 * Balances of one account changed. Emitted once per operation and account, after its order updates.
 *
 * @param balances the changed assets, after the change
 * @param asset    for {@link Reason#ADJUSTMENT}: the adjusted asset; else null
 * @param delta    for {@link Reason#ADJUSTMENT}: the signed amount; else 0
 */
public record BalanceChange(String account, Reason reason, List<Balance> balances, String asset, long delta, long timeNanos) {

    public BalanceChange {
        balances = List.copyOf(balances);
    }

    /** Why balances changed. */
    public enum Reason {
        /** Orders locked, released or settled funds. */
        ORDER,
        /** A deposit, withdrawal or manual adjustment (Binance balanceUpdate). */
        ADJUSTMENT
    }
}
