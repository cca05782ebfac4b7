package io.meridian.positions.store;

import io.meridian.oms.Oms;
import io.meridian.oms.OmsConfig;
import io.meridian.oms.api.CancelReject;
import io.meridian.oms.api.ClientReports;
import io.meridian.oms.api.ExecutionReport;
import io.meridian.oms.api.FillListener;
import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.PreTradeCheck;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.api.VenueOrder;
import io.meridian.oms.api.VenueOrders;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Oms (journal under {@code dir/journal}) feeding a real store (under {@code dir/store}, kept
 * from an earlier harness on the same directory when it projects the same journal),
 * driven synchronously on the calling thread; the venue is a recorder that accepts everything.
 */
final class StoreHarness implements AutoCloseable
{
    static final Instrument AAPL = new Instrument(0, "AAPL", 4, 0, 0, 1_500_000, 1_000_000, Long.MAX_VALUE, 0);
    static final Instrument BTC = new Instrument(1, "BTC-USDT", 2, 8, 1, 5_000_000, 1_000_000_000_000L, Long.MAX_VALUE, 0);
    static final Instrument BTC_ALT = new Instrument(2, "BTC-USDT.B", 2, 8, 2, 5_000_000, 1_000_000_000_000L, Long.MAX_VALUE, 0);
    static final InstrumentRegistry INSTRUMENTS = new InstrumentRegistry(List.of(AAPL, BTC, BTC_ALT));

    final Path dir;
    final Oms oms;
    final SharedStore store;
    final StoreWriter writer;
    final StoreReader reader;
    final List<String> childClOrdIds = new ArrayList<>();
    final List<ExecutionReport> reportsSeen = new ArrayList<>();
    /** every ExecutionReport the client got, whole */
    final List<ExecutionReport> clientReports = new ArrayList<>();
    long nowNanos = 1_700_000_000_000_000_000L;
    private final NewOrderCommand newOrder = new NewOrderCommand();
    private final VenueExecution execution = new VenueExecution();
    private int clOrdIds;

    /** The production open: the store of the last run is kept when it projects this journal. */
    StoreHarness(final Path dir)
    {
        this(dir, false);
    }

    /** @param rebuild true: the store is always created empty and refilled by the replay. */
    StoreHarness(final Path dir, final boolean rebuild)
    {
        this(dir, rebuild, 100_000);
    }

    /** @param reportCapacity the store's bound on recorded ExecutionReports */
    StoreHarness(final Path dir, final boolean rebuild, final long reportCapacity)
    {
        this.dir = dir;
        final Outputs outputs = new Outputs();
        final EpochNanoClock clock = () -> nowNanos;
        oms = new Oms(
            new OmsConfig().journalDir(dir.resolve("journal")).maxOrders(50_000).ringCapacityBytes(1 << 16)
                .journalSegmentBytes(1 << 22),
            INSTRUMENTS, outputs, outputs, outputs, FillListener.NONE, clock);
        final StoreConfig config = new StoreConfig().dir(dir.resolve("store")).orders(10_000).fills(20_000)
            .reports(reportCapacity);
        store = rebuild ? SharedStore.createForWriter(config) :
            SharedStore.openForWriter(config, oms.journalCreatedAtMillis(), oms.journalLastSequence());
        writer = new StoreWriter(store);
        reader = new StoreReader(store);
        oms.stateListener(writer);
        oms.recover();
    }

