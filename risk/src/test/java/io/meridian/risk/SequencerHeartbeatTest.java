package io.meridian.risk;

import org.junit.jupiter.api.Test;

import static io.meridian.risk.SequencerHeartbeat.Verdict.HEALTHY;
import static io.meridian.risk.SequencerHeartbeat.Verdict.RECOVERED;
import static io.meridian.risk.SequencerHeartbeat.Verdict.STALLED;
import static org.assertj.core.api.Assertions.assertThat;

class SequencerHeartbeatTest
{
    @Test
    void idleIsHealthyAStallIsReportedOnceAndRecoveryAfterAHealthyPeriod()
    {
        final SequencerHeartbeat heartbeat = new SequencerHeartbeat(1_000, 500);
        assertThat(heartbeat.observe(0, 10, false)).isEqualTo(HEALTHY);
        assertThat(heartbeat.observe(5_000, 10, false)).as("idle: nothing waiting").isEqualTo(HEALTHY);
        assertThat(heartbeat.observe(5_100, 10, true)).isEqualTo(HEALTHY);
        assertThat(heartbeat.observe(5_500, 11, true)).as("progress").isEqualTo(HEALTHY);
        assertThat(heartbeat.observe(6_499, 11, true)).isEqualTo(HEALTHY);
        assertThat(heartbeat.observe(6_500, 11, true)).isEqualTo(STALLED);
        assertThat(heartbeat.observe(7_000, 11, true)).as("reported once").isEqualTo(HEALTHY);
        assertThat(heartbeat.stalled()).isTrue();
        assertThat(heartbeat.observe(7_100, 50, false)).as("moving again, not yet long enough").isEqualTo(HEALTHY);
        assertThat(heartbeat.observe(7_599, 60, true)).isEqualTo(HEALTHY);
        assertThat(heartbeat.observe(7_600, 70, true)).isEqualTo(RECOVERED);
        assertThat(heartbeat.stalled()).isFalse();
    }

    @Test
    void withoutAutoClearOnlyAnOperatorClears()
    {
        final SequencerHeartbeat heartbeat = new SequencerHeartbeat(100, 0);
        heartbeat.observe(0, 1, true);
        assertThat(heartbeat.observe(100, 1, true)).isEqualTo(STALLED);
        assertThat(heartbeat.observe(10_000, 2, false)).isEqualTo(HEALTHY);
        assertThat(heartbeat.stalled()).isTrue();
        heartbeat.cleared();
        assertThat(heartbeat.observe(10_050, 2, true)).isEqualTo(HEALTHY);
        assertThat(heartbeat.observe(10_150, 2, true)).as("a new stall is reported again").isEqualTo(STALLED);
    }
}
