package io.meridian.risk;

import io.meridian.oms.api.PreTradeRequest;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random orders, fills, cancels and price moves through the gate and through a naive model
 * that recomputes everything from its list of orders and fills with BigDecimal: every decision
 * (position limit at worst case, open orders, daily loss with reducing orders let through) must agree,
 * except where the model's loss lies within a rounding error of the limit.
 */
class ScopeLimitsDifferentialTest
{
    private static final Instrument AAPL = new Instrument(0, "AAPL", 4, 0, 0, 1_000_000, 1_000_000, Long.MAX_VALUE, 0);
    private static final Instrument BTC = new Instrument(1, "BTC-USDT", 2, 8, 1, 6_000_000, 1_000_00000000L,
        Long.MAX_VALUE, 0);
    private static final InstrumentRegistry INSTRUMENTS = new InstrumentRegistry(List.of(AAPL, BTC));
    private static final long MAX_AAPL = 500;
    private static final long MAX_BTC = 3_00000000L;
    private static final int MAX_OPEN = 6;
    private static final double MAX_LOSS = 5_000;

    private static final class ModelOrder
    {
        Instrument instrument;
        Side side;
        long open;
    }

    private final List<ModelOrder> open = new ArrayList<>();
    private final long[] position = new long[2];
    private final List<long[]> fills = new ArrayList<>(); // instrument, signed qty, price
    private final long[] marks = {1_000_000, 6_000_000};

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 2026, 424242})
    void gateAgreesWithNaiveModel(final long seed)
    {
        final Random random = new Random(seed);
        final RiskLimits limits = RiskLimits.builder(2).maxPosition(0, MAX_AAPL).maxPosition(1, MAX_BTC)
            .maxOpenOrders(MAX_OPEN).maxDailyLoss(MAX_LOSS).build();
        final HotRiskGate gate = new HotRiskGate(INSTRUMENTS, new RiskConfig(
            RiskLimits.none(2), List.of("C0"), Map.of("C0", limits), Map.of(), 0));
        final PreTradeRequest request = new PreTradeRequest();
        final long now = 1_800_000_000_000_000_000L;
        int accepted = 0;
        int[] refused = new int[OrderRejectReason.values().length];
        for (int step = 0; step < 6_000; step++)
        {
            final int dice = random.nextInt(100);
            if (dice < 45)
            {
                final Instrument instrument = random.nextBoolean() ? AAPL : BTC;
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long qty = instrument == AAPL ? 1 + random.nextInt(200) : 1 + random.nextInt(1_00000000);
                final long price = marks[instrument.id()] + random.nextInt(2_001) - 1_000;
                final OrderRejectReason actual =
                    gate.check(request.set(0, -1, instrument, side, OrdType.LIMIT, qty, price, now));
                final BigDecimal loss = loss();
                final OrderRejectReason expected = expected(instrument, side, qty, loss);
                if (loss.subtract(BigDecimal.valueOf(MAX_LOSS)).abs().compareTo(new BigDecimal("0.000001")) > 0)
                {
                    assertThat(actual).as("step %d", step).isEqualTo(expected);
                }
                if (actual == OrderRejectReason.NONE)
                {
                    accepted++;
                    final ModelOrder o = new ModelOrder();
                    o.instrument = instrument;
                    o.side = side;
                    o.open = qty;
                    open.add(o);
                    gate.onOpenQty(0, -1, instrument, side, qty, 1);
                }
                else
                {
                    refused[actual.ordinal()]++;
                }
            }
            else if (dice < 75 && !open.isEmpty())
            {
                final ModelOrder o = open.get(random.nextInt(open.size()));
                final long qty = 1 + (long)(random.nextDouble() * o.open);
                final long price = marks[o.instrument.id()] + random.nextInt(20_001) - 10_000;
                o.open -= qty;
                if (o.open == 0)
                {
                    open.remove(o);
                }
                position[o.instrument.id()] += o.side == Side.BUY ? qty : -qty;
                fills.add(new long[] {o.instrument.id(), o.side == Side.BUY ? qty : -qty, price});
                gate.onOpenQty(0, -1, o.instrument, o.side, -qty, o.open == 0 ? -1 : 0);
                gate.onFill(0, -1, o.instrument, o.side, qty, price, now);
            }
            else if (dice < 90 && !open.isEmpty())
            {
                final ModelOrder o = open.remove(random.nextInt(open.size()));
                gate.onOpenQty(0, -1, o.instrument, o.side, -o.open, -1);
            }
            else
            {
                // around a fixed level, 5% either way: losses come and go
                final int i = random.nextInt(2);
                final long base = INSTRUMENTS.byId(i).referencePrice();
                marks[i] = base + (long)((random.nextDouble() - 0.5) * base / 10);
                gate.onTrade(INSTRUMENTS.byId(i), marks[i]);
            }
        }
        assertThat(accepted).isGreaterThan(100);
        assertThat(refused[OrderRejectReason.POSITION_LIMIT.ordinal()]).isPositive();
        assertThat(refused[OrderRejectReason.OPEN_ORDERS_LIMIT.ordinal()]).isPositive();
        assertThat(refused[OrderRejectReason.DAILY_LOSS_LIMIT.ordinal()]).isPositive();
    }

    private OrderRejectReason expected(final Instrument instrument, final Side side, final long qty, final BigDecimal loss)
    {
        if (open.size() >= MAX_OPEN)
        {
            return OrderRejectReason.OPEN_ORDERS_LIMIT;
        }
        long sameSideOpen = 0;
        for (final ModelOrder o : open)
        {
            if (o.instrument == instrument && o.side == side)
            {
                sameSideOpen += o.open;
            }
        }
        final long p = position[instrument.id()];
        final long worst = side == Side.BUY ? p + sameSideOpen + qty : -(p - sameSideOpen - qty);
        if (worst > (instrument == AAPL ? MAX_AAPL : MAX_BTC))
        {
            return OrderRejectReason.POSITION_LIMIT;
        }
        final boolean reducing = side == Side.BUY ? p < 0 && sameSideOpen + qty <= -p : p > 0 && sameSideOpen + qty <= p;
        if (!reducing && loss.compareTo(BigDecimal.valueOf(MAX_LOSS)) > 0)
        {
            return OrderRejectReason.DAILY_LOSS_LIMIT;
        }
        return OrderRejectReason.NONE;
    }

    /** Loss = -(realised + unrealised), by replaying the fills in FIFO-free average-cost accounting. */
    private BigDecimal loss()
    {
        BigDecimal profit = BigDecimal.ZERO;
        for (int i = 0; i < 2; i++)
        {
            final Instrument instrument = INSTRUMENTS.byId(i);
            final BigDecimal divisor = BigDecimal.TEN.pow(instrument.qtyScale() + instrument.priceScale());
            long pos = 0;
            BigDecimal cost = BigDecimal.ZERO;
            for (final long[] f : fills)
            {
                if (f[0] != i)
                {
                    continue;
                }
                final long q = f[1];
                final BigDecimal px = BigDecimal.valueOf(f[2]);
                if (pos == 0 || (pos > 0) == (q > 0))
                {
                    pos += q;
                    cost = cost.add(BigDecimal.valueOf(q).multiply(px));
                }
                else
                {
                    final long closing = Math.min(Math.abs(q), Math.abs(pos));
                    final BigDecimal avg = cost.divide(BigDecimal.valueOf(pos), MathContext.DECIMAL128);
                    profit = profit.add(BigDecimal.valueOf(closing).multiply(px.subtract(avg))
                        .multiply(BigDecimal.valueOf(Long.signum(pos))).divide(divisor, MathContext.DECIMAL128));
                    final long remaining = pos + (q > 0 ? closing : -closing);
                    cost = avg.multiply(BigDecimal.valueOf(remaining));
                    final long opened = Math.abs(q) - closing;
                    pos = remaining + (q > 0 ? opened : -opened);
                    if (opened > 0)
                    {
                        cost = BigDecimal.valueOf(q > 0 ? opened : -opened).multiply(px);
                    }
                }
            }
            profit = profit.add(BigDecimal.valueOf(pos).multiply(BigDecimal.valueOf(marks[i])).subtract(cost)
                .divide(divisor, MathContext.DECIMAL128));
        }
        return profit.negate();
    }
}
