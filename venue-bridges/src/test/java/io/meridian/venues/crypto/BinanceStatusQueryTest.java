package io.meridian.venues.crypto;

import io.meridian.simulators.binance.BinanceSimulator;
import io.meridian.simulators.binance.BinanceSimulatorConfig;
import io.meridian.simulators.exchange.SimulatedExchange;
import io.meridian.simulators.fault.FaultPlan;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.util.Map;
import java.util.function.Function;

/** {@link BinanceSpotBridge} answering the OMS's status queries against the Binance simulator. */
class BinanceStatusQueryTest extends CryptoStatusQueryTestBase
{
    private BinanceSimulator sim;
    private CryptoVenueConfig config;

    void startSimulator()
    {
        sim = BinanceSimulator.start(BinanceSimulatorConfig.defaults(0, SEED).withMakerStepMillis(0));
        config = new CryptoVenueConfig(1, "BINANCE", CryptoVenueKind.BINANCE_SPOT, sim.restUrl(), sim.wsApiUrl(),
            sim.wsUrl(), VenueCredentials.hmac(BinanceSimulatorConfig.TRADER1_KEY, BinanceSimulatorConfig.TRADER1_SECRET,
            null), Map.of("BTC-USDT", "BTCUSDT", "ETH-USDT", "ETHUSDT"), 2_000, 5_000, 50, 500, true);
    }

    void closeSimulator()
    {
        sim.close();
    }

    CryptoVenueConfig config()
    {
        return config;
    }

    CryptoVenueBridge newBridge(final CryptoVenueConfig venueConfig)
    {
        return new BinanceSpotBridge(venueConfig, SystemEpochClock.INSTANCE, new SystemEpochNanoClock());
    }

    <T> T onExchange(final Function<SimulatedExchange, T> query)
    {
        return sim.onExchange(query);
    }

    FaultPlan faults()
    {
        return sim.faults();
    }

    String instrument()
    {
        return "BTC-USDT";
    }

    String venueSymbol()
    {
        return "BTCUSDT";
    }

    String venueClOrdId(final String clOrdId)
    {
        return clOrdId;
    }
}
