package io.meridian.venues.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest
{
    @Test
    void formatsWithoutTrailingZerosAndParsesVenueStrings()
    {
        assertThat(Decimals.format(6_010_000, 2)).isEqualTo("60100");
        assertThat(Decimals.format(6_010_050, 2)).isEqualTo("60100.5");
        assertThat(Decimals.format(1_000_000, 8)).isEqualTo("0.01");
        assertThat(Decimals.format(1, 8)).isEqualTo("0.00000001");
        assertThat(Decimals.parse("60100.50000000", 2)).isEqualTo(6_010_050);
        assertThat(Decimals.parse("0.01000000", 8)).isEqualTo(1_000_000);
        assertThat(Decimals.parse("12", 3)).isEqualTo(12_000);
        assertThat(Decimals.parse("0.001", 2)).isEqualTo(Long.MIN_VALUE);
        assertThat(Decimals.parse("abc", 2)).isEqualTo(Long.MIN_VALUE);
    }
}
