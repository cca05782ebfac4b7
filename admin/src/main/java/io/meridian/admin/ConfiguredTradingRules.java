package io.meridian.admin;

import io.meridian.oms.api.TradingRules;
import io.meridian.oms.model.InstrumentRegistry;

import java.math.BigDecimal;
import java.util.List;

/**
 * Publishes the trading rules configured per instrument ({@code tick-size}, {@code lot-size}, {@code min-qty},
 * {@code min-notional}) to the {@link TradingRules} table at start, converted to the instrument's scales as a
 * crypto venue's are: the rules of venues that publish none (FIX venues). A rule that cannot be held in the
 * instrument's scales is a startup error.
 */
final class ConfiguredTradingRules
{
    private ConfiguredTradingRules()
    {
    }

    static void publish(
        final InstrumentRegistry instruments, final List<InstrumentSettings> settings, final TradingRules rules)
    {
        for (final InstrumentSettings instrument : settings)
        {
            if (!instrument.hasTradingRules())
            {
                continue;
            }
            try
            {
                rules.publish(instruments.bySymbol(instrument.symbol()).id(),
                    TradingRules.increment(positive(instrument.tickSize(), "tick-size"), instrument.priceScale()),
                    TradingRules.increment(positive(instrument.lotSize(), "lot-size"), instrument.qtyScale()),
                    TradingRules.minimum(positive(instrument.minQty(), "min-qty"), instrument.qtyScale()),
                    TradingRules.minimum(positive(instrument.minNotional(), "min-notional"), instrument.priceScale()));
            }
            catch (final ArithmeticException | IllegalArgumentException e)
            {
                throw new IllegalArgumentException("configuration meridian.instruments: trading rules of " +
                    instrument.symbol() + " do not fit its scales: " + e.getMessage(), e);
            }
        }
    }

    private static BigDecimal positive(final BigDecimal value, final String key)
    {
        if (value != null && value.signum() < 0)
        {
            throw new IllegalArgumentException("'" + key + "' is negative: " + value.toPlainString());
        }
        return value;
    }
}
