package io.meridian.risk;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.meridian.oms.model.OrdType.LIMIT;
import static io.meridian.oms.model.OrdType.MARKET;
import static org.assertj.core.api.Assertions.assertThat;

class HotRiskGateTest
{
    // price 4 decimals, qty whole: ref 100.0000, max 1000 shares, max notional 50_000, collar 5% (500 bps)
    private static final Instrument EQUITY = new Instrument(0, "AAPL", 4, 0, 0, 1_000_000, 1_000, 50_000, 500);
    // price 2 decimals, qty 8 decimals, no reference, no collar
    private static final Instrument CRYPTO = new Instrument(1, "BTC-USD", 2, 8, 1, 0, 10_00000000L, 100_000, 0);
    private final HotRiskGate gate = new HotRiskGate(new InstrumentRegistry(List.of(EQUITY, CRYPTO)));

    private OrderRejectReason check(final Instrument instrument, final OrdType type, final long qty, final long price)
    {
        return gate.check(instrument, Side.BUY, type, qty, price);
    }

    @Test
    void quantityChecks()
    {
        assertThat(check(EQUITY, LIMIT, 0, 1_000_000)).isEqualTo(OrderRejectReason.QTY_NOT_POSITIVE);
        assertThat(check(EQUITY, LIMIT, -1, 1_000_000)).isEqualTo(OrderRejectReason.QTY_NOT_POSITIVE);
        assertThat(check(EQUITY, LIMIT, 1, 1_000_000)).isEqualTo(OrderRejectReason.NONE);
        assertThat(check(EQUITY, LIMIT, 500, 1_000_000)).isEqualTo(OrderRejectReason.NONE);
        assertThat(check(CRYPTO, LIMIT, 10_00000000L, 1_000_000)).isEqualTo(OrderRejectReason.NONE);
        assertThat(check(CRYPTO, LIMIT, 10_00000001L, 1_000_000)).isEqualTo(OrderRejectReason.QTY_EXCEEDS_MAX);
        assertThat(check(EQUITY, LIMIT, 1_001, 1_000_000)).isEqualTo(OrderRejectReason.QTY_EXCEEDS_MAX);
    }

    @Test
    void missingFields()
    {
        assertThat(gate.check(EQUITY, null, LIMIT, 1, 1_000_000)).isEqualTo(OrderRejectReason.MISSING_FIELD);
        assertThat(gate.check(EQUITY, Side.SELL, null, 1, 1_000_000)).isEqualTo(OrderRejectReason.MISSING_FIELD);
    }

    @Test
    void limitPriceChecks()
    {
        assertThat(check(EQUITY, LIMIT, 1, 0)).isEqualTo(OrderRejectReason.PRICE_MISSING);
        assertThat(check(EQUITY, LIMIT, 1, -1)).isEqualTo(OrderRejectReason.PRICE_NOT_POSITIVE);
        assertThat(check(EQUITY, MARKET, 1, 0)).isEqualTo(OrderRejectReason.NONE);
    }

    @Test
    void collarBoundaries()
    {
        // 5% of 100.0000 = 5.0000: 95.0000 and 105.0000 pass, one tick beyond fails
        assertThat(check(EQUITY, LIMIT, 1, 1_050_000)).isEqualTo(OrderRejectReason.NONE);
        assertThat(check(EQUITY, LIMIT, 1, 1_050_001)).isEqualTo(OrderRejectReason.PRICE_OUTSIDE_COLLAR);
        assertThat(check(EQUITY, LIMIT, 1, 950_000)).isEqualTo(OrderRejectReason.NONE);
        assertThat(check(EQUITY, LIMIT, 1, 949_999)).isEqualTo(OrderRejectReason.PRICE_OUTSIDE_COLLAR);
        assertThat(check(EQUITY, LIMIT, 1, Long.MAX_VALUE)).isEqualTo(OrderRejectReason.PRICE_OUTSIDE_COLLAR);
        // no collar without reference or with collarBps 0
        assertThat(check(CRYPTO, LIMIT, 1, 1)).isEqualTo(OrderRejectReason.NONE);
        final Instrument noCollar = new Instrument(0, "X", 4, 0, 0, 1_000_000, 1_000, Long.MAX_VALUE, 0);
        final HotRiskGate other = new HotRiskGate(new InstrumentRegistry(List.of(noCollar)));
        assertThat(other.check(noCollar, Side.BUY, LIMIT, 1, 9_000_000)).isEqualTo(OrderRejectReason.NONE);
    }