    void run()
    {
        try
        {
            while (oms.sequencer().doWork() > 0 || oms.metrics().queueDepth() > 0)
            {
                nowNanos += 1_000;
            }
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }

    /** A new limit order, acked by the venue; returns the child ClOrdID the venue saw. */
    String order(final String account, final Instrument instrument, final Side side, final long qty, final long price)
    {
        newOrder.reset();
        newOrder.clientId = 1;
        newOrder.clOrdId.append("C").append(++clOrdIds);
        newOrder.account.append(account);
        newOrder.symbol.append(instrument.symbol());
        newOrder.instrumentId = instrument.id();
        newOrder.side = side;
        newOrder.ordType = OrdType.LIMIT;
        newOrder.timeInForce = TimeInForce.GTC;
        newOrder.qty = qty;
        newOrder.price = price;
        newOrder.edgeReject = OrderRejectReason.NONE;
        if (!oms.orderEntry().newOrder(newOrder))
        {
            throw new AssertionError("ring full");
        }
        run();
        final String child = childClOrdIds.get(childClOrdIds.size() - 1);
        venueReport(instrument.venueId(), child, ExecType.NEW, OrdStatus.NEW, "", 0, 0);
        return child;
    }

    /** A cancel of the order whose current ClOrdID is {@code origClOrdId}; returns the cancel's ClOrdID. */
    String cancel(final String origClOrdId, final Instrument instrument, final Side side)
    {
        final io.meridian.oms.api.CancelOrderCommand c = new io.meridian.oms.api.CancelOrderCommand().reset();
        c.clientId = 1;
        c.clOrdId.append("C").append(++clOrdIds);
        c.origClOrdId.append(origClOrdId);
        c.symbol.append(instrument.symbol());
        c.side = side;
        if (!oms.orderEntry().cancelOrder(c))
        {
            throw new AssertionError("ring full");
        }
        run();
        return c.clOrdId.toString();
    }

    /** An OrderStatusRequest for the order whose current ClOrdID is {@code clOrdId}. */
    void status(final String clOrdId, final Instrument instrument, final Side side)
    {
        final io.meridian.oms.api.OrderStatusCommand c = new io.meridian.oms.api.OrderStatusCommand().reset();
        c.clientId = 1;
        c.clOrdId.append(clOrdId);
        c.symbol.append(instrument.symbol());
        c.side = side;
        if (!oms.orderEntry().orderStatus(c))
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    void dayRoll()
    {
        if (!oms.dayRoll())
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    void fill(final int venueId, final String child, final String tradeId, final long qty, final long price)
    {
        fill(venueId, child, tradeId, qty, price, 0, 0, "");
    }

    void fill(
        final int venueId, final String child, final String tradeId, final long qty, final long price, final long fee,
        final int feeScale, final String feeAsset)
    {
        final VenueExecution e = execution.reset();
        e.venueId = venueId;
        e.clOrdId.append(child);
        e.venueOrderId.append("V-").append(child);
        e.venueExecId.append(tradeId);
        e.execType = ExecType.TRADE;
        e.ordStatus = OrdStatus.PARTIALLY_FILLED;
        e.lastQty = qty;
        e.lastPx = price;
        e.fee = fee;
        e.feeScale = feeScale;
        e.feeAsset.append(feeAsset);
        e.venueTimeNanos = nowNanos - 5_000;
        e.receivedNanos = nowNanos;
        submit(e);
    }

    void venueReport(
        final int venueId, final String child, final ExecType execType, final OrdStatus status, final String tradeId,
        final long qty, final long price)
    {
        final VenueExecution e = execution.reset();
        e.venueId = venueId;
        e.clOrdId.append(child);
        e.venueOrderId.append("V-").append(child);
        e.venueExecId.append(tradeId);
        e.execType = execType;
        e.ordStatus = status;
        e.lastQty = qty;
        e.lastPx = price;
        e.receivedNanos = nowNanos;
        submit(e);
    }

    /** A balance the venue reported, {@code amount} scaled by 8 decimals, through the ring like any venue event. */
    void reportedBalance(final int venueId, final String asset, final long amount)
    {
        if (!oms.venueEvents().onVenueBalance(venueId, asset, amount))
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    void submit(final VenueExecution e)
    {
        if (!oms.venueEvents().onExecution(e))
        {
            throw new AssertionError("ring full");
        }
        run();
    }

    long omsHash()
    {
        return oms.stateHash();
    }

    public void close()
    {
        oms.close();
        store.close();
    }

    private final class Outputs implements ClientReports, VenueOrders, PreTradeCheck
    {
        public void onExecutionReport(final ExecutionReport report)
        {
            clientReports.add(new ExecutionReport().copyFrom(report));
            if (report.execType == ExecType.TRADE)
            {
                final ExecutionReport copy = new ExecutionReport();
                copy.execType = report.execType;
                copy.lastQty = report.lastQty;
                reportsSeen.add(copy);
            }
        }

        public void onCancelReject(final CancelReject reject)
        {
        }

        public boolean isConnected(final int venueId)
        {
            return true;
        }

        public boolean sendNewOrder(final VenueOrder order)
        {
            childClOrdIds.add(order.clOrdId.toString());
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

        public OrderRejectReason check(
            final Instrument instrument, final Side side, final OrdType ordType, final long qty, final long price)
        {
            return OrderRejectReason.NONE;
        }

        public void onTrade(final Instrument instrument, final long price)
        {
        }
    }
}
