package io.meridian.benchmarks;

import io.meridian.oms.api.NewOrderCommand;
import io.meridian.oms.api.VenueExecution;
import io.meridian.oms.codec.RingCodec;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The sequencer input codec (ring and journal records, {@link RingCodec}): encode plus decode of the
 * two inputs every order has, a client NewOrderSingle and a venue fill, with realistic field lengths.
 * The codec already has SBE's shape (a fixed block of primitives, then length-prefixed ASCII strings,
 * in an Agrona buffer), so its whole cost bounds what generated SBE flyweights could save; compare it
 * with {@code OmsCycleBenchmark} (a whole order through ring, journal, risk and state machine). The
 * decision this measures is in docs/durability.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RingCodecBenchmark
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(4096));
    private final NewOrderCommand order = new NewOrderCommand();
    private final NewOrderCommand decodedOrder = new NewOrderCommand();
    private final VenueExecution fill = new VenueExecution();
    private final VenueExecution decodedFill = new VenueExecution();

    @Setup
    public void setUp()
    {
        order.reset();
        order.clientId = 1;
        order.clOrdId.append("CLIENT1-20261207-000123");
        order.account.append("DESK-A");
        order.symbol.append("BTC-USDT");
        order.instrumentId = BenchInstruments.AAPL;
        order.side = Side.BUY;
        order.ordType = OrdType.LIMIT;
        order.timeInForce = TimeInForce.GTC;
        order.qty = 1_000_000;
        order.price = 6_000_012;
        order.transactTimeNanos = 1_765_000_000_000_000_000L;
        order.sessionSequenceIndex = 3;
        order.msgSeqNum = 12_345;

        fill.reset();
        fill.venueId = 2;
        fill.clOrdId.append("T4ZK1Q.1234567-1");
        fill.venueOrderId.append("28457112934");
        fill.venueExecId.append("1833920011");
        fill.execType = ExecType.TRADE;
        fill.ordStatus = OrdStatus.PARTIALLY_FILLED;
        fill.lastQty = 250_000;
        fill.lastPx = 6_000_012;
        fill.cumQty = 250_000;
        fill.leavesQty = 750_000;
        fill.fee = 15;
        fill.feeScale = 8;
        fill.feeAsset.append("BNB");
        fill.venueTimeNanos = 1_765_000_000_000_000_000L;
        fill.receivedNanos = 1_765_000_000_000_100_000L;
    }

    @Benchmark
    public long newOrderEncodeDecode()
    {
        final int length = RingCodec.encodeNewOrder(buffer, 0, order);
        RingCodec.decodeNewOrder(buffer, 0, decodedOrder);
        return length + decodedOrder.qty;
    }

    @Benchmark
    public long fillEncodeDecode()
    {
        final int length = RingCodec.encodeExecution(buffer, 0, fill);
        RingCodec.decodeExecution(buffer, 0, decodedFill);
        return length + decodedFill.lastQty;
    }
}
