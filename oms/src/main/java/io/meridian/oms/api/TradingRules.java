package io.meridian.oms.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Each instrument's venue trading rules (tick, lot, minimum quantity, minimum notional) in the instrument's
 * scales, by instrument id: published on a cold path (a crypto bridge once its venue's instrument list is
 * loaded, or the configuration at start for venues that publish none) and read by any thread, e.g. the
 * router's on the core thread. The seqlock of {@link TopOfBookTable}: one writer at a time per instrument,
 * readers never block and nothing allocates after construction. {@link #increment} and {@link #minimum} turn a
 * venue's decimal rule into the scaled long the table holds.
 */
public final class TradingRules
{
    private static final int SEQ = 0;
    private static final int TICK = 1;
    private static final int LOT = 2;
    private static final int MIN_QTY = 3;
    private static final int MIN_NOTIONAL = 4;
    private static final int STRIDE = 8;
    private static final int MAX_READ_ATTEMPTS = 64;

    private final AtomicLongArray slots;
    private final int instruments;

    /** @param instruments instrument ids are 0..instruments-1 */
    public TradingRules(final int instruments)
    {
        this.instruments = instruments;
        this.slots = new AtomicLongArray(Math.max(1, instruments) * STRIDE);
    }

    public int instruments()
    {
        return instruments;
    }

    /**
     * The instrument's rules, replacing any published before; 0 = no rule.
     *
     * @param tickSize    price increment, scaled like prices.
     * @param lotSize     quantity increment, scaled like quantities.
     * @param minQty      smallest order quantity, scaled like quantities.
     * @param minNotional smallest {@code qty x price / 10^qtyScale}, in quote units scaled like prices.
     */
    public void publish(
        final int instrumentId, final long tickSize, final long lotSize, final long minQty, final long minNotional)
    {
        if (instrumentId < 0 || instrumentId >= instruments)
        {
            throw new IllegalArgumentException("no instrument " + instrumentId);
        }
        if (tickSize < 0 || lotSize < 0 || minQty < 0 || minNotional < 0)
        {
            throw new IllegalArgumentException("negative rule for instrument " + instrumentId);
        }
        final int base = instrumentId * STRIDE;
        final long seq = slots.get(base + SEQ);
        slots.set(base + SEQ, seq + 1);
        slots.set(base + TICK, tickSize);
        slots.set(base + LOT, lotSize);
        slots.set(base + MIN_QTY, minQty);
        slots.set(base + MIN_NOTIONAL, minNotional);
        slots.set(base + SEQ, seq + 2);
    }

    /**
     * Copies the instrument's rules into {@code into}. False when none were published for it (or no
     * consistent copy could be taken): then {@code into} is not to be used.
     */
    public boolean read(final int instrumentId, final InstrumentRules into)
    {
        if (instrumentId < 0 || instrumentId >= instruments)
        {
            return false;
        }
        final int base = instrumentId * STRIDE;
        for (int attempt = 0; attempt < MAX_READ_ATTEMPTS; attempt++)
        {
            final long before = slots.get(base + SEQ);
            if ((before & 1) != 0)
            {
                Thread.onSpinWait();
                continue;
            }
            into.tickSize = slots.get(base + TICK);
            into.lotSize = slots.get(base + LOT);
            into.minQty = slots.get(base + MIN_QTY);
            into.minNotional = slots.get(base + MIN_NOTIONAL);
            if (slots.get(base + SEQ) == before)
            {
                return before != 0;
            }
        }
        return false;
    }

    /**
     * A venue's increment (tick or lot size) in an instrument scale: the smallest multiple of both the
     * increment and the scale's unit, so a scaled value is on the venue's grid exactly when it is a multiple
     * of the answer (0.025 at scale 2 is 5, i.e. 0.05; 0.001 at scale 2 is 1). Null, zero or negative: 0.
     *
     * @throws ArithmeticException when the answer does not fit a long.
     */
    public static long increment(final BigDecimal venueValue, final int scale)
    {
        if (venueValue == null || venueValue.signum() <= 0)
        {
            return 0;
        }
        final BigDecimal inUnits = venueValue.movePointRight(scale).stripTrailingZeros();
        if (inUnits.scale() <= 0)
        {
            return inUnits.longValueExact();
        }
        // n / 10^k in lowest terms p / q: the least common multiple of p / q and 1 is p
        final BigInteger numerator = inUnits.unscaledValue();
        final BigInteger common = numerator.gcd(BigInteger.TEN.pow(inUnits.scale()));
        return numerator.divide(common).longValueExact();
    }

    /**
     * A venue's minimum (quantity or notional) in an instrument scale, rounded up so that nothing below the
     * venue's passes: exact whenever the venue's minimum has no more decimals than the scale (a quantity on
     * the scale's grid meets the rounded minimum exactly when it meets the venue's). Null, zero or negative: 0.
     *
     * @throws ArithmeticException when the answer does not fit a long.
     */
    public static long minimum(final BigDecimal venueValue, final int scale)
    {
        if (venueValue == null || venueValue.signum() <= 0)
        {
            return 0;
        }
        return venueValue.setScale(scale, RoundingMode.CEILING).unscaledValue().longValueExact();
    }
}
