package io.meridian.venues.crypto;

import io.meridian.simulators.exchange.SimulatedExchange;
import io.meridian.simulators.fault.FaultPlan;
import io.meridian.simulators.okx.OkxSimulator;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.util.Map;
import java.util.function.Function;

/** {@link OkxBridge} answering the OMS's status queries against the OKX simulator. */
class OkxStatusQueryTest extends CryptoStatusQueryTestBase
{
    private OkxSimulator sim;
    private CryptoVenueConfig config;

    void startSimulator()
    {
        sim = OkxSimulator.start(OkxSimulator.Config.defaults(0, SEED).withMakerStepMs(0));
        config = new CryptoVenueConfig(2, "OKX", CryptoVenueKind.OKX_V5, sim.restUri().toString(),
            sim.privateWsUri().toString(), sim.publicWsUri().toString(),
            VenueCredentials.hmac("okx-trader1-key", "okx-trader1-secret", "okx-trader1-pass"),
            Map.of("BTC-USDT@OKX", "BTC-USDT", "ETH-USDT@OKX", "ETH-USDT"), 2_000, 5_000, 50, 500, true);
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
        return new OkxBridge(venueConfig, SystemEpochClock.INSTANCE, new SystemEpochNanoClock());
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
        return "BTC-USDT@OKX";
    }

    String venueSymbol()
    {
        return "BTC-USDT";
    }

    /** OKX's clOrdId of ours: '.' -> 'x', '-' -> 'y'. */
    String venueClOrdId(final String clOrdId)
    {
        return clOrdId.replace('.', 'x').replace('-', 'y');
    }
}
