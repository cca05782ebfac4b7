package io.meridian.positions;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PositionKeeperTest
{
    private static final Instrument EQUITY = new Instrument(0, "AAPL", 4, 0, 0, 0, 0, 0, 0);
    private static final Instrument CRYPTO = new Instrument(1, "BTC-USD", 2, 8, 1, 0, 0, 0, 0);

    @Test
    void buildsNetPositionsPerAccountAndInstrument()
    {
        final PositionKeeper keeper = new PositionKeeper(4);
        final StringBuilder account = new StringBuilder("ACC1");
        keeper.onFill(account, EQUITY, Side.BUY, 100, 1_500_000, 0, "X1");
        keeper.onFill(account, EQUITY, Side.SELL, 30, 1_510_000, 0, "X2");
        keeper.onFill(account, EQUITY, Side.SELL_SHORT, 100, 1_520_000, 0, "X3");
        account.setLength(0);
        account.append("ACC2");
        keeper.onFill(account, CRYPTO, Side.BUY, 1_50000000L, 5_000_000, 1, "Y1");
        keeper.onFill("ACC1", CRYPTO, Side.SELL, 1, 4_000_000, 1, "Y2");

        assertThat(keeper.netQty("ACC1", 0)).isEqualTo(-30);
        assertThat(keeper.netQty("ACC2", 1)).isEqualTo(1_50000000L);
        assertThat(keeper.netQty("ACC3", 1)).isZero();

        final List<PositionRow> rows = keeper.snapshot();
        assertThat(rows).extracting(PositionRow::account, PositionRow::symbol)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("ACC1", "AAPL"),
                org.assertj.core.groups.Tuple.tuple("ACC1", "BTC-USD"),
                org.assertj.core.groups.Tuple.tuple("ACC2", "BTC-USD"));
        final PositionRow equity = rows.get(0);
        assertThat(equity.boughtQty()).isEqualTo(100);
        assertThat(equity.soldQty()).isEqualTo(130);
        assertThat(equity.fills()).isEqualTo(3);
        assertThat(equity.boughtNotional()).isEqualByComparingTo(new BigDecimal("15000"));
        assertThat(equity.soldNotional()).isEqualByComparingTo(new BigDecimal("19730")); // 30*151 + 100*152
        assertThat(rows.get(2).boughtNotional()).isEqualByComparingTo(new BigDecimal("75000")); // 1.5 * 50000
        assertThat(rows.get(1).soldNotional()).isEqualByComparingTo(new BigDecimal("0.0004"));
    }

    @Test
    void notionalNeverOverflows()
    {
        final PositionKeeper keeper = new PositionKeeper();
        keeper.onFill("A", EQUITY, Side.BUY, Long.MAX_VALUE, Long.MAX_VALUE, 0, "1");
        keeper.onFill("A", EQUITY, Side.BUY, Long.MAX_VALUE, Long.MAX_VALUE, 0, "2");
        final BigDecimal expected = new BigDecimal(java.math.BigInteger.valueOf(Long.MAX_VALUE)
            .multiply(java.math.BigInteger.valueOf(Long.MAX_VALUE)).shiftLeft(1), 4);
        assertThat(keeper.snapshot().get(0).boughtNotional()).isEqualByComparingTo(expected);
    }

    @Test
    void snapshotIsACopy()
    {
        final PositionKeeper keeper = new PositionKeeper();
        keeper.onFill("A", EQUITY, Side.BUY, 1, 1, 0, "1");
        final List<PositionRow> before = keeper.snapshot();
        keeper.onFill("A", EQUITY, Side.BUY, 1, 1, 0, "2");
        assertThat(before.get(0).netQty()).isEqualTo(1);
        assertThat(keeper.snapshot().get(0).netQty()).isEqualTo(2);
    }
}
