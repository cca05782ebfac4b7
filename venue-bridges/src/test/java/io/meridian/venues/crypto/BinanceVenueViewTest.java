package io.meridian.venues.crypto;

import io.meridian.simulators.binance.BinanceSimulator;
import io.meridian.simulators.binance.BinanceSimulatorConfig;
import io.meridian.simulators.exchange.Amounts;
import io.meridian.simulators.exchange.NewOrder;
import io.meridian.simulators.exchange.SimulatedExchange;
import io.meridian.simulators.fault.FaultPlan;
import io.meridian.simulators.matching.Side;
import io.meridian.simulators.matching.TimeInForce;
import io.meridian.venues.view.VenueView;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BinanceSpotBridge} as a {@link io.meridian.venues.view.VenueViewSource} against the Binance simulator. */
class BinanceVenueViewTest extends CryptoVenueViewTestBase
{
    private BinanceSimulator sim;
    private CryptoVenueConfig config;

    @Test
    void tradesOfOrdersTheBridgeDoesNotTrackAreNamedByTheVenuesOrder() throws Exception
    {
        // an order from before a restart: the venue knows it, the bridge does not
        onExchange(ex -> ex.submit(NewOrder.limit("trader1", "BTCUSDT", Side.SELL, TimeInForce.GTC, Amounts.of("60000"),
            Amounts.of("0.01"), "TPFGVI.99-1")));
        takerBuys("60000", "0.01");

        final VenueView view = view(java.util.Map.of());

        assertThat(view.trades()).singleElement().satisfies(t ->
        {
            assertThat(t.clOrdId()).isEqualTo("TPFGVI.99-1");
            assertThat(t.symbol()).isEqualTo("BTC-USDT");
        });
        // not ours as far as the bridge knows: reported, not handed to the OMS
        assertThat(executions).isEmpty();
        assertThat(bridge.metrics().viewRecoveredFills()).isZero();
    }

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
}
