package io.meridian.risk;

import java.util.Arrays;

/**
 * The limits of one risk scope (the firm, a FIX session or an account). Immutable: the admin thread
 * replaces a scope's limits as a whole and the sequencer sees one consistent set per order.
 * Quantities are scaled by each instrument's qtyScale, notionals are in whole quote units (qty x price),
 * loss and exposure in quote units (every quote currency counted at par: USD, USDT and USDC alike).
 */
public final class RiskLimits
{
    public static final int NO_COUNT_LIMIT = Integer.MAX_VALUE;
    public static final long NO_QTY_LIMIT = Long.MAX_VALUE;

    private final int maxOpenOrders;
    private final int maxOrdersPerSecond;
    private final long maxOrderNotional;
    private final double maxDailyLoss;
    private final double maxGrossExposure;
    private final long[] maxOrderQty;
    private final long[] maxPosition;
    private final double maxDrawdown;
    private final int maxConsecutiveLosses;
    private final double maxWindowLoss;
    private final long lossWindowNanos;
    private final long breakerCooldownNanos;
    private final int breakerTripsToPause;

    private RiskLimits(final Builder b)
    {
        maxDrawdown = b.maxDrawdown;
        maxConsecutiveLosses = b.maxConsecutiveLosses;
        maxWindowLoss = b.maxWindowLoss;
        lossWindowNanos = b.lossWindowNanos;
        breakerCooldownNanos = b.breakerCooldownNanos;
        breakerTripsToPause = b.breakerTripsToPause;
        maxOpenOrders = b.maxOpenOrders;
        maxOrdersPerSecond = b.maxOrdersPerSecond;
        maxOrderNotional = b.maxOrderNotional;
        maxDailyLoss = b.maxDailyLoss;
        maxGrossExposure = b.maxGrossExposure;
        maxOrderQty = b.maxOrderQty.clone();
        maxPosition = b.maxPosition.clone();
    }

    /** No limits at all, for {@code instrumentCount} instruments. */
    public static RiskLimits none(final int instrumentCount)
    {
        return builder(instrumentCount).build();
    }

    public static Builder builder(final int instrumentCount)
    {
        return new Builder(instrumentCount);
    }

    /** @return a builder starting from these limits. */
    public Builder toBuilder()
    {
        final Builder b = new Builder(maxPosition.length);
        b.maxOpenOrders = maxOpenOrders;
        b.maxOrdersPerSecond = maxOrdersPerSecond;
        b.maxOrderNotional = maxOrderNotional;
        b.maxDailyLoss = maxDailyLoss;
        b.maxGrossExposure = maxGrossExposure;
        System.arraycopy(maxOrderQty, 0, b.maxOrderQty, 0, maxOrderQty.length);
        System.arraycopy(maxPosition, 0, b.maxPosition, 0, maxPosition.length);
        b.maxDrawdown = maxDrawdown;
        b.maxConsecutiveLosses = maxConsecutiveLosses;
        b.maxWindowLoss = maxWindowLoss;
        b.lossWindowNanos = lossWindowNanos;
        b.breakerCooldownNanos = breakerCooldownNanos;
        b.breakerTripsToPause = breakerTripsToPause;
        return b;
    }

    /** Open orders at once; {@link #NO_COUNT_LIMIT} when unlimited. */
    public int maxOpenOrders()
    {
        return maxOpenOrders;
    }

    /** New orders and replaces per second (a token bucket of this size); 0 when unlimited. */
    public int maxOrdersPerSecond()
    {
        return maxOrdersPerSecond;
    }

    /** Notional of one order in whole quote units; Long.MAX_VALUE when unlimited. */
    public long maxOrderNotional()
    {
        return maxOrderNotional;
    }

    /** Realised today plus unrealised loss, in quote units; +Infinity when unlimited. */
    public double maxDailyLoss()
    {
        return maxDailyLoss;
    }

    /**
     * Gross exposure (filled positions marked to the reference price, plus open orders) in quote units;
     * +Infinity when unlimited. A finite value makes the scope depend on the exposure engine's lease.
     */
    public double maxGrossExposure()
    {
        return maxGrossExposure;
    }

    public long maxOrderQty(final int instrumentId)
    {
        return maxOrderQty[instrumentId];
    }

    /** Largest absolute position, long or short, counting open orders at their worst case. */
    public long maxPosition(final int instrumentId)
    {
        return maxPosition[instrumentId];
    }

    /** Circuit breaker: today's profit falling this far below its peak trips it; +Infinity when off. */
    public double maxDrawdown()
    {
        return maxDrawdown;
    }

    /** Circuit breaker: this many losing fills in a row trip it; 0 when off. */
    public int maxConsecutiveLosses()
    {
        return maxConsecutiveLosses;
    }

    /**
     * Circuit breaker, the loss rate: the losses realised within {@link #lossWindowNanos} (quote units, losing
     * fills only, wins do not offset them) above this trip it; +Infinity when off.
     */
    public double maxWindowLoss()
    {
        return maxWindowLoss;
    }

    /** The loss rate's window. */
    public long lossWindowNanos()
    {
        return lossWindowNanos;
    }

    /** How long a trip refuses new risk. */
    public long breakerCooldownNanos()
    {
        return breakerCooldownNanos;
    }

    /** Trips within 24 hours that pause the scope until a manual reset; 0 never pauses. */
    public int breakerTripsToPause()
    {
        return breakerTripsToPause;
    }

