package io.meridian.risk;

import io.meridian.oms.model.Side;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scope marks only the instruments it holds: across the 64-instrument words of its bitset, and as
 * instruments are opened, closed and opened again, its sums equal those of a loop over every instrument.
 */
class RiskScopeMarkingTest
{
    private static final int INSTRUMENTS = 130;

    @Test
    void openNotionalAndProfitCountExactlyTheHeldInstrumentsAcrossWords()
    {
        final double[] divisor = new double[INSTRUMENTS];
        Arrays.fill(divisor, 1.0);
        final RiskScope scope = new RiskScope(RiskScope.Kind.FIRM, "firm", divisor, RiskLimits.none(INSTRUMENTS), 0);
        final double[] unitMarks = new double[INSTRUMENTS];
        for (int i = 0; i < INSTRUMENTS; i++)
        {
            unitMarks[i] = 10 + i;
        }
        final long now = 1_000;

        scope.onOpenQty(0, Side.BUY, 5, 1);
        scope.onOpenQty(63, Side.SELL, 7, 1);
        scope.onOpenQty(64, Side.BUY, 11, 1);
        scope.onOpenQty(129, Side.SELL, 13, 1);
        assertThat(scope.openNotional(unitMarks)).isEqualTo(5 * 10 + 7 * 73 + 11 * 74 + 13 * 139.0);

        scope.onOpenQty(63, Side.SELL, -7, -1); // closed: no longer counted
        scope.onFill(65, Side.BUY, 2, 100, now); // a position only: cost 200, marked at 75
        scope.onFill(127, Side.SELL, 3, 100, now); // short 3 at 100, marked at 137
        assertThat(scope.openNotional(unitMarks)).isEqualTo(5 * 10 + 11 * 74 + 13 * 139.0);
        assertThat(scope.dailyProfit(now, unitMarks)).isEqualTo((2 * 75 - 200) + (-3 * 137 + 300.0));

        scope.onFill(65, Side.SELL, 2, 80, now); // flat again: the realised loss stays, the mark goes
        scope.onOpenQty(63, Side.BUY, 1, 1); // held again
        assertThat(scope.dailyProfit(now, unitMarks)).isEqualTo(-40 + (-3 * 137 + 300.0));
        assertThat(scope.openNotional(unitMarks)).isEqualTo(5 * 10 + 73 + 11 * 74 + 13 * 139.0);
    }
}
