package io.meridian.admin;

import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.risk.RiskLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The limits of one risk scope as ops write them: decimals in the instrument's units, null for no limit.
 * Quantities per symbol; notionals in whole quote units; loss and exposure in quote units.
 */
@Serdeable
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = false) // a misspelt limit is no limit: refuse it
public record LimitSettings(
    @Nullable Integer maxOpenOrders,
    @Nullable Integer maxOrdersPerSecond,
    @Nullable BigDecimal maxOrderNotional,
    @Nullable BigDecimal maxDailyLoss,
    @Nullable BigDecimal maxGrossExposure,
    @Nullable Map<String, BigDecimal> maxOrderQty,
    @Nullable Map<String, BigDecimal> maxPosition,
    @Nullable BigDecimal maxDrawdown,
    @Nullable Integer maxConsecutiveLosses,
    @Nullable Long breakerCooldownSeconds,
    @Nullable Integer breakerTripsToPause,
    @Nullable BigDecimal maxLossPerWindow,
    @Nullable Long lossWindowSeconds)
{
    public static final LimitSettings NONE =
        new LimitSettings(null, null, null, null, null, null, null, null, null, null, null);

    /** Without the circuit breaker's loss rate. */
    public LimitSettings(
        final Integer maxOpenOrders, final Integer maxOrdersPerSecond, final BigDecimal maxOrderNotional,
        final BigDecimal maxDailyLoss, final BigDecimal maxGrossExposure, final Map<String, BigDecimal> maxOrderQty,
        final Map<String, BigDecimal> maxPosition, final BigDecimal maxDrawdown, final Integer maxConsecutiveLosses,
        final Long breakerCooldownSeconds, final Integer breakerTripsToPause)
    {
        this(maxOpenOrders, maxOrdersPerSecond, maxOrderNotional, maxDailyLoss, maxGrossExposure, maxOrderQty,
            maxPosition, maxDrawdown, maxConsecutiveLosses, breakerCooldownSeconds, breakerTripsToPause, null, null);
    }

    /** Without a circuit breaker. */
    public LimitSettings(
        final Integer maxOpenOrders, final Integer maxOrdersPerSecond, final BigDecimal maxOrderNotional,
        final BigDecimal maxDailyLoss, final BigDecimal maxGrossExposure, final Map<String, BigDecimal> maxOrderQty,
        final Map<String, BigDecimal> maxPosition)
    {
        this(maxOpenOrders, maxOrdersPerSecond, maxOrderNotional, maxDailyLoss, maxGrossExposure, maxOrderQty,
            maxPosition, null, null, null, null);
    }

    /** @throws IllegalArgumentException naming the setting that is wrong (unknown symbol, too many decimals...). */
    public RiskLimits toLimits(final InstrumentRegistry instruments)
    {
        final RiskLimits.Builder b = RiskLimits.builder(instruments.size());
        if (maxOpenOrders != null)
        {
            b.maxOpenOrders(maxOpenOrders);
        }
        if (maxOrdersPerSecond != null)
        {
            b.maxOrdersPerSecond(maxOrdersPerSecond);
        }
        if (maxOrderNotional != null)
        {
            b.maxOrderNotional(whole(maxOrderNotional, "max-order-notional (whole quote units)"));
        }
        if (maxDailyLoss != null)
        {
            b.maxDailyLoss(nonNegative(maxDailyLoss, "max-daily-loss").doubleValue());
        }
        if (maxGrossExposure != null)
        {
            b.maxGrossExposure(nonNegative(maxGrossExposure, "max-gross-exposure").doubleValue());
        }
        if (maxDrawdown != null)
        {
            b.maxDrawdown(nonNegative(maxDrawdown, "max-drawdown").doubleValue());
        }
        if (maxConsecutiveLosses != null)
        {
            b.maxConsecutiveLosses(maxConsecutiveLosses);
        }
        if (maxLossPerWindow != null)
        {
            b.maxWindowLoss(nonNegative(maxLossPerWindow, "max-loss-per-window").doubleValue());
        }
        if (lossWindowSeconds != null)
        {
            if (lossWindowSeconds <= 0)
            {
                throw new IllegalArgumentException("loss-window-s must be positive");
            }
            b.lossWindowNanos(java.util.concurrent.TimeUnit.SECONDS.toNanos(lossWindowSeconds));
        }
        if (breakerCooldownSeconds != null)
        {
            b.breakerCooldownNanos(java.util.concurrent.TimeUnit.SECONDS.toNanos(breakerCooldownSeconds));
        }
        if (breakerTripsToPause != null)
        {
            if (breakerTripsToPause > 64)
            {
                throw new IllegalArgumentException("breaker-trips-to-pause: at most 64");
            }
            b.breakerTripsToPause(breakerTripsToPause);
        }
        perSymbol(maxOrderQty, instruments, "max-order-qty", b::maxOrderQty);
        perSymbol(maxPosition, instruments, "max-position", b::maxPosition);
        return b.build();
    }

    /** The settings that give {@code limits}, for display. */
    public static LimitSettings of(final RiskLimits limits, final InstrumentRegistry instruments)
    {
        final Map<String, BigDecimal> qty = new TreeMap<>();
        final Map<String, BigDecimal> position = new TreeMap<>();
        for (int i = 0; i < instruments.size(); i++)
        {
            final Instrument instrument = instruments.byId(i);
            if (limits.maxOrderQty(i) != RiskLimits.NO_QTY_LIMIT)
            {
                qty.put(instrument.symbol(), BigDecimal.valueOf(limits.maxOrderQty(i), instrument.qtyScale()));
            }
            if (limits.maxPosition(i) != RiskLimits.NO_QTY_LIMIT)
            {
                position.put(instrument.symbol(), BigDecimal.valueOf(limits.maxPosition(i), instrument.qtyScale()));
            }
        }
        return new LimitSettings(
            limits.maxOpenOrders() == RiskLimits.NO_COUNT_LIMIT ? null : limits.maxOpenOrders(),
            limits.maxOrdersPerSecond() == 0 ? null : limits.maxOrdersPerSecond(),
            limits.maxOrderNotional() == Long.MAX_VALUE ? null : BigDecimal.valueOf(limits.maxOrderNotional()),
            limits.hasLossLimit() ? BigDecimal.valueOf(limits.maxDailyLoss()) : null,
            limits.hasExposureLimit() ? BigDecimal.valueOf(limits.maxGrossExposure()) : null,
            qty.isEmpty() ? null : qty,
            position.isEmpty() ? null : position,
            limits.maxDrawdown() == Double.POSITIVE_INFINITY ? null : BigDecimal.valueOf(limits.maxDrawdown()),
            limits.maxConsecutiveLosses() == 0 ? null : limits.maxConsecutiveLosses(),
            limits.hasBreaker() ? java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(limits.breakerCooldownNanos()) : null,
            limits.hasBreaker() ? limits.breakerTripsToPause() : null,
            limits.maxWindowLoss() == Double.POSITIVE_INFINITY ? null : BigDecimal.valueOf(limits.maxWindowLoss()),
            limits.maxWindowLoss() == Double.POSITIVE_INFINITY ? null :
                java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(limits.lossWindowNanos()));
    }

    private interface SymbolLimit
    {
        void set(int instrumentId, long scaledQty);
    }

    private static void perSymbol(
        final Map<String, BigDecimal> values, final InstrumentRegistry instruments, final String name,
        final SymbolLimit target)
    {
        if (values == null)
        {
            return;
        }
        for (final Map.Entry<String, BigDecimal> e : values.entrySet())
        {
            final Instrument instrument = instruments.bySymbol(e.getKey());
            if (instrument == null)
            {
                throw new IllegalArgumentException(name + ": unknown symbol " + e.getKey());
            }
            if (e.getValue() == null)
            {
                throw new IllegalArgumentException(name + " " + e.getKey() + ": a quantity is required");
            }
            final BigDecimal scaled = nonNegative(e.getValue(), name).movePointRight(instrument.qtyScale());
            target.set(instrument.id(), whole(scaled, name + " " + e.getKey() + " (at most " +
                instrument.qtyScale() + " decimals)"));
        }
    }

    private static BigDecimal nonNegative(final BigDecimal value, final String name)
    {
        if (value.signum() < 0)
        {
            throw new IllegalArgumentException(name + " must not be negative: " + value.toPlainString());
        }
        return value;
    }

    private static long whole(final BigDecimal value, final String name)
    {
        try
        {
            return nonNegative(value, name).stripTrailingZeros().longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            throw new IllegalArgumentException(name + ": not a whole number in range: " + value.toPlainString());
        }
    }
}
