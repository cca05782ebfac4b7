package io.meridian.simulators.binance;

/**
 * Request weight and order-count windows (fixed windows, as Binance's headers count them), plus
 * the 429 then 418 escalation for a client that keeps sending while told to back off.
 */
final class BinanceLimits {
    private final BinanceSimulatorConfig config;
    private long minute = -1;
    private long weight;
    private long tenSeconds = -1;
    private long orders10s;
    private long day = -1;
    private long ordersDay;
    private long backOffUntil;
    private int ignored;
    private long bannedUntil;

    BinanceLimits(BinanceSimulatorConfig config) {
        this.config = config;
    }

    /** The verdict on one request: usage after it, or the error that refuses it. */
    record Verdict(long weight, long orders10s, long ordersDay, BinanceError error, long retryAfterSeconds) {
    }

    synchronized Verdict charge(int requestWeight, boolean order, long nowMillis, long forcedRetryAfterSeconds) {
        roll(nowMillis);
        if (nowMillis < bannedUntil) {
            return refuse(banned(nowMillis), (bannedUntil - nowMillis + 999) / 1000);
        }
        if (nowMillis < backOffUntil && ++ignored >= config.requestsBeforeBan()) {
            bannedUntil = nowMillis + config.banMillis();
            return refuse(banned(nowMillis), (config.banMillis() + 999) / 1000);
        }
        weight += requestWeight;
        if (order) {
            orders10s++;
            ordersDay++;
        }
        if (forcedRetryAfterSeconds > 0) {
            return backOff(nowMillis, forcedRetryAfterSeconds, weightError());
        }
        if (weight > config.weightPerMinute()) {
            return backOff(nowMillis, (60_000 - nowMillis % 60_000 + 999) / 1000, weightError());
        }
        if (order && orders10s > config.ordersPer10s()) {
            return backOff(nowMillis, (10_000 - nowMillis % 10_000 + 999) / 1000,
                new BinanceError(429, -1015, "Too many new orders; current limit is " + config.ordersPer10s() + " orders per 10 SECOND."));
        }
        if (order && ordersDay > config.ordersPerDay()) {
            return backOff(nowMillis, (86_400_000 - nowMillis % 86_400_000 + 999) / 1000,
                new BinanceError(429, -1015, "Too many new orders; current limit is " + config.ordersPerDay() + " orders per 1 DAY."));
        }
        return new Verdict(weight, orders10s, ordersDay, null, 0);
    }

    synchronized void reset() {
        minute = tenSeconds = day = -1;
        weight = orders10s = ordersDay = 0;
        backOffUntil = bannedUntil = 0;
        ignored = 0;
    }

    private BinanceError weightError() {
        return new BinanceError(429, -1003, "Too much request weight used; current limit is " + config.weightPerMinute()
            + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.");
    }

    private static BinanceError banned(long nowMillis) {
        return new BinanceError(418, -1003, "Way too much request weight used; IP banned until " + nowMillis
            + ". Please use WebSocket Streams for live updates to avoid bans.");
    }

    private Verdict backOff(long nowMillis, long retryAfterSeconds, BinanceError error) {
        if (nowMillis >= backOffUntil) {
            ignored = 0;
        }
        backOffUntil = Math.max(backOffUntil, nowMillis + retryAfterSeconds * 1000);
        return refuse(error, retryAfterSeconds);
    }

    private Verdict refuse(BinanceError error, long retryAfterSeconds) {
        return new Verdict(weight, orders10s, ordersDay, error, retryAfterSeconds);
    }

    private void roll(long nowMillis) {
        if (nowMillis / 60_000 != minute) {
            minute = nowMillis / 60_000;
            weight = 0;
        }
        if (nowMillis / 10_000 != tenSeconds) {
            tenSeconds = nowMillis / 10_000;
            orders10s = 0;
        }
        if (nowMillis / 86_400_000 != day) {
            day = nowMillis / 86_400_000;
            ordersDay = 0;
        }
    }
}
