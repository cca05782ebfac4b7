package io.meridian.simulators.binance;

import io.meridian.simulators.exchange.ExchangeConfig;
import io.meridian.simulators.matching.MatchingClock;
import java.util.List;
import java.util.Objects;

/**
 * How a Binance simulator starts.
 *
 * @param port                 0 for a free port
 * @param makerStepMillis      market-maker tick period; 0 leaves the book still (tests step it themselves)
 * @param weightPerMinute      REQUEST_WEIGHT limit per minute (Binance: 6000)
 * @param ordersPer10s         ORDERS limit per 10 seconds (Binance: 100)
 * @param ordersPerDay         ORDERS limit per day (Binance: 200000)
 * @param requestsBeforeBan    requests a client may send while told to back off before it gets 418
 * @param banMillis            how long a 418 ban lasts
 */
public record BinanceSimulatorConfig(String host, int port, ExchangeConfig exchange, List<BinanceApiKey> apiKeys,
                                     MatchingClock clock, long makerStepMillis, int weightPerMinute, int ordersPer10s,
                                     int ordersPerDay, int requestsBeforeBan, long banMillis) {

    public BinanceSimulatorConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(clock, "clock");
        apiKeys = List.copyOf(apiKeys);
    }

    /** Default HMAC key of account trader1. */
    public static final String TRADER1_KEY = "sim-trader1-key";
    public static final String TRADER1_SECRET = "sim-trader1-secret";
    /** Default HMAC key of account trader2. */
    public static final String TRADER2_KEY = "sim-trader2-key";
    public static final String TRADER2_SECRET = "sim-trader2-secret";

    /**
     * BTCUSDT and ETHUSDT, accounts trader1/trader2 with the HMAC keys above, a market maker
     * ticking every 200 ms, Binance's documented limits, the system clock, on loopback.
     */
    public static BinanceSimulatorConfig defaults(int port, long seed) {
        return new BinanceSimulatorConfig("127.0.0.1", port, ExchangeConfig.standard("binance", (b, q) -> b + q, seed),
            List.of(BinanceApiKey.hmac(TRADER1_KEY, TRADER1_SECRET, "trader1"), BinanceApiKey.hmac(TRADER2_KEY, TRADER2_SECRET, "trader2")),
            MatchingClock.system(), 200, 6000, 100, 200_000, 5, 120_000);
    }

    public BinanceSimulatorConfig withApiKeys(List<BinanceApiKey> keys) {
        return new BinanceSimulatorConfig(host, port, exchange, keys, clock, makerStepMillis, weightPerMinute, ordersPer10s,
            ordersPerDay, requestsBeforeBan, banMillis);
    }

    public BinanceSimulatorConfig withExchange(ExchangeConfig newExchange) {
        return new BinanceSimulatorConfig(host, port, newExchange, apiKeys, clock, makerStepMillis, weightPerMinute, ordersPer10s,
            ordersPerDay, requestsBeforeBan, banMillis);
    }

    public BinanceSimulatorConfig withMakerStepMillis(long millis) {
        return new BinanceSimulatorConfig(host, port, exchange, apiKeys, clock, millis, weightPerMinute, ordersPer10s,
            ordersPerDay, requestsBeforeBan, banMillis);
    }

    public BinanceSimulatorConfig withLimits(int newWeightPerMinute, int newOrdersPer10s, int newRequestsBeforeBan, long newBanMillis) {
        return new BinanceSimulatorConfig(host, port, exchange, apiKeys, clock, makerStepMillis, newWeightPerMinute, newOrdersPer10s,
            ordersPerDay, newRequestsBeforeBan, newBanMillis);
    }
}