    @Test
    void collarFollowsTrades()
    {
        gate.onTrade(EQUITY, 1_040_000);
        assertThat(gate.referencePrice(0)).isEqualTo(1_040_000);
        // 5% of 104 = 5.2: 109.2 passes now
        assertThat(check(EQUITY, LIMIT, 1, 1_092_000)).isEqualTo(OrderRejectReason.NONE);
        assertThat(check(EQUITY, LIMIT, 1, 1_092_001)).isEqualTo(OrderRejectReason.PRICE_OUTSIDE_COLLAR);
        gate.onTrade(EQUITY, 0);
        assertThat(gate.referencePrice(0)).isEqualTo(1_040_000);
    }

    @Test
    void notionalBoundaries()
    {
        // 500 * 100.0000 = 50_000 exactly: allowed; 500 * 100.0001 = 50_000.05 truncates to 50_000: allowed
        assertThat(check(EQUITY, LIMIT, 500, 1_000_000)).isEqualTo(OrderRejectReason.NONE);
        assertThat(check(EQUITY, LIMIT, 500, 1_000_001)).isEqualTo(OrderRejectReason.NONE);
        // 501 * 100 = 50_100
        assertThat(check(EQUITY, LIMIT, 501, 1_000_000)).isEqualTo(OrderRejectReason.NOTIONAL_EXCEEDS_MAX);
        // 500 * 100.0020 = 50_001
        assertThat(check(EQUITY, LIMIT, 500, 1_000_020)).isEqualTo(OrderRejectReason.NOTIONAL_EXCEEDS_MAX);
        // crypto: 2 BTC at 50_000.00 = 100_000: allowed; one satoshi more is 100_000.0005, truncated: allowed; 2.00002 BTC is 100_001
        assertThat(check(CRYPTO, LIMIT, 2_00000000L, 5_000_000)).isEqualTo(OrderRejectReason.NONE);
        assertThat(check(CRYPTO, LIMIT, 2_00000001L, 5_000_000)).isEqualTo(OrderRejectReason.NONE);
        assertThat(check(CRYPTO, LIMIT, 2_00002000L, 5_000_000)).isEqualTo(OrderRejectReason.NOTIONAL_EXCEEDS_MAX);
    }

    @Test
    void marketOrdersUseTheReferencePrice()
    {
        assertThat(check(EQUITY, MARKET, 500, 0)).isEqualTo(OrderRejectReason.NONE);
        assertThat(check(EQUITY, MARKET, 501, 0)).isEqualTo(OrderRejectReason.NOTIONAL_EXCEEDS_MAX);
        assertThat(check(CRYPTO, MARKET, 1, 0)).isEqualTo(OrderRejectReason.NO_REFERENCE_PRICE);
        gate.onTrade(CRYPTO, 5_000_000);
        assertThat(check(CRYPTO, MARKET, 2_00000000L, 0)).isEqualTo(OrderRejectReason.NONE);
        assertThat(check(CRYPTO, MARKET, 3_00000000L, 0)).isEqualTo(OrderRejectReason.NOTIONAL_EXCEEDS_MAX);
    }

