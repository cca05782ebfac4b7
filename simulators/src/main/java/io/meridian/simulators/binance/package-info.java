/**
 * Binance spot simulator: REST {@code /api/v3}, WebSocket API {@code /ws-api/v3}, market and
 * user-data streams ({@code /ws/<stream>}, {@code /stream?streams=}), SIGNED rules, errors, usage
 * headers and limits as Binance documents them, on the shared simulated exchange core.
 */
package io.meridian.simulators.binance;
