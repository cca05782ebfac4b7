package io.meridian.router;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TWAP schedules against their promises: bounds, exact totals, bounded randomisation, determinism. */
class TwapScheduleTest
{
    private static final long START = 1_796_652_000_000_000_000L; // 2026-12-07T14:00:00Z
    private static final long HOUR = 3_600_000_000_000L;

    private final TwapSchedule schedule = new TwapSchedule();

    @Test
    void evenScheduleWithoutRandomisation()
    {
        schedule.init(1_000, 10, START, START + HOUR, 4, 0, 42);
        assertThat(schedule.slices()).isEqualTo(4);
        for (int i = 0; i < 4; i++)
        {
            assertThat(schedule.dueTimeNanos(i)).isEqualTo(START + i * HOUR / 4);
            assertThat(schedule.sliceQty(i)).isEqualTo(250);
        }
        assertThat(schedule.targetBy(3)).isEqualTo(1_000);
    }

    @Test
    void lotRoundingIsCumulativeAndTheLastSliceTakesTheRemainder()
    {
        // 1,005 in lots of 10 over 3 slices: 335 each exactly, rounded down cumulatively
        schedule.init(1_005, 10, START, START + HOUR, 3, 0, 1);
        assertThat(schedule.targetBy(0)).isEqualTo(330);
        assertThat(schedule.targetBy(1)).isEqualTo(670);
        assertThat(schedule.targetBy(2)).isEqualTo(1_005);
        assertThat(schedule.sliceQty(2)).isEqualTo(335);
    }

    @Test
    void moreSlicesThanLotsLeavesSomeSlicesEmpty()
    {
        schedule.init(30, 10, START, START + HOUR, 7, 0, 1);
        long previous = 0;
        for (int i = 0; i < 7; i++)
        {
            assertThat(schedule.targetBy(i) % 10).isZero();
            assertThat(schedule.targetBy(i)).isGreaterThanOrEqualTo(previous);
            previous = schedule.targetBy(i);
        }
        assertThat(previous).isEqualTo(30);
        assertThat(schedule.sliceQty(0)).isZero();
    }

    @Test
    void randomisedSchedulesKeepTheirBounds()
    {
        final SplittableRandom random = new SplittableRandom(7);
        for (int run = 0; run < 2_000; run++)
        {
            final int slices = 1 + random.nextInt(run % 10 == 0 ? 1000 : 40);
            final int pct = random.nextInt(51);
            final long lot = random.nextBoolean() ? 1 : 1 + random.nextInt(1_000);
            final long parent = 1 + random.nextLong(run % 3 == 0 ? 1_000_000_000_000_000L : 100_000);
            final long start = START + random.nextLong(HOUR);
            final long end = start + 1 + random.nextLong(run % 4 == 0 ? 1_000 : 48 * HOUR);
            final long seed = random.nextLong();
            schedule.init(parent, lot, start, end, slices, pct, seed);
            final String context = "run " + run + ": qty " + parent + " lot " + lot + " slices " + slices + " pct " + pct;

            final long interval = (end - start) / slices;
            long previousTime = start;
            long previousTarget = 0;
            for (int i = 0; i < slices; i++)
            {
                final long due = schedule.dueTimeNanos(i);
                final long base = start + (long)((double)(end - start) * i / slices);
                assertThat(due).as(context).isBetween(start, end - 1).isGreaterThanOrEqualTo(previousTime);
                // base computed in double here: allow a few nanos of its rounding
                assertThat(Math.abs(due - base)).as(context).isLessThanOrEqualTo(interval * pct / 100 + 2);
                final long target = schedule.targetBy(i);
                assertThat(target).as(context).isBetween(previousTarget, parent);
                if (i < slices - 1)
                {
                    assertThat(target % lot).as(context).isZero();
                }
                // each slice within pct% of an even slice, give or take the lot rounding of two targets
                final double exactEven = (double)parent / slices;
                assertThat((double)schedule.sliceQty(i)).as(context + " slice " + i)
                    .isBetween(exactEven * (100 - pct) / 100 - lot - 1, exactEven * (100 + pct) / 100 + lot + 1);
                previousTime = due;
                previousTarget = target;
            }
            assertThat(schedule.targetBy(slices - 1)).as(context).isEqualTo(parent);
        }
    }