    @Test
    void overflowSafeArithmetic()
    {
        // products far beyond 2^63 are compared exactly
        assertThat(HotRiskGate.notionalExceeds(Long.MAX_VALUE, Long.MAX_VALUE, 4, Long.MAX_VALUE - 1)).isTrue();
        assertThat(HotRiskGate.notionalExceeds(Long.MAX_VALUE, 10_000, 4, Long.MAX_VALUE - 1)).isTrue();
        assertThat(HotRiskGate.notionalExceeds(Long.MAX_VALUE, 10_000, 4, Long.MAX_VALUE)).isFalse();
        assertThat(HotRiskGate.notionalExceeds(Long.MAX_VALUE, 10_001, 4, Long.MAX_VALUE)).isTrue();
        assertThat(HotRiskGate.notionalExceeds(1L << 62, 4, 0, Long.MAX_VALUE)).isTrue();
        assertThat(HotRiskGate.notionalExceeds(3, 7, 20, 0)).isFalse();
        assertThat(HotRiskGate.notionalExceeds(1, 1, 0, -1)).isTrue();
        assertThat(HotRiskGate.compareProducts(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 1))
            .isPositive();
        assertThat(HotRiskGate.compareProducts(1L << 32, 1L << 32, 1L << 33, 1L << 31)).isZero();
        final Instrument huge = new Instrument(0, "H", 4, 8, 0, 0, Long.MAX_VALUE, 1_000_000_000L, 0);
        final HotRiskGate hugeGate = new HotRiskGate(new InstrumentRegistry(List.of(huge)));
        assertThat(hugeGate.check(huge, Side.SELL, LIMIT, Long.MAX_VALUE, Long.MAX_VALUE))
            .isEqualTo(OrderRejectReason.NOTIONAL_EXCEEDS_MAX);
    }

    @Test
    void notionalCheckAgreesWithBigIntegerReference()
    {
        final java.util.SplittableRandom random = new java.util.SplittableRandom(20261207);
        for (int i = 0; i < 200_000; i++)
        {
            final long qty = 1 + (random.nextBoolean() ? random.nextLong(Long.MAX_VALUE) : random.nextLong(1L << 40));
            final long price = 1 + (random.nextBoolean() ? random.nextLong(Long.MAX_VALUE) : random.nextLong(1L << 40));
            final int scale = random.nextInt(19);
            final long max = switch (random.nextInt(4))
            {
                case 0 -> Long.MAX_VALUE;
                case 1 -> random.nextLong(Long.MAX_VALUE);
                case 2 -> java.math.BigInteger.valueOf(qty).multiply(java.math.BigInteger.valueOf(price))
                    .divide(java.math.BigInteger.TEN.pow(scale)).min(java.math.BigInteger.valueOf(Long.MAX_VALUE))
                    .longValueExact() - random.nextInt(2);
                default -> random.nextLong(1L << 40);
            };
            final boolean expected = max < 0 || java.math.BigInteger.valueOf(qty).multiply(java.math.BigInteger.valueOf(price))
                .divide(java.math.BigInteger.TEN.pow(scale)).compareTo(java.math.BigInteger.valueOf(max)) > 0;
            assertThat(HotRiskGate.notionalExceeds(qty, price, scale, max))
                .as("qty=%d price=%d scale=%d max=%d", qty, price, scale, max).isEqualTo(expected);
        }
    }

    @Test
    void theReferenceFollowsTheMidOfAnInSyncBook()
    {
        final io.meridian.oms.api.TopOfBookTable books = new io.meridian.oms.api.TopOfBookTable(2);
        gate.marketData(books);
        // 5% collar around 100.0000 until the book speaks
        assertThat(check(EQUITY, LIMIT, 1, 1_040_000)).isEqualTo(OrderRejectReason.NONE);
        books.publish(EQUITY.id(), 1_199_000, 10, 1_201_000, 10, 1, 1); // mid 120.0000
        assertThat(check(EQUITY, LIMIT, 1, 1_040_000)).isEqualTo(OrderRejectReason.PRICE_OUTSIDE_COLLAR);
        assertThat(check(EQUITY, LIMIT, 1, 1_150_000)).isEqualTo(OrderRejectReason.NONE);
        assertThat(gate.referencePrice(EQUITY.id())).isEqualTo(1_200_000);
        assertThat(gate.referencePrices()[EQUITY.id()]).isEqualTo(1_200_000);
        // a book out of sync is not used: the last reference stays
        books.outOfSync(EQUITY.id(), 2);
        books.publish(CRYPTO.id(), 0, 0, 6_000_000, 1, 1, 1); // one-sided: no mid
        assertThat(check(EQUITY, LIMIT, 1, 1_150_000)).isEqualTo(OrderRejectReason.NONE);
        assertThat(gate.referencePrice(EQUITY.id())).isEqualTo(1_200_000);
        assertThat(check(CRYPTO, MARKET, 1, 0)).as("no reference without a mid or a trade")
            .isEqualTo(OrderRejectReason.NO_REFERENCE_PRICE);
    }
}
