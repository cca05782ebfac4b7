package io.meridian.simulators.matching;

/** Why the engine refused a request; front ends map these to their protocol's codes. */
public enum RejectReason {
    UNKNOWN_SYMBOL("unknown symbol"),
    INVALID_QUANTITY("quantity must be positive"),
    INVALID_PRICE("limit order needs a positive price"),
    POST_ONLY_WOULD_CROSS("post-only order would cross the book"),
    UNSUPPORTED_ORDER("post-only needs a resting limit order (GTC/DAY)"),
    DUPLICATE_ORDER_ID("duplicate order id"),
    UNKNOWN_ORDER("order is not live in the book (unknown or already done)"),
    QUANTITY_NOT_ABOVE_FILLED("new quantity must be above the filled quantity");

    private final String text;

    RejectReason(String text) {
        this.text = text;
    }

    /** Human-readable reason, suitable for a protocol text field. */
    public String text() {
        return text;
    }
}
