package io.meridian.benchmarks;

import io.meridian.oms.api.OrderView;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import io.meridian.positions.store.SharedStore;
import io.meridian.positions.store.StoreConfig;
import io.meridian.positions.store.StoreWriter;
import org.agrona.IoUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Cost on the sequencer thread of the shared-store writes (Chronicle Map, persisted in a temp
 * directory) that one input causes: {@code fill} is a venue fill (venue view, ledger entry, two
 * positions, three implied balances, order state), {@code orderUpdate} an order state change alone.
 * Each iteration starts from an empty store; every fill has a new trade id, so the ledger grows
 * as it would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StoreWriteBenchmark
{
    private static final Instrument BTC = new Instrument(0, "BTC-USDT", 2, 8, 1, 6_000_000, Long.MAX_VALUE, Long.MAX_VALUE, 0);

    private final VenueExecution fill = new VenueExecution();
    private final BenchOrder order = new BenchOrder();
    private Path dir;
    private SharedStore store;
    private StoreWriter writer;
    private long sequence;

    @Setup(Level.Iteration)
    public void setUp() throws IOException
    {
        dir = Files.createTempDirectory("meridian-bench-store");
        store = SharedStore.createForWriter(new StoreConfig().dir(dir).fills(4_000_000).orders(100_000));
        writer = new StoreWriter(store);
        fill.reset();
        fill.venueId = 1;
        fill.execType = ExecType.TRADE;
        fill.ordStatus = OrdStatus.PARTIALLY_FILLED;
        fill.clOrdId.append("T4ZK1Q.1-1");
        fill.venueOrderId.append("884422113");
        fill.lastQty = 1_000;
        fill.lastPx = 6_000_000;
        fill.fee = 6;
        fill.feeScale = 8;
        fill.feeAsset.append("BNB");
    }

    @TearDown(Level.Iteration)
    public void tearDown()
    {
        store.close();
        IoUtil.delete(dir.toFile(), true);
    }

    @Benchmark
    public long fill()
    {
        final long seq = ++sequence;
        fill.venueExecId.setLength(0);
        fill.venueExecId.append("EXEC-").append(seq);
        fill.receivedNanos = seq;
        order.side = (seq & 1) == 0 ? Side.BUY : Side.SELL;
        order.cumQty += fill.lastQty;
        order.updatedNanos = seq;
        writer.onVenueReport(order, fill);
        writer.onFill(order, fill, seq);
        writer.onOrderUpdated(order);
        return writer.fillsRecorded();
    }

    @Benchmark
    public long orderUpdate()
    {
        final long seq = ++sequence;
        order.updatedNanos = seq;
        writer.onOrderUpdated(order);
        return seq;
    }

    /** One working order, field by field. */
    static final class BenchOrder implements OrderView
    {
        Side side = Side.BUY;
        long cumQty;
        long updatedNanos;

        public String orderId()
        {
            return "T4ZK1Q.1";
        }

        public int clientId()
        {
            return 0;
        }

        public String clOrdId()
        {
            return "CLIENT-ORDER-1";
        }

        public String account()
        {
            return "ACC-1";
        }

        public Instrument instrument()
        {
            return BTC;
        }

        public String symbol()
        {
            return BTC.symbol();
        }

        public Side side()
        {
            return side;
        }

        public OrdType ordType()
        {
            return OrdType.LIMIT;
        }

        public TimeInForce timeInForce()
        {
            return TimeInForce.GTC;
        }

        public long orderQty()
        {
            return Long.MAX_VALUE / 2;
        }

        public long price()
        {
            return 6_000_000;
        }

        public long cumQty()
        {
            return cumQty;
        }

        public long leavesQty()
        {
            return orderQty() - cumQty;
        }

        public long avgPx()
        {
            return 6_000_000;
        }

        public OrdStatus ordStatus()
        {
            return OrdStatus.PARTIALLY_FILLED;
        }

        public int venueId()
        {
            return 1;
        }

        public String venueOrderId()
        {
            return "884422113";
        }

        public long createdNanos()
        {
            return 1;
        }

        public long updatedNanos()
        {
            return updatedNanos;
        }

        public OrderRejectReason rejectReason()
        {
            return OrderRejectReason.NONE;
        }
    }
}
