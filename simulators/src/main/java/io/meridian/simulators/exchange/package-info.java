/**
 * A venue-neutral simulated crypto exchange on top of the matching engine: symbol rules,
 * per-account balances (free/locked) and fees, order and trade ids, per-symbol depth update ids
 * and diffs, and normalized events for protocol front ends (Binance, OKX). Single-threaded and
 * deterministic: one thread drives an exchange and receives its events; time comes from an
 * injected clock.
 */
package io.meridian.simulators.exchange;
