/**
 * What reconciliation asks a venue: its own view of our orders, trades, balances and positions
 * ({@link io.meridian.venues.view.VenueView}), answered by each venue bridge on request
 * ({@link io.meridian.venues.view.VenueViewSource}). Cold path: plain records, decimals as
 * {@link java.math.BigDecimal}, instrument symbols as Meridian names them.
 */
package io.meridian.venues.view;
