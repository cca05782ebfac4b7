package io.meridian.admin;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.risk.HotRiskGate;
import io.meridian.risk.RiskConfig;
import io.meridian.risk.RiskLimits;
import io.meridian.risk.RiskScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runtime limit changes written to {@code <data-dir>/risk-limits} come back the same at the next start. */
class RiskLimitFileTest
{
    private static final InstrumentRegistry INSTRUMENTS = new InstrumentRegistry(List.of(
        new Instrument(0, "AAPL", 4, 0, 0, 1_900_000, 10_000, 1_000_000, 1000),
        new Instrument(1, "BTC-USDT", 2, 8, 0, 6_500_000, 5_000_000_000L, 500_000_000, 500)));

    @TempDir
    Path dir;

    private static HotRiskGate gate()
    {
        return new HotRiskGate(INSTRUMENTS, new RiskConfig(RiskLimits.none(2), List.of("CLIENT1"), Map.of(),
            Map.of("DESK-A", RiskLimits.builder(2).maxOpenOrders(3).build()), 0));
    }

    @Test
    void aChangeOutlivesTheRestartOverTheConfiguredLimits()
    {
        final LimitSettings changed = new LimitSettings(4, 10, new BigDecimal("250000"), new BigDecimal("1000.5"), null,
            Map.of("AAPL", new BigDecimal("500")), Map.of("BTC-USDT", new BigDecimal("1.25")), new BigDecimal("300"), 5,
            120L, 2, new BigDecimal("750"), 600L);
        final HotRiskGate before = gate();
        final RiskScope desk = before.scope(RiskScope.Kind.ACCOUNT, "DESK-A");
        final RiskLimitFile file = RiskLimitFile.restore(dir, before, INSTRUMENTS);
        assertThat(file.source(desk).runtime()).isFalse();
        before.limits(desk, changed.toLimits(INSTRUMENTS));
        file.changed(desk, LimitSettings.of(desk.limits(), INSTRUMENTS), "alice", "2026-12-07T12:00:00Z");

        final HotRiskGate after = gate();
        final RiskScope restarted = after.scope(RiskScope.Kind.ACCOUNT, "DESK-A");
        assertThat(restarted.limits().maxOpenOrders()).as("the configured 3 before the file is read").isEqualTo(3);
        final RiskLimitFile restored = RiskLimitFile.restore(dir, after, INSTRUMENTS);
        assertThat(restarted.limits()).isEqualTo(changed.toLimits(INSTRUMENTS));
        assertThat(restored.source(restarted)).isEqualTo(new RiskLimitFile.Source("alice", "2026-12-07T12:00:00Z"));
        assertThat(restored.source(after.scope(RiskScope.Kind.FIRM, "firm")).runtime()).isFalse();

        restored.reverted(restarted);
        final HotRiskGate third = gate();
        RiskLimitFile.restore(dir, third, INSTRUMENTS);
        assertThat(third.scope(RiskScope.Kind.ACCOUNT, "DESK-A").limits().maxOpenOrders()).isEqualTo(3);
    }

    @Test
    void aLineThatNoLongerFitsTheConfigurationRefusesTheStart() throws Exception
    {
        Files.writeString(dir.resolve(RiskLimitFile.FILE), "account\tDESK-GONE\talice\t2026-12-07T12:00:00Z\tmax-open-orders=4\n");
        assertThatThrownBy(() -> RiskLimitFile.restore(dir, gate(), INSTRUMENTS))
            .hasMessageContaining("line 1").hasMessageContaining("no account scope DESK-GONE");
        Files.writeString(dir.resolve(RiskLimitFile.FILE), "account\tDESK-A\talice\t2026-12-07T12:00:00Z\tmax-position.NOPE=1\n");
        assertThatThrownBy(() -> RiskLimitFile.restore(dir, gate(), INSTRUMENTS)).hasMessageContaining("unknown symbol NOPE");
        Files.writeString(dir.resolve(RiskLimitFile.FILE), "account\tDESK-A\talice\t2026-12-07T12:00:00Z\tmax-open-order=4\n");
        assertThatThrownBy(() -> RiskLimitFile.restore(dir, gate(), INSTRUMENTS)).hasMessageContaining("unknown limit max-open-order");
    }
}