    @Test
    void randomisationChangesTimesAndSizes()
    {
        schedule.init(1_000_000, 1, START, START + HOUR, 20, 30, 99);
        int timesMoved = 0;
        int sizesMoved = 0;
        for (int i = 0; i < 20; i++)
        {
            timesMoved += schedule.dueTimeNanos(i) != START + i * (HOUR / 20) ? 1 : 0;
            sizesMoved += schedule.sliceQty(i) != 50_000 ? 1 : 0;
        }
        assertThat(timesMoved).isGreaterThan(10);
        assertThat(sizesMoved).isGreaterThan(10);
    }

    @Test
    void sameSeedSameScheduleAnotherSeedAnother()
    {
        final long[] first = snapshot(schedule.init(123_456_789, 100, START, START + HOUR, 50, 25, 2026));
        final TwapSchedule other = new TwapSchedule(64);
        assertThat(snapshot(other.init(123_456_789, 100, START, START + HOUR, 50, 25, 2026))).isEqualTo(first);
        assertThat(snapshot(other.init(123_456_789, 100, START, START + HOUR, 50, 25, 2027))).isNotEqualTo(first);
        assertThat(snapshot(schedule.init(123_456_789, 100, START, START + HOUR, 50, 25, 2026)))
            .as("reinitialised").isEqualTo(first);
    }

    private static long[] snapshot(final TwapSchedule schedule)
    {
        final long[] values = new long[schedule.slices() * 2];
        for (int i = 0; i < schedule.slices(); i++)
        {
            values[2 * i] = schedule.dueTimeNanos(i);
            values[2 * i + 1] = schedule.targetBy(i);
        }
        return values;
    }

    @Test
    void aControlledClockWalksTheSchedule()
    {
        schedule.init(10_000, 5, START, START + HOUR, 12, 40, 5);
        long nowNanos = START - 1;
        assertThat(schedule.slicesDueAt(nowNanos)).isZero();
        assertThat(schedule.targetAt(nowNanos)).isZero();
        long sent = 0;
        int due = 0;
        final long step = 60_000_000_000L;
        for (nowNanos = START; nowNanos < START + HOUR; nowNanos += step)
        {
            final long target = schedule.targetAt(nowNanos);
            assertThat(target).isGreaterThanOrEqualTo(sent);
            final int nowDue = schedule.slicesDueAt(nowNanos);
            assertThat(nowDue).isGreaterThanOrEqualTo(due);
            for (int i = 0; i < nowDue; i++)
            {
                assertThat(schedule.dueTimeNanos(i)).isLessThanOrEqualTo(nowNanos);
            }
            if (nowDue < schedule.slices())
            {
                assertThat(schedule.dueTimeNanos(nowDue)).isGreaterThan(nowNanos);
            }
            sent = target;
            due = nowDue;
        }
        assertThat(sent).as("all sent before the end").isEqualTo(10_000);
        assertThat(schedule.slicesDueAt(Long.MAX_VALUE)).isEqualTo(12);
        assertThat(schedule.targetAt(START + HOUR)).isEqualTo(10_000);
    }

    @Test
    void invalidArgumentsAreBugs()
    {
        assertThatThrownBy(() -> schedule.init(0, 1, START, START + 1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.init(1, 0, START, START + 1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.init(1, 1, START, START, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.init(1, 1, START, START + 1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.init(1, 1, START, START + 1, 1001, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.init(1, 1, START, START + 1, 1, 51, 0)).isInstanceOf(IllegalArgumentException.class);
        schedule.init(10, 1, START, START + 1, 2, 0, 0);
        assertThatThrownBy(() -> schedule.targetBy(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void initAndReadsAllocateNothing()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long checksum = 0;
        for (int i = 0; i < 20_000; i++)
        {
            checksum += walk(i);
        }
        // the least of five rounds: a one-off JVM event (a compilation swapping code in) can charge a few bytes to
        // one round, an allocation per call shows in every round (2,000 calls, at least 16 bytes each)
        long bytes = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 2_000; i++)
            {
                checksum += walk(i);
            }
            bytes = Math.min(bytes, threads.getCurrentThreadAllocatedBytes() - before);
        }
        assertThat(checksum).isNotZero();
        assertThat(bytes).isZero();
    }

    private long walk(final int i)
    {
        schedule.init(1_000_000 + i, 10, START, START + HOUR, 1 + (i % 100), i % 51, i);
        long sum = schedule.targetAt(START + HOUR / 2);
        for (int s = 0; s < schedule.slices(); s++)
        {
            sum += schedule.dueTimeNanos(s) + schedule.targetBy(s);
        }
        return sum;
    }
}
