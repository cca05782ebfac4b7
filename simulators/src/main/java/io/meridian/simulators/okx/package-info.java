/**
 * OKX v5 compatible simulator front end: REST {@code /api/v5}, WebSocket {@code /ws/v5/public}
 * and {@code /ws/v5/private}, request signing, book checksums and OKX error codes, on top of the
 * shared matching engine.
 */
package io.meridian.simulators.okx;
