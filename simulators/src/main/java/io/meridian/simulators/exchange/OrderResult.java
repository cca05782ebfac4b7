package io.meridian.simulators.exchange;

import java.util.List;

/**
 * The answer to a cancel or amend: refused ({@code reject} set, nothing changed) or done, with the
 * order after it and any fills an amend that crossed produced.
 */
public record OrderResult(ExchangeReject reject, OrderView order, List<Fill> fills) {

    public OrderResult {
        fills = List.copyOf(fills);
    }

    public static OrderResult rejected(ExchangeReject reject) {
        return new OrderResult(reject, null, List.of());
    }

    public boolean done() {
        return reject == null;
    }
}
