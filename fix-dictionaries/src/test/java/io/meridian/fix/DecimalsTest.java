package io.meridian.fix;

import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.fields.DecimalFloat;

import static io.meridian.fix.Decimals.NOT_REPRESENTABLE;
import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest
{
    @Test
    void scalesUpAndDownExactly()
    {
        assertThat(Decimals.toScaled(new DecimalFloat().fromString("101.25"), 4)).isEqualTo(1_012_500L);
        assertThat(Decimals.toScaled(new DecimalFloat().fromString("100"), 0)).isEqualTo(100L);
        assertThat(Decimals.toScaled(new DecimalFloat().fromString("100.000"), 0)).isEqualTo(100L);
        assertThat(Decimals.toScaled(new DecimalFloat().fromString("-3.5"), 2)).isEqualTo(-350L);
    }

    @Test
    void refusesLostPrecisionNaNAndOverflow()
    {
        assertThat(Decimals.toScaled(new DecimalFloat().fromString("100.12345"), 4)).isEqualTo(NOT_REPRESENTABLE);
        assertThat(Decimals.toScaled(DecimalFloat.newNaNValue(), 4)).isEqualTo(NOT_REPRESENTABLE);
        assertThat(Decimals.toScaled(Long.MAX_VALUE / 10, 0, 2)).isEqualTo(NOT_REPRESENTABLE);
        assertThat(Decimals.toScaled(Long.MIN_VALUE / 10, 0, 2)).isEqualTo(NOT_REPRESENTABLE);
        assertThat(Decimals.toScaled(1, 0, 18)).isEqualTo(1_000_000_000_000_000_000L);
    }
}
