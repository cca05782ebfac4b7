package io.meridian.systemtests;

import io.meridian.admin.InstrumentSettings;
import io.meridian.simulators.binance.BinanceSimulator;
import io.meridian.simulators.binance.BinanceSimulatorConfig;
import io.meridian.simulators.exchange.Fill;
import io.meridian.simulators.okx.OkxSimulator;
import io.meridian.venues.crypto.CryptoVenueConfig;
import io.meridian.venues.crypto.CryptoVenueKind;
import io.meridian.venues.crypto.VenueCredentials;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Crypto venue configurations pointing at simulators a test owns, and what the simulators recorded. */
final class CryptoVenues
{
    static final String BINANCE = "BINANCE";
    static final String OKX = "OKX";
    static final String BTC = "BTC-USDT";

    private CryptoVenues()
    {
    }

    /** Venue id 1 (after SIMVENUE), trader1's HMAC key, a short request timeout so unknown outcomes settle fast. */
    static CryptoVenueConfig binance(final BinanceSimulator sim, final long requestTimeoutMs)
    {
        return new CryptoVenueConfig(1, BINANCE, CryptoVenueKind.BINANCE_SPOT, sim.restUrl(), sim.wsApiUrl(),
            sim.wsUrl(), VenueCredentials.hmac(BinanceSimulatorConfig.TRADER1_KEY, BinanceSimulatorConfig.TRADER1_SECRET,
            null), Map.of(BTC, "BTCUSDT", "ETH-USDT", "ETHUSDT"), requestTimeoutMs, 5_000, 50, 500, true);
    }

    /** OKX with venue id {@code venueId}, trader1's key; instruments BTC-USDT@OKX and ETH-USDT@OKX. */
    static CryptoVenueConfig okx(final OkxSimulator sim, final int venueId, final long requestTimeoutMs)
    {
        return new CryptoVenueConfig(venueId, OKX, CryptoVenueKind.OKX_V5, sim.restUri().toString(),
            sim.privateWsUri().toString(), sim.publicWsUri().toString(),
            VenueCredentials.hmac("okx-trader1-key", "okx-trader1-secret", "okx-trader1-pass"),
            Map.of(BTC + "@OKX", "BTC-USDT", "ETH-USDT@OKX", "ETH-USDT"), requestTimeoutMs, 5_000, 50, 500, true);
    }

    static List<Fill> okxFills(final OkxSimulator sim, final String instId)
    {
        return sim.onExchange(exchange -> exchange.trades("trader1", instId));
    }

    static List<InstrumentSettings> instruments(final String venue, final String suffix)
    {
        return List.of(
            new InstrumentSettings(BTC + suffix, venue, 2, 8, new BigDecimal("60000.00"), new BigDecimal("50"),
                new BigDecimal("5000000"), 1000),
            new InstrumentSettings("ETH-USDT" + suffix, venue, 2, 8, new BigDecimal("3000.00"), new BigDecimal("500"),
                new BigDecimal("5000000"), 1000));
    }

    /** The simulator's own record of trader1's fills on a symbol. */
    static List<Fill> binanceFills(final BinanceSimulator sim, final String symbol)
    {
        return sim.onExchange(exchange -> exchange.trades("trader1", symbol));
    }
}
