package io.meridian.simulators.exchange;

/** Why the exchange refused a request; front ends map these to their protocol's codes and texts. */
public enum ExchangeReject {
    UNKNOWN_SYMBOL("Invalid symbol."),
    UNKNOWN_ACCOUNT("Unknown account."),
    PRICE_FILTER("Filter failure: PRICE_FILTER"),
    LOT_SIZE("Filter failure: LOT_SIZE"),
    MIN_NOTIONAL("Filter failure: NOTIONAL"),
    INSUFFICIENT_BALANCE("Account has insufficient balance for requested action."),
    DUPLICATE_CLIENT_ORDER_ID("Duplicate order sent."),
    POST_ONLY_WOULD_CROSS("Order would immediately match and take."),
    NO_LIQUIDITY("Market order found no liquidity."),
    UNKNOWN_ORDER("Unknown order sent."),
    INVALID_AMEND("Order amend is not valid."),
    VENUE_UNAVAILABLE("Service unavailable.");

    private final String text;

    ExchangeReject(String text) {
        this.text = text;
    }

    /** Binance-style human text; front ends may use their own. */
    public String text() {
        return text;
    }
}
