package io.meridian.simulators.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalScaleTest {
    private final DecimalScale scale = DecimalScale.defaultScale();

    @Test
    void convertsBothWaysAtEightDecimals() {
        assertThat(scale.toScaled("189.5")).isEqualTo(18_950_000_000L);
        assertThat(scale.toScaled("0.00000001")).isEqualTo(1L);
        assertThat(scale.toBigDecimal(18_950_000_000L)).isEqualByComparingTo("189.5");
        assertThat(scale.toBigDecimal(10_000_000_000L).toPlainString()).isEqualTo("100");
        assertThat(scale.toBigDecimal(150_000_000L).toString()).isEqualTo("1.5");
    }

    @Test
    void refusesValuesThatDoNotFit() {
        assertThat(scale.isRepresentable(new BigDecimal("0.000000001"))).isFalse();
        assertThat(scale.isRepresentable(new BigDecimal("1E+10"))).isTrue();
        assertThat(scale.isRepresentable(new BigDecimal("1E+11"))).isFalse();
        assertThatThrownBy(() -> scale.toScaled("0.000000001")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void otherScales() {
        assertThat(DecimalScale.of(2).toScaled("1.25")).isEqualTo(125);
        assertThatThrownBy(() -> DecimalScale.of(19)).isInstanceOf(IllegalArgumentException.class);
    }
}
