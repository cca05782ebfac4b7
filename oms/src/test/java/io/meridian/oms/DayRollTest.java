package io.meridian.oms;

import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DayRollTest
{
    @TempDir
    Path dir;

    private Harness harness(final int maxOrders)
    {
        return new Harness(new OmsConfig().journalDir(dir).maxOrders(maxOrders).ringCapacityBytes(1 << 16)
            .journalSegmentBytes(1 << 20), false);
    }

    @Test
    void capacityIsBoundedByLiveOrdersNotByOrdersSinceTheStart()
    {
        try (Harness h = harness(4))
        {
            final String live = h.buy(1, "LIVE", 100, 1_500_000);
            h.venue(ExecType.NEW, live + "-1");
            for (int i = 0; i < 3; i++)
            {
                final String done = h.buy(1, "D" + i, 10, 1_500_000);
                h.venue(ExecType.NEW, done + "-1");
                h.fill(done + "-1", "X" + i, 10, 1_500_000);
            }
            h.buy(1, "FULL", 10, 1_500_000);
            assertThat(h.reports.lastEr().rejectReason()).isEqualTo(OrderRejectReason.CAPACITY);

            h.dayRoll();
            assertThat(h.oms.metrics().ordersArchived()).isEqualTo(3);
            final String next = h.buy(1, "NEXT", 10, 1_500_000);
            assertThat(h.reports.lastEr().ordStatus()).isEqualTo(OrdStatus.PENDING_NEW);
            assertThat(Long.parseLong(next)).as("order ids go on").isEqualTo(Long.parseLong(live) + 5);
            assertThat(h.order(live).ordStatus()).as("a live order stays").isEqualTo(OrdStatus.NEW);
            assertThat(h.get(h.oms.queries().order("2"))).as("a done order left memory").isEmpty();
        }
    }

    @Test
    void theClOrdIdWindowRestartsButALiveOrdersIdsStillWork()
    {
        try (Harness h = harness(100))
        {
            final String live = h.buy(1, "LIVE", 100, 1_500_000);
            h.venue(ExecType.NEW, live + "-1");
            final String done = h.buy(1, "DONE", 10, 1_500_000);
            h.venue(ExecType.NEW, done + "-1");
            h.fill(done + "-1", "X1", 10, 1_500_000);

            h.buy(1, "DONE", 10, 1_500_000);
            assertThat(h.reports.lastEr().rejectReason()).isEqualTo(OrderRejectReason.DUPLICATE_CLORDID);
            h.dayRoll();
            h.buy(1, "DONE", 10, 1_500_000);
            assertThat(h.reports.lastEr().rejectReason()).as("a new day may use yesterday's done ClOrdID")
                .isEqualTo(OrderRejectReason.NONE);
            h.buy(1, "LIVE", 10, 1_500_000);
            assertThat(h.reports.lastEr().rejectReason()).as("a live order's ClOrdID is still taken")
                .isEqualTo(OrderRejectReason.DUPLICATE_CLORDID);

            h.submit(h.cancel(1, "C1", "LIVE"));
            assertThat(h.venues.last().kind()).as("a live order is cancelled by its ClOrdID after the roll")
                .isEqualTo("cancel");
        }
    }

    @Test
    void aLateResendOfYesterdaysFillOnALiveOrderCountsOnce()
    {
        try (Harness h = harness(100))
        {
            final String live = h.buy(1, "LIVE", 100, 1_500_000);
            h.venue(ExecType.NEW, live + "-1");
            h.fill(live + "-1", "T1", 10, 1_500_000);
            h.dayRoll();
            h.fill(live + "-1", "T1", 10, 1_500_000);
            assertThat(h.order(live).cumQty()).isEqualTo(10);
            assertThat(h.oms.metrics().duplicateFillsIgnored()).isEqualTo(1);
        }
    }

    @Test
    void aReplayRollsAtTheSamePointAndGivesTheSameState()
    {
        final long hash;
        final String live;
        try (Harness h = harness(100))
        {
            live = h.buy(1, "LIVE", 100, 1_500_000);
            h.venue(ExecType.NEW, live + "-1");
            final String done = h.buy(1, "DONE", 10, 1_500_000);
            h.venue(ExecType.NEW, done + "-1");
            h.fill(done + "-1", "X1", 10, 1_500_000);
            h.dayRoll();
            h.buy(2, "AFTER", 5, 1_500_000);
            hash = h.stateHash();
        }
        try (Harness h = harness(100))
        {
            assertThat(h.stateHash()).isEqualTo(hash);
            assertThat(h.get(h.oms.queries().order("2"))).isEmpty();
            assertThat(h.order(live).side()).isEqualTo(Side.BUY);
            assertThat(h.oms.metrics().dayRolls()).isEqualTo(1);
        }
    }
}
