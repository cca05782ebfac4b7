/**
 * Continuous reconciliation: what each venue says of our orders, trades, balances and positions
 * compared with what Meridian recorded ({@link io.meridian.admin.reconciliation.DriftDetector}),
 * differences confirmed into drift events ({@link io.meridian.admin.reconciliation.DriftBook}).
 * Cold path, on the reconciliation thread.
 */
package io.meridian.admin.reconciliation;
