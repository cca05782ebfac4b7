package io.meridian.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty SIGKILLs of a Meridian process under 50 requests/s (resting and marketable orders, cancels) on
 * the FIX venue and, from a second client at half that rate, on the Binance simulator, each restarted at
 * once on the same data directory: see {@link KillLoop} for what is checked (reconciliation finding no
 * drift, and the journal replayed to the state of the last stop).
 * {@code bin/kill-loop} runs the same loop with any number of kills.
 */
@Timeout(900)
class KillLoopSystemTest
{
    @Test
    void twentyKillsLoseNothing(@TempDir final Path dir) throws Exception
    {
        final KillLoop.Result result = KillLoop.run(new KillLoop.Settings(20, 50, 20261202L, 1_000, 3_000, dir, true));
        System.out.println("kill loop: " + result.describe());

        assertThat(result.violations()).as(result.describe()).isEmpty();
        assertThat(result.kills()).isEqualTo(20);
        assertThat(result.answered()).isEqualTo(result.requestsSent());
        assertThat(result.fills()).as("marketable orders traded").isPositive();
        assertThat(result.cancels()).as("cancels were sent").isPositive();
        assertThat(result.ordersCompared()).as("every order the client knows was compared").isPositive();
        assertThat(result.venueOrdersCompared()).isPositive();
    }
}