    public boolean hasBreaker()
    {
        return maxDrawdown != Double.POSITIVE_INFINITY || maxConsecutiveLosses > 0 ||
            maxWindowLoss != Double.POSITIVE_INFINITY;
    }

    public int instrumentCount()
    {
        return maxPosition.length;
    }

    public boolean hasLossLimit()
    {
        return maxDailyLoss != Double.POSITIVE_INFINITY;
    }

    public boolean hasExposureLimit()
    {
        return maxGrossExposure != Double.POSITIVE_INFINITY;
    }

    public boolean equals(final Object o)
    {
        return o instanceof RiskLimits l && l.maxOpenOrders == maxOpenOrders &&
            l.maxOrdersPerSecond == maxOrdersPerSecond && l.maxOrderNotional == maxOrderNotional &&
            Double.compare(l.maxDailyLoss, maxDailyLoss) == 0 && Double.compare(l.maxGrossExposure, maxGrossExposure) == 0 &&
            Arrays.equals(l.maxOrderQty, maxOrderQty) && Arrays.equals(l.maxPosition, maxPosition) &&
            Double.compare(l.maxDrawdown, maxDrawdown) == 0 && l.maxConsecutiveLosses == maxConsecutiveLosses &&
            Double.compare(l.maxWindowLoss, maxWindowLoss) == 0 && l.lossWindowNanos == lossWindowNanos &&
            l.breakerCooldownNanos == breakerCooldownNanos && l.breakerTripsToPause == breakerTripsToPause;
    }

    public int hashCode()
    {
        return 31 * Arrays.hashCode(maxPosition) + maxOpenOrders;
    }

    /** Builds {@link RiskLimits}; every limit starts unlimited. */
    public static final class Builder
    {
        private int maxOpenOrders = NO_COUNT_LIMIT;
        private int maxOrdersPerSecond;
        private long maxOrderNotional = Long.MAX_VALUE;
        private double maxDailyLoss = Double.POSITIVE_INFINITY;
        private double maxGrossExposure = Double.POSITIVE_INFINITY;
        private final long[] maxOrderQty;
        private final long[] maxPosition;
        private double maxDrawdown = Double.POSITIVE_INFINITY;
        private int maxConsecutiveLosses;
        private double maxWindowLoss = Double.POSITIVE_INFINITY;
        private long lossWindowNanos = 60_000_000_000L;
        private long breakerCooldownNanos = 300_000_000_000L;
        private int breakerTripsToPause = 3;

        private Builder(final int instrumentCount)
        {
            maxOrderQty = new long[instrumentCount];
            maxPosition = new long[instrumentCount];
            Arrays.fill(maxOrderQty, NO_QTY_LIMIT);
            Arrays.fill(maxPosition, NO_QTY_LIMIT);
        }

        public Builder maxOpenOrders(final int value)
        {
            maxOpenOrders = requireNonNegative(value, "max-open-orders");
            return this;
        }

        public Builder maxOrdersPerSecond(final int value)
        {
            maxOrdersPerSecond = requireNonNegative(value, "max-orders-per-second");
            return this;
        }

        public Builder maxOrderNotional(final long value)
        {
            maxOrderNotional = requireNonNegative(value, "max-order-notional");
            return this;
        }

        public Builder maxDailyLoss(final double value)
        {
            maxDailyLoss = requireNonNegative(value, "max-daily-loss");
            return this;
        }

        public Builder maxGrossExposure(final double value)
        {
            maxGrossExposure = requireNonNegative(value, "max-gross-exposure");
            return this;
        }

        public Builder maxOrderQty(final int instrumentId, final long value)
        {
            maxOrderQty[instrumentId] = requireNonNegative(value, "max-order-qty");
            return this;
        }

        public Builder maxPosition(final int instrumentId, final long value)
        {
            maxPosition[instrumentId] = requireNonNegative(value, "max-position");
            return this;
        }

        public Builder maxDrawdown(final double value)
        {
            maxDrawdown = requireNonNegative(value, "max-drawdown");
            return this;
        }

        public Builder maxConsecutiveLosses(final int value)
        {
            maxConsecutiveLosses = requireNonNegative(value, "max-consecutive-losses");
            return this;
        }

        /** The loss rate: at most {@code value} quote units of losses realised within the loss window. */
        public Builder maxWindowLoss(final double value)
        {
            maxWindowLoss = requireNonNegative(value, "max-loss-per-window");
            return this;
        }

        public Builder lossWindowNanos(final long value)
        {
            if (value <= 0)
            {
                throw new IllegalArgumentException("loss-window-s must be positive");
            }
            lossWindowNanos = value;
            return this;
        }

        public Builder breakerCooldownNanos(final long value)
        {
            breakerCooldownNanos = requireNonNegative(value, "breaker-cooldown");
            return this;
        }

        public Builder breakerTripsToPause(final int value)
        {
            breakerTripsToPause = requireNonNegative(value, "breaker-trips-to-pause");
            return this;
        }

        public RiskLimits build()
        {
            return new RiskLimits(this);
        }

        private static int requireNonNegative(final int value, final String name)
        {
            if (value < 0)
            {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
        }

        private static long requireNonNegative(final long value, final String name)
        {
            if (value < 0)
            {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
        }

        private static double requireNonNegative(final double value, final String name)
        {
            if (!(value >= 0))
            {
                throw new IllegalArgumentException(name + " must be a number, not negative: " + value);
            }
            return value;
        }
    }
}
