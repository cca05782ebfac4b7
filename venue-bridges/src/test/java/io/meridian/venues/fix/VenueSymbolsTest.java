package io.meridian.venues.fix;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VenueSymbolsTest
{
    private static final int FIX_VENUE = 0;
    private static final int BINANCE = 1;

    private final InstrumentRegistry instruments = new InstrumentRegistry(List.of(
        instrument(0, "AAPL", FIX_VENUE),
        instrument(1, "BTC-USDT", BINANCE),
        instrument(2, "BTC-USDT@SIMVENUE", FIX_VENUE),
        instrument(3, "ETH-USDT@SIMVENUE", FIX_VENUE)));

    @Test
    void theVenueSeesOurSymbolWithoutItsVenueSuffixAndItsSymbolsMapBackToTheInstrumentsRoutedThere()
    {
        final VenueSymbols symbols = new VenueSymbols(instruments, FIX_VENUE, Map.of());

        assertThat(symbols.venueSymbol("BTC-USDT@SIMVENUE").toString()).isEqualTo("BTC-USDT");
        assertThat(symbols.venueSymbol("AAPL").toString()).isEqualTo("AAPL");
        assertThat(symbols.instrument(chars("BTC-USDT"), 8).symbol())
            .as("the FIX venue's BTC-USDT, not Binance's").isEqualTo("BTC-USDT@SIMVENUE");
        assertThat(symbols.instrument("ETH-USDT").symbol()).isEqualTo("ETH-USDT@SIMVENUE");
        assertThat(symbols.instrument(chars("AAPL"), 4).id()).isZero();
        assertThat(symbols.instrument("DOGE-USDT")).isNull();
        assertThat(symbols.routed()).extracting(Instrument::symbol)
            .containsExactly("AAPL", "BTC-USDT@SIMVENUE", "ETH-USDT@SIMVENUE");
    }

    @Test
    void aConfiguredSymbolWinsAndMustNameAnInstrument()
    {
        final VenueSymbols symbols = new VenueSymbols(instruments, FIX_VENUE, Map.of("BTC-USDT@SIMVENUE", "XBT/USDT"));
        assertThat(symbols.venueSymbol("BTC-USDT@SIMVENUE").toString()).isEqualTo("XBT/USDT");
        assertThat(symbols.instrument(chars("XBT/USDT"), 8).symbol()).isEqualTo("BTC-USDT@SIMVENUE");
        assertThat(symbols.instrument(chars("BTC-USDT"), 8).symbol()).as("no longer this venue's name: the instrument of that name")
            .isEqualTo("BTC-USDT");

        assertThatThrownBy(() -> new VenueSymbols(instruments, FIX_VENUE, Map.of("NOPE", "X")))
            .hasMessageContaining("NOPE");
        assertThatThrownBy(() -> new VenueSymbols(instruments, FIX_VENUE, Map.of("AAPL", "ETH-USDT")))
            .hasMessageContaining("ETH-USDT");
    }

    private static char[] chars(final String symbol)
    {
        final char[] chars = new char[32];
        symbol.getChars(0, symbol.length(), chars, 0);
        return chars;
    }

    private static Instrument instrument(final int id, final String symbol, final int venueId)
    {
        return new Instrument(id, symbol, 2, 8, venueId, 0, 1_000_000_000L, Long.MAX_VALUE, 0);
    }
}
