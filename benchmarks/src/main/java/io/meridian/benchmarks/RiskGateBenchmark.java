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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The hot pre-trade gate: the instrument checks alone (an accepted limit order; a market order at the
 * reference price), and a request through every check: the instrument's (qty, price collar against the mid
 * of an in-sync book, notional, market data freshness) and three scopes' (firm, session and account, each
 * with rate, open orders, order qty and notional, position, circuit breaker by drawdown, losing streak and
 * loss rate, daily loss and exposure lease), with the exposure updates the sequencer makes for it.
 * {@code instrumentCount}: how many the gate knows; with 64, every eighth has an open order and a position
 * (a desk trading a few of the instruments it is set up for).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RiskGateBenchmark
{
    @Param({"3", "64"})
    public int instrumentCount;

    private HotRiskGate gate;
    private HotRiskGate allChecks;
    private final io.meridian.oms.api.PreTradeRequest request = new io.meridian.oms.api.PreTradeRequest();
    private int accountId;
    private long now = 1_800_000_000_000_000_000L;
    private Instrument aapl;
    private Instrument btc;
    private long qty = 100;
    private long price = 1_900_000L;

    @Setup
    public void setUp()
    {
        final var instruments = BenchInstruments.registry(instrumentCount);
        gate = new HotRiskGate(instruments);
        aapl = instruments.byId(BenchInstruments.AAPL);
        btc = instruments.bySymbol("BTC-USD");
        final io.meridian.risk.RiskLimits limits = io.meridian.risk.RiskLimits.builder(instruments.size())
            .maxOrdersPerSecond(1_000_000_000).maxOpenOrders(1_000_000).maxOrderNotional(1_000_000_000L)
            .maxOrderQty(aapl.id(), 1_000_000).maxPosition(aapl.id(), Long.MAX_VALUE / 4).maxDailyLoss(1e12)
            .maxGrossExposure(1e15).maxDrawdown(1e12).maxConsecutiveLosses(1_000)
            .maxWindowLoss(1e12).lossWindowNanos(60_000_000_000L).build();
        allChecks = new HotRiskGate(instruments, new io.meridian.risk.RiskConfig(limits, java.util.List.of("CLIENT1"),
            java.util.Map.of("CLIENT1", limits), java.util.Map.of("DESK-A", limits), 0));
        for (final io.meridian.risk.RiskScope scope : allChecks.scopes())
        {
            allChecks.lease(scope, new io.meridian.risk.ExposureLease(0, now, Long.MAX_VALUE));
        }
        final io.meridian.oms.api.TopOfBookTable books = new io.meridian.oms.api.TopOfBookTable(instruments.size());
        books.publish(aapl.id(), 1_899_000L, 100, 1_901_000L, 100, now / 1_000_000L, now / 1_000_000L);
        allChecks.marketData(books);
        // a day: the benchmark's clock runs 1 us an operation, the book is published once
        final boolean[] required = new boolean[instruments.size()];
        required[aapl.id()] = true;
        allChecks.requireMarketData(required, 86_400_000L);
        accountId = allChecks.accountId("DESK-A");
        // some open orders and a position so every sum has terms
        allChecks.onOpenQty(0, accountId, btc, Side.BUY, 1_000_000L, 1);
        allChecks.onFill(0, accountId, btc, Side.BUY, 1_000_000L, 6_500_000L, now);
        for (int id = 10; id < instruments.size(); id += 8)
        {
            allChecks.onOpenQty(0, accountId, instruments.byId(id), Side.SELL, 100, 1);
            allChecks.onFill(0, accountId, instruments.byId(id), Side.BUY, 200, 1_000_000L, now);
        }
    }

    @Benchmark
    public OrderRejectReason everyCheckOfThreeScopes()
    {
        now += 1_000;
        final OrderRejectReason reason = allChecks.check(
            request.set(0, accountId, aapl, Side.BUY, OrdType.LIMIT, qty, price, now));
        // accepted, then cancelled: the open quantity goes up and down, as the sequencer reports it
        allChecks.onOpenQty(0, accountId, aapl, Side.BUY, qty, 1);
        allChecks.onOpenQty(0, accountId, aapl, Side.BUY, -qty, -1);
        return reason;
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
