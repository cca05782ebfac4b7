package io.meridian.venues.crypto;

import io.meridian.simulators.exchange.SimulatedExchange;
import io.meridian.venues.view.VenueView;
import io.meridian.simulators.fault.FaultPlan;
import io.meridian.simulators.okx.OkxSimulator;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link OkxBridge} as a {@link io.meridian.venues.view.VenueViewSource} against the OKX simulator. */
class OkxVenueViewTest extends CryptoVenueViewTestBase
{
    private OkxSimulator sim;
    private CryptoVenueConfig config;

    @Test
    void ordersTheBridgeDoesNotTrackAreNamedAsMeridianSentThem() throws Exception
    {
        // orders from before a restart, placed under OKX's form of our ClOrdIDs: the bridge does not know them
        placeOutsideTheBridge("{\"instId\":\"BTC-USDT\",\"tdMode\":\"cash\",\"side\":\"sell\",\"ordType\":\"limit\"," +
            "\"px\":\"60000\",\"sz\":\"0.01\",\"clOrdId\":\"TPFGVIx98y1\"}");
        placeOutsideTheBridge("{\"instId\":\"BTC-USDT\",\"tdMode\":\"cash\",\"side\":\"buy\",\"ordType\":\"limit\"," +
            "\"px\":\"59000\",\"sz\":\"0.01\",\"clOrdId\":\"TPFGVIx99y1\"}");
        takerBuys("60000", "0.004");

        final VenueView view = view(Map.of());

        assertThat(view.openOrders()).extracting(VenueView.OpenOrder::clOrdId)
            .containsExactlyInAnyOrder("TPFGVI.98-1", "TPFGVI.99-1");
        assertThat(view.trades()).singleElement().satisfies(t ->
        {
            assertThat(t.clOrdId()).isEqualTo("TPFGVI.98-1");
            assertThat(t.symbol()).isEqualTo("BTC-USDT@OKX");
        });
        // not ours as far as the bridge knows: reported, not handed to the OMS
        assertThat(executions).isEmpty();
    }

    private void placeOutsideTheBridge(final String body) throws Exception
    {
        final String path = "/api/v5/trade/order";
        final String timestamp = OkxSigner.restTimestamp(System.currentTimeMillis());
        final HttpRequest request = HttpRequest.newBuilder(URI.create(config().restUrl() + path))
            .header("Content-Type", "application/json")
            .header("OK-ACCESS-KEY", "okx-trader1-key")
            .header("OK-ACCESS-SIGN", new OkxSigner("okx-trader1-secret").sign(timestamp, "POST", path, body))
            .header("OK-ACCESS-TIMESTAMP", timestamp)
            .header("OK-ACCESS-PASSPHRASE", "okx-trader1-pass")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        final HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).contains("\"sCode\":\"0\"");
    }

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
}
