package io.meridian.simulators.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
    private final AtomicLong millis = new AtomicLong(1_000);

    @Test
    void sameSeedFiresOnTheSameEvents() {
        assertThat(draws(7)).isEqualTo(draws(7)).isNotEqualTo(draws(8));
        assertThat(draws(7)).contains(true, false);
    }

    private List<Boolean> draws(long seed) {
        FaultPlan plan = new FaultPlan("v", seed, millis::get);
        plan.inject(FaultSpec.of(FaultType.UNKNOWN_OUTCOME).withProbability(0.5));
        List<Boolean> result = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            result.add(plan.fire(FaultType.UNKNOWN_OUTCOME, "BTCUSDT").isPresent());
        }
        return result;
    }

    @Test
    void countSymbolAndWindowLimitFiring() {
        FaultPlan plan = new FaultPlan("v", 1, millis::get);
        plan.inject(FaultSpec.of(FaultType.RATE_LIMIT_BURST).onSymbol("BTCUSDT").times(2));
        plan.inject(FaultSpec.of(FaultType.VENUE_DOWN).forMillis(500));

        assertThat(plan.fire(FaultType.RATE_LIMIT_BURST, "ETHUSDT")).isEmpty();
        assertThat(plan.fire(FaultType.RATE_LIMIT_BURST, "BTCUSDT")).isPresent();
        assertThat(plan.fire(FaultType.RATE_LIMIT_BURST, "BTCUSDT")).isPresent();
        assertThat(plan.fire(FaultType.RATE_LIMIT_BURST, "BTCUSDT")).isEmpty();
        assertThat(plan.remainingMillis(FaultType.VENUE_DOWN, null)).isEqualTo(500);
        millis.addAndGet(500);
        assertThat(plan.active(FaultType.VENUE_DOWN, null)).isEmpty();
        assertThat(plan.firings()).extracting(FaultFiring::sequence).containsExactly(1L, 2L);
    }

    @Test
    void injectionListenersHearEachSpec() {
        FaultPlan plan = new FaultPlan("v", 1, millis::get);
        List<FaultSpec> heard = new ArrayList<>();
        plan.onInject(heard::add);
        FaultSpec spec = FaultSpec.of(FaultType.DROP_CONNECTIONS);
        plan.inject(spec);
        assertThat(heard).containsExactly(spec);
    }
}
