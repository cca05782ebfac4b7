package io.meridian.oms;

import io.meridian.oms.api.CancelOrderCommand;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.ReplaceOrderCommand;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.model.CancelRejectReason;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random streams of valid and invalid client commands and venue events, through the Oms and
 * through {@link ReferenceModel}: every report must match, then every order; then the journal is
 * replayed into a fresh Oms (with venues down and a risk gate that rejects everything, so only the
 * journal can make it right) and state hash and snapshots must match again.
 */
class DifferentialTest
{
    private static final int STEPS = 4_000;
    private static final int MAX_ORDERS = 3_000;

    @TempDir
    Path dir;

    private Random random;
    private Harness oms;
    private ReferenceModel model;
    private int nextClOrdId;
    private int nextExecId;
    private final List<String> usedExecIds = new ArrayList<>();

    private OmsConfig config()
    {
        return new OmsConfig().journalDir(dir).maxOrders(MAX_ORDERS).ringCapacityBytes(1 << 16)
            .journalSegmentBytes(1 << 16);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20240601})
    void omsMatchesReferenceModelAndReplay(final long seed)
    {
        random = new Random(seed);
        model = new ReferenceModel(MAX_ORDERS);
        final long hash;
        final List<OrderSnapshot> snapshots;
        final java.util.Map<String, Long> exposure;
        oms = new Harness(config(), false);
        try
        {
            for (int step = 0; step < STEPS; step++)
            {
                step(step);
            }
            compareOrders();
            hash = oms.stateHash();
            snapshots = oms.get(oms.oms.queries().orders());
            exposure = new java.util.TreeMap<>(oms.risk.exposure);
            compareExposure(model, exposure);
            final OmsMetrics m = oms.oms.metrics();
            assertThat(m.journalRecords()).isGreaterThan(STEPS / 2);
            // the stream really exercised the interesting paths
            assertThat(m.fills()).isPositive();
            assertThat(m.duplicateFillsIgnored()).isPositive();
            assertThat(m.unknownVenueEvents()).isPositive();
            assertThat(m.overfills()).isPositive();
            assertThat(m.anomalies()).isPositive();
            assertThat(m.rejects(OrderRejectReason.DUPLICATE_CLORDID)).isPositive();
            assertThat(m.rejects(OrderRejectReason.VENUE_UNAVAILABLE)).isPositive();
            assertThat(m.rejects(OrderRejectReason.VENUE_SEND_FAILED)).isPositive();
            assertThat(m.rejects(OrderRejectReason.VENUE_REJECTED)).isPositive();
            for (final CancelRejectReason reason : CancelRejectReason.values())
            {
                assertThat(m.cancelRejects(reason)).as("%s", reason).isPositive();
            }
            assertThat(m.errors()).isZero();
        }
        finally
        {
            oms.close();
        }

        try (Harness replay = new Harness(config(), true))
        {
            assertThat(replay.recovered).isGreaterThan(STEPS / 2);
            assertThat(replay.reports.all).isEmpty();
            assertThat(replay.venues.sent).isEmpty();
            assertThat(replay.stateHash()).isEqualTo(hash);
            assertThat(replay.get(replay.oms.queries().orders())).isEqualTo(snapshots);
            assertThat(replay.fills.fills).hasSize((int)replay.oms.metrics().fills());
            // the risk gate's exposure is rebuilt by the replay alone
            assertThat(replay.risk.exposure).isEqualTo(exposure);
        }
    }

    /**
     * What the sequencer told the risk gate equals what the reference model's orders imply: open orders
     * per client (and as many per account), positions from the executed quantities, open quantity from
     * the leaves, or the larger of leaves and the new open quantity while a replace is pending.
     */
    private static void compareExposure(final ReferenceModel model, final java.util.Map<String, Long> exposure)
    {
        final java.util.Map<String, Long> expected = new java.util.TreeMap<>();
        for (final ReferenceModel.Ord o : model.orders.values())
        {
            if (o.instrument == null)
            {
                continue; // refused as unknown: the gate never hears of it
            }
            if (!o.done())
            {
                long open = o.leaves();
                if (o.pending == 'R')
                {
                    open = Math.max(open, o.pendingQty - o.cum);
                }
                expected.merge("orders|" + o.client, 1L, Long::sum);
                expected.merge("open|" + o.client + "|" + o.instrument.symbol() + "|" + o.side, open, Long::sum);
            }
            if (o.cum != 0)
            {
                expected.merge("position|" + o.client + "|" + o.instrument.symbol(),
                    o.side == Side.BUY ? o.cum : -o.cum, Long::sum);
            }
        }
        assertThat(expected.keySet()).as("open orders").anyMatch(k -> k.startsWith("orders|"));
        assertThat(expected.keySet()).as("positions").anyMatch(k -> k.startsWith("position|"));
        final java.util.Map<String, Long> actual = new java.util.TreeMap<>();
        long accountOrders = 0;
        for (final var e : exposure.entrySet())
        {
            if (e.getKey().startsWith("account-orders|"))
            {
                accountOrders += e.getValue();
            }
            else if (e.getValue() != 0)
            {
                actual.put(e.getKey(), e.getValue());
            }
        }
        expected.values().removeIf(v -> v == 0);
        assertThat(actual).isEqualTo(expected);
        assertThat(accountOrders).isEqualTo(expected.entrySet().stream()
            .filter(e -> e.getKey().startsWith("orders|")).mapToLong(java.util.Map.Entry::getValue).sum());
    }

    private void step(final int step)
    {
        final int dice = random.nextInt(100);
        if (dice < 8)
        {
            environment();
            return;
        }
        final List<Object> expected;
        if (dice < 36)
        {
            newOrder();
        }
        else if (dice < 46)
        {
            cancelOrReplace(false);
        }
        else if (dice < 56)
        {
            cancelOrReplace(true);
        }
        else if (dice < 60)
        {
            status();
        }
        else if (dice < 62)
        {
            oms.sessionState(random.nextInt(3), random.nextBoolean());
        }
        else
        {
            venueEvent();
        }
        final List<String> actual = new ArrayList<>();
        for (final Object report : oms.reports.drain())
        {
            actual.add(report instanceof TestSupport.Er ? ((TestSupport.Er)report).brief() :
                ((TestSupport.Cr)report).brief());
        }
        expected = new ArrayList<>(model.out);
        model.out.clear();
        assertThat(actual).as("reports at step %d", step).containsExactlyElementsOf(toStrings(expected));
    }

    private static List<String> toStrings(final List<Object> list)
    {
        final List<String> strings = new ArrayList<>();
        for (final Object o : list)
        {
            strings.add(o.toString());
        }
        return strings;
    }

    private void environment()
    {
        oms.venues.connected[0] = random.nextInt(5) != 0;
        oms.venues.connected[1] = random.nextInt(5) != 0;
        oms.venues.sendOk = random.nextInt(10) != 0;
    }

    private int client()
    {
        return 1 + random.nextInt(3);
    }

    private String freshOrUsedClOrdId(final int client)
    {
        if (random.nextInt(20) == 0 && !model.clOrdIds.isEmpty())
        {
            final ReferenceModel.Ord any = randomOrder();
            if (any != null && any.client == client)
            {
                return any.clOrdId;
            }
        }
        return "K" + (++nextClOrdId);
    }

    private ReferenceModel.Ord randomOrder()
    {
        if (model.orders.isEmpty())
        {
            return null;
        }
        // favour recent orders, where the action is
        final long last = model.lastOrder;
        final long n = Math.max(1, last - random.nextInt((int)Math.min(last, 30)));
        return model.orders.get(n);
    }

    private void newOrder()
    {
        final int client = client();
        final String clOrdId = freshOrUsedClOrdId(client);
        final int which = random.nextInt(100);
        final Instrument instrument = which < 3 ? null : which < 60 ? TestSupport.EQUITY : TestSupport.CRYPTO;
        final Side side = random.nextInt(3) == 0 ? Side.SELL : Side.BUY;
        final NewOrderCommand c = oms.newOrder(client, clOrdId, instrument, side, 0, 0);
        c.qty = instrument == TestSupport.CRYPTO ? 1 + random.nextInt(500_000_000) : random.nextInt(1_100);
        final int kind = random.nextInt(10);
        c.ordType = kind < 7 ? OrdType.LIMIT : OrdType.MARKET;
        c.price = kind < 6 ? 1 + random.nextInt(2_000_000) : 0;
        if (random.nextInt(30) == 0)
        {
            c.edgeReject = OrderRejectReason.UNSUPPORTED_SIDE;
        }
        model.newOrder(client, clOrdId, instrument, c.side, c.ordType, c.qty, c.price, c.edgeReject,
            instrument == null || oms.venues.isConnected(instrument.venueId()), oms.venues.sendOk);
        oms.submit(c);
    }

    private void cancelOrReplace(final boolean replace)
    {
        final ReferenceModel.Ord o = randomOrder();
        if (o == null)
        {
            return;
        }
        int client = o.client;
        String orig = o.clOrdId;
        final int roll = random.nextInt(100);
        if (roll < 6)
        {
            orig = o.firstClOrdId;
        }
        else if (roll < 10)
        {
            orig = "unknown" + random.nextInt(5);
        }
        else if (roll < 13)
        {
            client = client % 3 + 1;
        }
        final String clOrdId = freshOrUsedClOrdId(client);
        final String orderId = random.nextInt(30) == 0 ? o.orderId + "9" : random.nextBoolean() ? o.orderId : "";
        final Side side = random.nextInt(30) == 0 ? Side.SELL_SHORT : random.nextBoolean() ? o.side : null;
        final boolean connected = o.venue() >= 0 && oms.venues.isConnected(o.venue());
        if (!replace)
        {
            final CancelOrderCommand c = oms.cancel(client, clOrdId, orig);
            c.orderId.append(orderId);
            c.side = side;
            model.cancelOrReplace(false, client, clOrdId, orig, orderId, side, 0, 0, null, OrderRejectReason.NONE,
                connected, oms.venues.sendOk);
            oms.submit(c);
        }
        else
        {
            final long qty = Math.max(0, o.cum + random.nextInt(600) - 20);
            final long price = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(2_000_000);
            final ReplaceOrderCommand c = oms.replace(client, clOrdId, orig, qty, price);
            c.ordType = random.nextInt(4) == 0 ? null : price == 0 ? OrdType.MARKET : OrdType.LIMIT;
            c.orderId.append(orderId);
            c.side = side;
            if (random.nextInt(40) == 0)
            {
                c.edgeReject = OrderRejectReason.QTY_PRECISION;
            }
            model.cancelOrReplace(true, client, clOrdId, orig, orderId, side, qty, price, c.ordType, c.edgeReject,
                connected, oms.venues.sendOk);
            oms.submit(c);
        }
    }

    private void status()
    {
        final ReferenceModel.Ord o = randomOrder();
        final int client = o == null ? 1 : random.nextInt(10) == 0 ? o.client % 3 + 1 : o.client;
        final int roll = random.nextInt(4);
        final String clOrdId = o == null || roll == 0 ? "" : roll == 3 ? "nope" : o.firstClOrdId;
        final String orderId = o == null || roll == 1 ? "" : o.orderId;
        model.status(client, clOrdId, orderId);
        oms.status(client, clOrdId, orderId, "S");
    }

    private void venueEvent()
    {
        final ReferenceModel.Ord o = randomOrder();
        if (o == null || o.lastN == 0)
        {
            return;
        }
        int venue = o.venue();
        if (random.nextInt(40) == 0)
        {
            venue = 1 - venue;
        }
        final String current = o.orderId + "-" + o.currentN;
        final String pending = o.pending != 0 ? o.orderId + "-" + o.pendingN : null;
        final int roll = random.nextInt(100);
        String cl = current;
        String orig = "";
        ExecType type;
        String execId = "";
        long lastQty = 0;
        long lastPx = 0;
        String text = "";
        if (roll < 12)
        {
            type = ExecType.NEW;
            cl = o.orderId + "-1";
        }
        else if (roll < 50)
        {
            type = ExecType.TRADE;
            if (pending != null && random.nextInt(5) == 0)
            {
                cl = pending;
            }
            if (random.nextInt(10) == 0 && !usedExecIds.isEmpty())
            {
                execId = usedExecIds.get(random.nextInt(usedExecIds.size()));
            }
            else
            {
                execId = "X" + (++nextExecId);
                usedExecIds.add(execId);
            }
            final long leaves = Math.max(1, o.leaves());
            lastQty = random.nextInt(30) == 0 ? leaves + 1 + random.nextInt(5) :
                random.nextInt(3) == 0 ? leaves : 1 + (long)(random.nextDouble() * leaves);
            if (random.nextInt(50) == 0)
            {
                lastQty = 0;
            }
            lastPx = 1 + random.nextInt(2_000_000);
        }
        else if (roll < 62)
        {
            type = ExecType.CANCELED;
            if (pending != null && o.pending == 'C' && random.nextInt(4) != 0)
            {
                cl = pending;
                orig = current;
            }
        }
        else if (roll < 72)
        {
            type = ExecType.REPLACED;
            if (pending != null)
            {
                cl = pending;
                orig = current;
            }
        }
        else if (roll < 77)
        {
            type = ExecType.EXPIRED;
        }
        else if (roll < 82)
        {
            type = ExecType.REJECTED;
            text = random.nextBoolean() ? "venue says no" : "";
        }
        else if (roll < 95)
        {
            final String rejected = pending != null ? pending : o.orderId + "-" + (1 + random.nextInt(o.lastN));
            final String rejectText = random.nextBoolean() ? "" : "cannot";
            final boolean known = model.cancelReject(venue, rejected, rejectText);
            oms.venueCancelReject(venue, rejected, current, rejectText);
            assertThat(oms.oms.metrics().unknownVenueEvents()).isEqualTo(unknownSoFar += known ? 0 : 1);
            return;
        }
        else
        {
            type = random.nextBoolean() ? ExecType.TRADE : ExecType.NEW;
            cl = random.nextBoolean() ? o.orderId + "-" + (o.lastN + 1) : "junk";
            execId = "J" + (++nextExecId);
            lastQty = 1;
            lastPx = 1;
        }
        final boolean known = model.execution(venue, type, cl, orig, execId, lastQty, lastPx, text);
        final VenueExecution e = oms.execution(venue, type, cl);
        e.origClOrdId.append(orig);
        e.venueExecId.append(execId);
        e.lastQty = lastQty;
        e.lastPx = lastPx;
        e.text.append(text);
        oms.submit(e);
        assertThat(oms.oms.metrics().unknownVenueEvents()).isEqualTo(unknownSoFar += known ? 0 : 1);
    }

    private long unknownSoFar;

    private void compareOrders()
    {
        final List<OrderSnapshot> snapshots = oms.get(oms.oms.queries().orders());
        assertThat(snapshots).hasSize(model.orders.size());
        int open = 0;
        for (final OrderSnapshot s : snapshots)
        {
            final ReferenceModel.Ord o = model.orders.get(Long.parseLong(s.orderId()));
            assertThat(o).as("order %s", s.orderId()).isNotNull();
            final String expected = o.status() + " cum=" + o.cum + " leaves=" + o.leaves() + " avg=" + o.avg() +
                " qty=" + o.qty + " px=" + o.price + " cl=" + o.clOrdId + " rr=" + o.rejectReason;
            final String actual = s.ordStatus() + " cum=" + s.cumQty() + " leaves=" + s.leavesQty() + " avg=" +
                s.avgPx() + " qty=" + s.orderQty() + " px=" + s.price() + " cl=" + s.clOrdId() + " rr=" +
                s.rejectReason();
            assertThat(actual).as("order %s", s.orderId()).isEqualTo(expected);
            if (!o.done())
            {
                open++;
            }
        }
        assertThat(oms.get(oms.oms.queries().openOrders())).hasSize(open);
    }
}
