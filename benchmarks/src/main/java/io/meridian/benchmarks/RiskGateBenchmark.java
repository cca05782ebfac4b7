package io.meridian.benchmarks;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import io.meridian.risk.HotRiskGate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** The hot pre-trade gate: an accepted limit order (every check runs) and a market order (reference price). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RiskGateBenchmark
{
    private HotRiskGate gate;
    private Instrument aapl;
    private Instrument btc;
    private long qty = 100;
    private long price = 1_900_000L;

    @Setup
    public void setUp()
    {
        final var instruments = BenchInstruments.registry();
        gate = new HotRiskGate(instruments);
        aapl = instruments.byId(BenchInstruments.AAPL);
        btc = instruments.bySymbol("BTC-USD");
    }

    @Benchmark
    public OrderRejectReason limitOrderAccepted()
    {
        return gate.check(aapl, Side.BUY, OrdType.LIMIT, qty, price);
    }

    @Benchmark
    public OrderRejectReason cryptoMarketOrderAccepted()
    {
        // qtyScale 8 + priceScale 2: the widest exact 128-bit notional path
        return gate.check(btc, Side.SELL, OrdType.MARKET, 25_000_000L, 0);
    }
}
