package io.meridian.simulators.crypto;

import io.meridian.simulators.binance.BinanceSimulator;
import io.meridian.simulators.binance.BinanceSimulatorConfig;
import io.meridian.simulators.fault.FaultPlan;

/** Starts the Binance spot simulator. */
public final class BinanceLauncher implements CryptoVenueLauncher {
    @Override
    public String name() {
        return "binance";
    }

    @Override
    public int defaultPort() {
        return 8091;
    }

    @Override
    public Running launch(String host, int port, long seed, long makerStepMillis) {
        BinanceSimulatorConfig defaults = BinanceSimulatorConfig.defaults(port, seed);
        BinanceSimulatorConfig config = new BinanceSimulatorConfig(host, port, defaults.exchange(), defaults.apiKeys(), defaults.clock(),
            makerStepMillis, defaults.weightPerMinute(), defaults.ordersPer10s(), defaults.ordersPerDay(),
            defaults.requestsBeforeBan(), defaults.banMillis());
        BinanceSimulator sim = BinanceSimulator.start(config);
        return new Running() {
            @Override
            public String venue() {
                return sim.venue();
            }

            @Override
            public FaultPlan faults() {
                return sim.faults();
            }

            @Override
            public void reset(long newSeed) {
                sim.reset(newSeed);
            }

            @Override
            public String summary() {
                return "binance  REST " + sim.restUrl() + "/api/v3  streams " + sim.wsUrl() + "/ws/<stream>  WebSocket API "
                    + sim.wsApiUrl() + "\n         HMAC keys: " + BinanceSimulatorConfig.TRADER1_KEY + " / "
                    + BinanceSimulatorConfig.TRADER1_SECRET + " (trader1), " + BinanceSimulatorConfig.TRADER2_KEY + " / "
                    + BinanceSimulatorConfig.TRADER2_SECRET + " (trader2)";
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }
}
