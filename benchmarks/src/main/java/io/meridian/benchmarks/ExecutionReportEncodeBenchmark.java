package io.meridian.benchmarks;

import io.meridian.fix.codecs.builder.ExecutionReportEncoder;
import io.meridian.oms.model.ExecType;
import io.meridian.oms.model.OrdStatus;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.Side;
import io.meridian.oms.model.TimeInForce;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.fields.UtcTimestampEncoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.util.concurrent.TimeUnit;

/**
 * A client fill report (ExecType Trade) encoded with the generated Artio encoder into a reused
 * buffer: the fields the gateway's ClientReportEncoder sets for a fill, plus the session header
 * (CompIDs, MsgSeqNum, SendingTime) that Artio's session adds, and BodyLength/CheckSum.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExecutionReportEncodeBenchmark
{
    private final ExecutionReportEncoder encoder = new ExecutionReportEncoder();
    private final MutableAsciiBuffer buffer = new MutableAsciiBuffer(new byte[1024]);
    private final UtcTimestampEncoder sendingTime = new UtcTimestampEncoder();
    private final UtcTimestampEncoder transactTime = new UtcTimestampEncoder();
    private final StringBuilder orderId = new StringBuilder(16);
    private final StringBuilder execId = new StringBuilder(16);
    private final StringBuilder clOrdId = new StringBuilder(32);
    private final StringBuilder symbol = new StringBuilder("AAPL");
    private int seqNum;
    private long nowNanos = 1_735_732_800_000_000_000L;

    @Setup
    public void setUp()
    {
        encoder.header().senderCompID("MERIDIAN").targetCompID("CLIENT1");
    }

    @Benchmark
    public int encodeFill()
    {
        final int n = ++seqNum;
        nowNanos += 1_000;
        orderId.setLength(0);
        orderId.append(n);
        execId.setLength(0);
        execId.append(n).append("-3");
        clOrdId.setLength(0);
        clOrdId.append("ORDER-").append(n);

        final ExecutionReportEncoder er = encoder;
        er.resetMessage();
        final int sendingTimeLength = sendingTime.encodeFrom(nowNanos, TimeUnit.NANOSECONDS);
        er.header().msgSeqNum(n).sendingTime(sendingTime.buffer(), sendingTimeLength);
        er.orderID(orderId)
            .execID(execId)
            .execType(ExecType.TRADE.fixValue())
            .ordStatus(OrdStatus.FILLED.fixValue())
            .symbol(symbol)
            .leavesQty(0, 0)
            .cumQty(100, 0)
            .avgPx(1_900_000L, 4);
        er.side(Side.BUY.fixValue())
            .clOrdID(clOrdId)
            .orderQty(100, 0)
            .ordType(OrdType.LIMIT.fixValue())
            .price(1_900_000L, 4)
            .timeInForce(TimeInForce.DAY.fixValue())
            .lastQty(100, 0)
            .lastPx(1_900_000L, 4);
        final int transactTimeLength = transactTime.encodeFrom(nowNanos, TimeUnit.NANOSECONDS);
        er.transactTime(transactTime.buffer(), transactTimeLength);
        final long result = er.encode(buffer, 0);
        return Encoder.length(result);
    }
}
