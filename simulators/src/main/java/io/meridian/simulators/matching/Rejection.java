package io.meridian.simulators.matching;

/** A refused request: nothing changed in the book. */
public record Rejection(RequestType request, long orderId, String symbol, RejectReason reason, long timestampNanos) {
}
