package io.meridian.oms;

import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.OrderEntry;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.agrona.collections.MutableLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Receive times are matched to venue sends in ring order, rejected orders included, on a real Oms. */
class TickToTradeProbeTest
{
    @TempDir
    Path dir;

    @Test
    void samplesOnlyOrdersSentToTheVenueWithTheirOwnReceiveTime() throws Exception
    {
        final MutableLong probeNow = new MutableLong();
        final TickToTradeProbe probe = new TickToTradeProbe(probeNow::get, 4);
        final TestSupport.RecordingVenues venues = new TestSupport.RecordingVenues();
        try (Oms oms = new Oms(
            new OmsConfig().journalDir(dir).maxOrders(100).ringCapacityBytes(1 << 16).journalSegmentBytes(1 << 20),
            TestSupport.INSTRUMENTS, new TestSupport.SimpleRisk(), new TestSupport.RecordingReports(),
            probe.venueOrders(venues), null, new TestSupport.FakeClock()))
        {
            oms.tickToTrade(probe);
            oms.recover();
            final OrderEntry entry = probe.orderEntry(oms.orderEntry());

            probe.accept(100);
            assertThat(entry.newOrder(order("a", 10))).isTrue();
            probe.accept(200);
            assertThat(entry.newOrder(order("b", 0))).as("risk rejects it: never sent").isTrue();
            probe.accept(300);
            assertThat(entry.newOrder(order("c", 10))).isTrue();
            probeNow.set(1_000);
            while (oms.sequencer().doWork() > 0)
            {
                // apply all three
            }

            final List<Long> samples = new ArrayList<>();
            assertThat(probe.drain(samples::add)).isEqualTo(2);
            assertThat(samples).containsExactly(900L, 700L);
            assertThat(venues.sent).hasSize(2);
            assertThat(probe.drain(samples::add)).isZero();
        }
    }

    @Test
    void everyStalledRoutedParentGetsItsOwnSampleAtItsFirstChild()
    {
        final int routerVenue = 3;
        final MutableLong probeNow = new MutableLong();
        final TickToTradeProbe probe = new TickToTradeProbe(probeNow::get, 1 << 10);
        final VenueOrders venues = probe.venueOrders(new TestSupport.RecordingVenues(), routerVenue);
        final OrderEntry entry = probe.orderEntry(new TestSupport.AcceptingEntry());
        final int parents = 500;
        for (int n = 1; n <= parents; n++)
        {
            // OrderIDs 108 apart once shared a slot of the direct-mapped table: a stall lost one of them
            probe.accept(1_000L * n);
            entry.newOrder(order("c" + n, 1));
            probe.onNewOrderSequenced();
            venues.sendNewOrder(venueOrder(routerVenue, "TPOY3A." + n + "-1"));
        }
        probeNow.set(10_000_000L);
        for (int n = parents; n >= 1; n--)
        {
            for (int child = 1; child <= 2; child++)
            {
                probe.onChildOrderSequenced("TPOY3A." + n + "." + child);
                venues.sendNewOrder(venueOrder(child, "TPOY3A." + n + "." + child));
            }
        }
        final List<Long> samples = new ArrayList<>();
        assertThat(probe.drain(samples::add)).isEqualTo(parents);
        for (int i = 0; i < parents; i++)
        {
            assertThat(samples.get(i)).as("parent %d", parents - i).isEqualTo(10_000_000L - 1_000L * (parents - i));
        }
        assertThat(probe.droppedSamples()).isZero();
    }

    private static VenueOrder venueOrder(final int venueId, final String clOrdId)
    {
        final VenueOrder order = new VenueOrder();
        order.venueId = venueId;
        order.clOrdId.append(clOrdId);
        return order;
    }

    @Test
    void fullSampleRingDropsAndCounts() throws Exception
    {
        final TickToTradeProbe probe = new TickToTradeProbe(() -> 50, 2);
        final TestSupport.RecordingVenues venues = new TestSupport.RecordingVenues();
        try (Oms oms = new Oms(
            new OmsConfig().journalDir(dir).maxOrders(100).ringCapacityBytes(1 << 16).journalSegmentBytes(1 << 20),
            TestSupport.INSTRUMENTS, new TestSupport.SimpleRisk(), new TestSupport.RecordingReports(),
            probe.venueOrders(venues), null, new TestSupport.FakeClock()))
        {
            oms.tickToTrade(probe);
            oms.recover();
            final OrderEntry entry = probe.orderEntry(oms.orderEntry());
            for (int i = 0; i < 3; i++)
            {
                probe.accept(10 * i);
                entry.newOrder(order("o" + i, 1));
            }
            while (oms.sequencer().doWork() > 0)
            {
                // apply all
            }
            final List<Long> samples = new ArrayList<>();
            probe.drain(samples::add);
            assertThat(samples).containsExactly(50L, 40L);
            assertThat(probe.droppedSamples()).isEqualTo(1);
        }
        assertThatThrownBy(() -> new TickToTradeProbe(() -> 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static NewOrderCommand order(final String clOrdId, final long qty)
    {
        final NewOrderCommand command = new NewOrderCommand();
        command.clientId = 0;
        command.clOrdId.append(clOrdId);
        command.account.append("ACC");
        command.symbol.append(TestSupport.EQUITY.symbol());
        command.instrumentId = TestSupport.EQUITY.id();
        command.side = Side.BUY;
        command.ordType = OrdType.LIMIT;
        command.timeInForce = TimeInForce.DAY;
        command.qty = qty;
        command.price = 1_500_000;
        command.edgeReject = OrderRejectReason.NONE;
        return command;
    }
}
