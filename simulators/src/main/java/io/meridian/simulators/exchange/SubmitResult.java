package io.meridian.simulators.exchange;

import java.util.List;

/**
 * The answer to a new order: either refused ({@code reject} set, nothing changed) or accepted, with
 * the order's state after the immediate matching and the fills that matching produced.
 */
public record SubmitResult(ExchangeReject reject, OrderView order, List<Fill> fills) {

    public SubmitResult {
        fills = List.copyOf(fills);
    }

    public static SubmitResult rejected(ExchangeReject reject) {
        return new SubmitResult(reject, null, List.of());
    }

    public boolean accepted() {
        return reject == null;
    }
}
