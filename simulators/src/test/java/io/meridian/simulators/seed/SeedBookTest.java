package io.meridian.simulators.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.simulators.matching.Side;
import org.junit.jupiter.api.Test;

class SeedBookTest {

    @Test
    void defaultBookHasThreeLevelsEachSideForFourSymbols() {
        SeedBook book = SeedBook.defaultBook();

        assertThat(book.symbols()).containsExactly("AAPL", "MSFT", "BTC-USD", "ETH-USD");
        assertThat(book.orders()).hasSize(24);
        assertThat(book.orders()).contains(
            SeedOrder.of("AAPL", Side.BUY, "100", "189.90"),
            SeedOrder.of("AAPL", Side.SELL, "100", "190.10"),
            SeedOrder.of("BTC-USD", Side.SELL, "0.5", "65010"));
    }

    @Test
    void parsesListedSymbolsAndLevels() {
        SeedBook book = SeedBook.parse("symbols = X\nY.BUY = 1@2, 3@1.5\n");

        assertThat(book.symbols()).containsExactlyInAnyOrder("X", "Y");
        assertThat(book.orders()).containsExactly(SeedOrder.of("Y", Side.BUY, "1", "2"), SeedOrder.of("Y", Side.BUY, "3", "1.5"));
    }

    @Test
    void rejectsMalformedEntries() {
        assertThatThrownBy(() -> SeedBook.parse("Y.BUY = 1-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedBook.parse("Y.HOLD = 1@2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedBook.parse("Y.BUY = 0@2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedBook.parse("NODOT = 1@2")).isInstanceOf(IllegalArgumentException.class);
    }
}
