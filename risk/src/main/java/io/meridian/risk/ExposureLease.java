package io.meridian.risk;

/**
 * What the exposure engine (cold path) granted a scope: its gross exposure from the store's filled
 * positions as read at {@code readNanos}, valid until {@code expiryNanos} (sequencer clock, epoch nanos).
 * The hot gate adds what the store could not show yet (open orders, fills since {@code readNanos})
 * and fails closed for risk-increasing orders once the lease has expired.
 */
public record ExposureLease(double filledExposure, long readNanos, long expiryNanos)
{
}
