package io.meridian.venues.crypto;

/**
 * An instrument whose venue book a bridge keeps.
 *
 * @param instrumentId the OMS's instrument id (the {@code TopOfBookTable} slot).
 * @param symbol       our symbol, e.g. {@code BTC-USDT@OKX}.
 * @param venueSymbol  the venue's, e.g. {@code BTC-USDT} (OKX instId) or {@code BTCUSDT} (Binance).
 * @param priceScale   decimals of the instrument's scaled prices.
 * @param qtyScale     decimals of its scaled quantities.
 */
public record BookInstrument(int instrumentId, String symbol, String venueSymbol, int priceScale, int qtyScale)
{
}
