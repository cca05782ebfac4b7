package io.meridian.risk;

import io.meridian.oms.api.PreTradeCheck;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.oms.model.OrdType;
import io.meridian.oms.model.OrderRejectReason;
import io.meridian.oms.model.Side;

import java.math.BigInteger;

/**
 * The pre-trade gate on the sequencer thread. Limits come from each {@link Instrument}; the
 * reference price starts at the instrument's and follows the last trade. Checks, in order:
 * <ol>
 * <li>side and order type present ({@code MISSING_FIELD})</li>
 * <li>qty &gt; 0 ({@code QTY_NOT_POSITIVE}), qty &lt;= maxOrderQty ({@code QTY_EXCEEDS_MAX})</li>
 * <li>limit orders: price != 0 ({@code PRICE_MISSING}), price &gt; 0 ({@code PRICE_NOT_POSITIVE})</li>
 * <li>limit orders with collarBps &gt; 0 and a reference price:
 *     |price - ref| * 10000 &lt;= collarBps * ref ({@code PRICE_OUTSIDE_COLLAR})</li>
 * <li>notional = qty * (limit price, or reference price for market orders) / 10^(qtyScale + priceScale),
 *     truncated to whole price units, &lt;= maxNotional ({@code NOTIONAL_EXCEEDS_MAX}); a market order
 *     without reference price is rejected ({@code NO_REFERENCE_PRICE})</li>
 * </ol>
 * Arithmetic is exact over 128 bits (no allocation), also for maxNotional == Long.MAX_VALUE (no limit
 * configured); only qtyScale + priceScale &gt; 18, which configuration refuses, falls back to BigInteger.
 * Single-threaded, like the sequencer.
 */
public final class HotRiskGate implements PreTradeCheck
{
    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private final long[] referencePrices;

    public HotRiskGate(final InstrumentRegistry instruments)
    {
        referencePrices = new long[instruments.size()];
        for (int i = 0; i < referencePrices.length; i++)
        {
            final Instrument instrument = instruments.byId(i);
            referencePrices[i] = instrument.referencePrice();
        }
    }

    public OrderRejectReason check(
        final Instrument instrument, final Side side, final OrdType ordType, final long qty, final long price)
    {
        if (side == null || ordType == null)
        {
            return OrderRejectReason.MISSING_FIELD;
        }
        if (qty <= 0)
        {
            return OrderRejectReason.QTY_NOT_POSITIVE;
        }
        if (qty > instrument.maxOrderQty())
        {
            return OrderRejectReason.QTY_EXCEEDS_MAX;
        }
        final long reference = referencePrice(instrument.id());
        final long notionalPrice;
        if (ordType == OrdType.LIMIT)
        {
            if (price == 0)
            {
                return OrderRejectReason.PRICE_MISSING;
            }
            if (price < 0)
            {
                return OrderRejectReason.PRICE_NOT_POSITIVE;
            }
            final int collarBps = instrument.collarBps();
            if (collarBps > 0 && reference > 0 &&
                compareProducts(Math.abs(price - reference), 10_000, collarBps, reference) > 0)
            {
                return OrderRejectReason.PRICE_OUTSIDE_COLLAR;
            }
            notionalPrice = price;
        }
        else
        {
            if (reference <= 0)
            {
                return OrderRejectReason.NO_REFERENCE_PRICE;
            }
            notionalPrice = reference;
        }
        if (notionalExceeds(qty, notionalPrice, instrument.qtyScale() + instrument.priceScale(),
            instrument.maxNotional()))
        {
            return OrderRejectReason.NOTIONAL_EXCEEDS_MAX;
        }
        return OrderRejectReason.NONE;
    }

    public void onTrade(final Instrument instrument, final long price)
    {
        final int id = instrument.id();
        if (price > 0 && id >= 0 && id < referencePrices.length)
        {
            referencePrices[id] = price;
        }
    }

    /** @return the current reference price of an instrument (scaled), 0 when none. */
    public long referencePrice(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < referencePrices.length ? referencePrices[instrumentId] : 0;
    }

    /** true when floor(qty * price / 10^scale) &gt; maxNotional; qty and price positive. */
    static boolean notionalExceeds(final long qty, final long price, final int scale, final long maxNotional)
    {
        if (maxNotional < 0)
        {
            return true;
        }
        if (scale < 0 || scale >= POWERS_OF_TEN.length)
        {
            // no instrument has such a scale (rejected at configuration): exact but allocating
            final BigInteger divisor = BigInteger.TEN.pow(Math.max(scale, 0));
            final BigInteger notional = BigInteger.valueOf(qty).multiply(BigInteger.valueOf(price));
            return notional.divide(divisor).compareTo(BigInteger.valueOf(maxNotional)) > 0;
        }
        // floor(P / 10^s) <= M  <=>  P < M * 10^s + 10^s, in 128 bits (M may be Long.MAX_VALUE: no limit set)
        final long unit = POWERS_OF_TEN[scale];
        final long boundLo = maxNotional * unit;
        final long boundLoPlusUnit = boundLo + unit;
        final long boundHi = Math.multiplyHigh(maxNotional, unit) +
            (Long.compareUnsigned(boundLoPlusUnit, boundLo) < 0 ? 1 : 0);
        final long productHi = Math.multiplyHigh(qty, price);
        if (productHi != boundHi)
        {
            return productHi > boundHi;
        }
        return Long.compareUnsigned(qty * price, boundLoPlusUnit) >= 0;
    }

    /** Compares a * b with c * d exactly; all arguments non-negative. */
    static int compareProducts(final long a, final long b, final long c, final long d)
    {
        final long hi1 = Math.multiplyHigh(a, b);
        final long hi2 = Math.multiplyHigh(c, d);
        if (hi1 != hi2)
        {
            return Long.compare(hi1, hi2);
        }
        return Long.compareUnsigned(a * b, c * d);
    }
}
