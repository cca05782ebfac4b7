package io.meridian.router;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AckLatencyWindowTest
{
    @Test
    void theMedianCountsOnlyOnceEnoughAcksAreIn()
    {
        final AckLatencyWindow window = new AckLatencyWindow(2);
        for (int i = 1; i < AckLatencyWindow.MIN_SAMPLES; i++)
        {
            window.record(1, 1_000_000_000L);
            assertThat(window.medianNanos(1)).as("%d acks are not evidence", i).isZero();
        }
        window.record(1, 1_000_000_000L);
        assertThat(window.medianNanos(1)).isEqualTo(1_000_000_000L);
        assertThat(window.medianNanos(0)).as("another venue").isZero();
    }

    @Test
    void isTheMedianOfTheLastFifteenAcks()
    {
        final AckLatencyWindow window = new AckLatencyWindow(1);
        final java.util.Random random = new java.util.Random(20261207);
        final java.util.ArrayDeque<Long> reference = new java.util.ArrayDeque<>();
        for (int i = 0; i < 1_000; i++)
        {
            final long ack = random.nextInt(1_000_000);
            window.record(0, ack);
            reference.addLast(ack);
            if (reference.size() > AckLatencyWindow.WINDOW)
            {
                reference.removeFirst();
            }
            final long[] sorted = reference.stream().mapToLong(Long::longValue).sorted().toArray();
            final long expected = sorted.length < AckLatencyWindow.MIN_SAMPLES ? 0 : sorted[sorted.length / 2];
            assertThat(window.medianNanos(0)).as("after ack %d", i).isEqualTo(expected);
        }
    }

    @Test
    void oneSlowAckDoesNotMoveTheMedianAndHalvingHalvesIt()
    {
        final AckLatencyWindow window = new AckLatencyWindow(1);
        window.record(0, 650_000_000L);
        for (int i = 0; i < 6; i++)
        {
            window.record(0, 200_000L);
        }
        assertThat(window.medianNanos(0)).isEqualTo(200_000L);
        window.halve(0, 2);
        assertThat(window.medianNanos(0)).isEqualTo(50_000L);
        window.record(0, 50_000L);
        assertThat(window.medianNanos(0)).as("the halved samples stay halved").isEqualTo(50_000L);
        window.halve(0, 64);
        assertThat(window.medianNanos(0)).isZero();
    }
}
