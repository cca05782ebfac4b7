package io.meridian.benchmarks.e2e;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTrackerTest
{
    @Test
    void latencyIsMeasuredFromTheIntendedSendTimeNotTheActualOne()
    {
        final OrderTracker tracker = new OrderTracker(2, 0, false, 1_000_000);
        // the sender was held up 400 us: the wait counts (coordinated omission corrected)
        tracker.onSent(0, 1_000, 401_000);
        tracker.onReport(0, OrderTracker.Stage.FIRST, 411_000);
        assertThat(tracker.firstReport().getTotalCount()).isEqualTo(1);
        assertThat(tracker.firstReport().getMaxValue()).isBetween(409_000L, 411_000L);
        assertThat(tracker.maxSendLagNanos()).isEqualTo(400_000);
    }

    @Test
    void warmUpOrdersAreCheckedButNotRecorded()
    {
        final OrderTracker tracker = new OrderTracker(3, 2, false, 1_000_000);
        for (int i = 0; i < 3; i++)
        {
            tracker.onSent(i, i * 100L, i * 100L);
        }
        tracker.onReport(0, OrderTracker.Stage.FIRST, 50);
        tracker.onReport(1, OrderTracker.Stage.FIRST, 150);
        tracker.onReport(2, OrderTracker.Stage.FIRST, 250);
        assertThat(tracker.firstReport().getTotalCount()).isEqualTo(1);
        assertThat(tracker.measured()).isEqualTo(1);
        assertThat(tracker.allComplete()).isTrue();
        assertThat(tracker.lost()).isZero();
    }

    @Test
    void meridianOrdersCompleteOnlyWithBothStages()
    {
        final OrderTracker tracker = new OrderTracker(2, 0, true, 1_000_000);
        tracker.onSent(0, 0, 0);
        tracker.onSent(1, 10, 10);
        tracker.onReport(0, OrderTracker.Stage.FIRST, 100);
        tracker.onReport(0, OrderTracker.Stage.ACKED, 300);
        tracker.onReport(1, OrderTracker.Stage.FIRST, 110);
        assertThat(tracker.completed()).isEqualTo(1);
        assertThat(tracker.lost()).as("order 1 never got its venue ack").isEqualTo(1);
        assertThat(tracker.ackedReport().getTotalCount()).isEqualTo(1);
        assertThat(tracker.firstReport().getTotalCount()).isEqualTo(2);
    }

    @Test
    void aRefusedOrderIsAnsweredCountedApartAndKeptOutOfTheLatencies()
    {
        final OrderTracker tracker = new OrderTracker(3, 0, true, 1_000_000);
        tracker.onSent(0, 0, 0);
        tracker.onSent(1, 10, 10);
        tracker.onSent(2, 20, 20);
        tracker.onReport(0, OrderTracker.Stage.FIRST, 100);
        tracker.onReport(0, OrderTracker.Stage.ACKED, 300);
        tracker.onRefused(1);
        tracker.onRefused(1);
        assertThat(tracker.refused()).isEqualTo(1);
        assertThat(tracker.completed()).isEqualTo(2);
        assertThat(tracker.lost()).as("order 2 got nothing").isEqualTo(1);
        assertThat(tracker.mismatched()).as("the second reject of order 1").isEqualTo(1);
        assertThat(tracker.firstReport().getTotalCount()).isEqualTo(1);
        assertThat(tracker.ackedReport().getTotalCount()).isEqualTo(1);
    }

    @Test
    void duplicatesUnknownOrdersAndLateReportsAreCounted()
    {
        final OrderTracker tracker = new OrderTracker(4, 0, false, 1_000);
        tracker.onSent(0, 0, 0);
        tracker.onSent(1, 0, 0);
        tracker.onReport(0, OrderTracker.Stage.FIRST, 500);
        tracker.onReport(0, OrderTracker.Stage.FIRST, 600);
        tracker.onReport(3, OrderTracker.Stage.FIRST, 600);
        tracker.onReport(1, OrderTracker.Stage.ACKED, 600);
        tracker.onUnknownReport();
        tracker.onReport(1, OrderTracker.Stage.FIRST, 5_000);
        assertThat(tracker.mismatched()).as("duplicate, never sent, unexpected stage, unknown").isEqualTo(4);
        assertThat(tracker.late()).isEqualTo(1);
        assertThat(tracker.completed()).isEqualTo(2);
        assertThat(tracker.sent()).isEqualTo(2);
    }

    @Test
    void ordersMustBeSentInSequence()
    {
        final OrderTracker tracker = new OrderTracker(2, 0, false, 1_000);
        assertThatThrownBy(() -> tracker.onSent(1, 0, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void clOrdIdsRoundTrip()
    {
        final char[] chars = new char[20];
        for (final long value : new long[] {0, 7, 10, 123_456_789L, 999_999_999_999L})
        {
            final int length = FixLoadClient.format(value, chars);
            assertThat(new String(chars, 0, length)).isEqualTo(Long.toString(value));
            assertThat(FixLoadClient.parse(chars, length)).isEqualTo(value);
        }
        assertThat(FixLoadClient.parse("12a".toCharArray(), 3)).isEqualTo(-1);
        assertThat(FixLoadClient.parse(chars, 0)).isEqualTo(-1);
    }
}
