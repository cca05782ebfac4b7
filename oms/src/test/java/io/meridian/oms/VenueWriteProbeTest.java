package io.meridian.oms;

import io.meridian.oms.api.OrderEntry;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stamps are matched to the orders the bridge sends by ClOrdID, in hand-off order, whatever failed in between. */
class VenueWriteProbeTest
{
    @Test
    void eachSentOrderGetsItsOwnStampAndFailedHandOffsAreSkipped()
    {
        final VenueWriteProbe probe = new VenueWriteProbe(8);
        probe.stamp("a", 100);
        probe.stamp("lost", 150);
        probe.stamp("b", 200);
        probe.stamp("c", VenueWriteProbe.NONE);

        final long a = probe.take("a");
        probe.written(a, 1_000);
        final long b = probe.take("b");
        probe.written(b, 1_500);
        final long c = probe.take("c");
        probe.written(c, 2_000);

        assertThat(a).isEqualTo(100);
        assertThat(b).as("the failed hand-off's stamp before it is skipped").isEqualTo(200);
        assertThat(c).isEqualTo(VenueWriteProbe.NONE);
        final List<Long> samples = new ArrayList<>();
        assertThat(probe.drain(samples::add)).isEqualTo(2);
        assertThat(samples).containsExactly(900L, 1_300L);
    }

    @Test
    void aFailedHandOffsStampIsWithdrawn()
    {
        final VenueWriteProbe probe = new VenueWriteProbe(8);
        probe.stamp("a", 100);
        probe.stamp("refused", 150);
        probe.withdraw();
        probe.withdraw();
        probe.stamp("b", 200);

        assertThat(probe.take("a")).isEqualTo(100);
        assertThat(probe.take("refused")).isEqualTo(VenueWriteProbe.NONE);
        assertThat(probe.take("b")).isEqualTo(200);
    }

    @Test
    void anOrderNeverStampedLeavesTheOthersStamps()
    {
        final VenueWriteProbe probe = new VenueWriteProbe(8);
        probe.stamp("a", 100);

        assertThat(probe.take("router-child")).isEqualTo(VenueWriteProbe.NONE);
        assertThat(probe.take("a")).isEqualTo(100);
        assertThat(probe.take("a")).as("taken once").isEqualTo(VenueWriteProbe.NONE);
    }

    @Test
    void onlyVenuesSwitchedOnAreStampedBeforeTheHandOff()
    {
        final TickToTradeProbe ticks = new TickToTradeProbe(() -> 0, 8);
        final VenueWriteProbe crypto = ticks.venueWrites(2);
        final List<Long> stampSeenAtHandOff = new ArrayList<>();
        final VenueOrders venues = new VenueOrders()
        {
            public boolean isConnected(final int venueId)
            {
                return true;
            }

            public boolean sendNewOrder(final VenueOrder order)
            {
                // the bridge thread may take the stamp before sendNewOrder returns
                stampSeenAtHandOff.add(crypto.take(order.clOrdId));
                return true;
            }

            public boolean sendCancel(final VenueOrder cancel)
            {
                return true;
            }

            public boolean sendReplace(final VenueOrder replace)
            {
                return true;
            }

            public boolean sendStatusRequest(final VenueOrder order)
            {
                return true;
            }
        };
        final VenueOrders wrapped = ticks.venueOrders(venues);
        final OrderEntry entry = ticks.orderEntry(new TestSupport.AcceptingEntry());
        final VenueOrder order = new VenueOrder();
        order.clOrdId.append("x1");

        ticks.accept(100);
        entry.newOrder(null);
        ticks.onNewOrderSequenced();
        order.venueId = 0;
        wrapped.sendNewOrder(order);
        ticks.accept(300);
        entry.newOrder(null);
        ticks.onNewOrderSequenced();
        order.venueId = 2;
        wrapped.sendNewOrder(order);

        assertThat(ticks.venueWritesOf(0)).isNull();
        assertThat(ticks.venueWritesOf(2)).isSameAs(crypto);
        assertThat(stampSeenAtHandOff).as("venue 0 not stamped; venue 2 stamped with its client order's receive time")
            .containsExactly(VenueWriteProbe.NONE, 300L);
    }
}
