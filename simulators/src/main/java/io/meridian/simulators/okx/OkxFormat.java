package io.meridian.simulators.okx;

import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.SymbolRules;

/** OKX wire strings for the core's scaled longs: prices and sizes with the instrument's precision. */
final class OkxFormat {
    private OkxFormat() {
    }

    static String px(SymbolRules rules, long price) {
        return Amounts.format(price, rules.pricePrecision());
    }

    static String sz(SymbolRules rules, long qty) {
        return Amounts.format(qty, rules.qtyPrecision());
    }

    /** A plain decimal without trailing zeros (balances, fees, average prices). */
    static String amount(long scaled) {
        return Amounts.toDecimal(scaled).toPlainString();
    }

    /** A fee as OKX reports it: negative when charged. */
    static String fee(long scaled) {
        return scaled == 0 ? "0" : "-" + amount(scaled);
    }

    static String ms(long nanos) {
        return Long.toString(nanos / 1_000_000);
    }
}
