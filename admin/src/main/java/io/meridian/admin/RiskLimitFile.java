package io.meridian.admin;

import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.risk.HotRiskGate;
import io.meridian.risk.RiskLimits;
import io.meridian.risk.RiskScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Limits changed at runtime ({@code PUT /risk/limits/...}) outlive a restart: {@code <data-dir>/risk-limits}
 * holds one line per changed scope, {@code <kind> TAB <name> TAB <who> TAB <when> TAB key=value...} (the YAML's
 * kebab-case keys, {@code max-position.AAPL=26} per symbol; no key: no limit), rewritten atomically on every
 * change and applied at start over the YAML's values, each logged. A line that no longer fits the configuration
 * (a scope or symbol gone, a bad value) refuses the start, naming the line: trading under limits nobody set is
 * worse than not trading.
 */
final class RiskLimitFile
{
    static final String FILE = "risk-limits";
    private static final Logger LOG = LoggerFactory.getLogger(RiskLimitFile.class);

    /** Where a scope's limits come from: the YAML, or a runtime change (who, when). */
    record Source(String who, String when)
    {
        static final Source CONFIGURATION = new Source(null, null);

        boolean runtime()
        {
            return who != null;
        }
    }

    private final Path file;
    private final HotRiskGate gate;
    private final InstrumentRegistry instruments;
    /** by scope label: the runtime changes in force, in the order they were first made */
    private final Map<String, Line> lines = new LinkedHashMap<>();

    private record Line(RiskScope scope, Source source, LimitSettings limits)
    {
    }

    private RiskLimitFile(final Path dataDir, final HotRiskGate gate, final InstrumentRegistry instruments)
    {
        this.file = dataDir.resolve(FILE);
        this.gate = gate;
        this.instruments = instruments;
    }

    /** Applies the runtime changes the file holds (before the sequencer runs). */
    static RiskLimitFile restore(final Path dataDir, final HotRiskGate gate, final InstrumentRegistry instruments)
    {
        final RiskLimitFile limits = new RiskLimitFile(dataDir, gate, instruments);
        if (!Files.exists(limits.file))
        {
            return limits;
        }
        final List<String> content;
        try
        {
            content = Files.readAllLines(limits.file, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new IllegalStateException("cannot read " + limits.file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < content.size(); i++)
        {
            if (content.get(i).isBlank())
            {
                continue;
            }
            try
            {
                limits.apply(content.get(i));
            }
            catch (final RuntimeException e)
            {
                throw new IllegalStateException(limits.file + " line " + (i + 1) + ": " + e.getMessage() +
                    " (the limits changed at runtime no longer fit the configuration: correct or remove the line)", e);
            }
        }
        return limits;
    }

    private void apply(final String text)
    {
        final String[] fields = text.split("\t");
        if (fields.length < 4)
        {
            throw new IllegalArgumentException("expected kind, name, who, when and the limits, not '" + text + "'");
        }
        final RiskScope scope = gate.scope(RiskScope.Kind.valueOf(fields[0].toUpperCase(Locale.ROOT)), fields[1]);
        if (scope == null)
        {
            throw new IllegalArgumentException("no " + fields[0] + " scope " + fields[1]);
        }
        final Map<String, String> values = new LinkedHashMap<>();
        for (int f = 4; f < fields.length; f++)
        {
            final int eq = fields[f].indexOf('=');
            if (eq <= 0)
            {
                throw new IllegalArgumentException("expected key=value, not '" + fields[f] + "'");
            }
            values.put(fields[f].substring(0, eq), fields[f].substring(eq + 1));
        }
        final LimitSettings settings = parse(values);
        final RiskLimits configured = gate.limits(scope, settings.toLimits(instruments));
        final Source source = new Source(fields[2], fields[3]);
        lines.put(scope.label(), new Line(scope, source, settings));
        LOG.warn("event=risk_limits_restored scope=\"{}\" changedBy={} changedAt={} limits={} configured={} file={}",
            scope.label(), source.who(), source.when(), settings, LimitSettings.of(configured, instruments), file);
    }

    /** Records a runtime change (already applied to the gate) and rewrites the file. */
    synchronized void changed(final RiskScope scope, final LimitSettings limits, final String who, final String when)
    {
        lines.put(scope.label(), new Line(scope, new Source(who, when), limits));
        save();
    }

    /** The scope is back on the configuration's limits (already applied to the gate); rewrites the file. */
    synchronized void reverted(final RiskScope scope)
    {
        lines.remove(scope.label());
        save();
    }

    /** @return where the scope's limits in force come from. */
    synchronized Source source(final RiskScope scope)
    {
        final Line line = lines.get(scope.label());
        return line == null ? Source.CONFIGURATION : line.source();
    }

    private void save()
    {
        final List<String> out = new ArrayList<>(lines.size());
        for (final Line line : lines.values())
        {
            final StringBuilder text = new StringBuilder()
                .append(line.scope().kindName()).append('\t').append(line.scope().name()).append('\t')
                .append(line.source().who()).append('\t').append(line.source().when());
            format(line.limits()).forEach((key, value) -> text.append('\t').append(key).append('=').append(value));
            out.add(text.toString());
        }
        AtomicFiles.writeLines(file, out);
    }

    private static Map<String, String> format(final LimitSettings limits)
    {
        final Map<String, String> values = new LinkedHashMap<>();
        put(values, "max-open-orders", limits.maxOpenOrders());
        put(values, "max-orders-per-second", limits.maxOrdersPerSecond());
        put(values, "max-order-notional", limits.maxOrderNotional());
        put(values, "max-daily-loss", limits.maxDailyLoss());
        put(values, "max-gross-exposure", limits.maxGrossExposure());
        put(values, "max-drawdown", limits.maxDrawdown());
        put(values, "max-consecutive-losses", limits.maxConsecutiveLosses());
        put(values, "breaker-cooldown-s", limits.breakerCooldownSeconds());
        put(values, "breaker-trips-to-pause", limits.breakerTripsToPause());
        put(values, "max-loss-per-window", limits.maxLossPerWindow());
        put(values, "loss-window-s", limits.lossWindowSeconds());
        perSymbol(values, "max-order-qty", limits.maxOrderQty());
        perSymbol(values, "max-position", limits.maxPosition());
        return values;
    }

    private static void put(final Map<String, String> values, final String key, final Object value)
    {
        if (value != null)
        {
            values.put(key, value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
        }
    }

    private static void perSymbol(final Map<String, String> values, final String key, final Map<String, BigDecimal> limits)
    {
        if (limits != null)
        {
            new TreeMap<>(limits).forEach((symbol, qty) -> values.put(key + "." + symbol, qty.toPlainString()));
        }
    }

    private static LimitSettings parse(final Map<String, String> values)
    {
        final Map<String, BigDecimal> maxOrderQty = new TreeMap<>();
        final Map<String, BigDecimal> maxPosition = new TreeMap<>();
        for (final Map.Entry<String, String> e : values.entrySet())
        {
            final String key = e.getKey();
            if (key.startsWith("max-order-qty."))
            {
                maxOrderQty.put(key.substring("max-order-qty.".length()), new BigDecimal(e.getValue()));
            }
            else if (key.startsWith("max-position."))
            {
                maxPosition.put(key.substring("max-position.".length()), new BigDecimal(e.getValue()));
            }
            else if (!List.of("max-open-orders", "max-orders-per-second", "max-order-notional", "max-daily-loss",
                "max-gross-exposure", "max-drawdown", "max-consecutive-losses", "breaker-cooldown-s",
                "breaker-trips-to-pause", "max-loss-per-window", "loss-window-s").contains(key))
            {
                throw new IllegalArgumentException("unknown limit " + key);
            }
        }
        return new LimitSettings(
            integer(values.get("max-open-orders")),
            integer(values.get("max-orders-per-second")),
            decimal(values.get("max-order-notional")),
            decimal(values.get("max-daily-loss")),
            decimal(values.get("max-gross-exposure")),
            maxOrderQty.isEmpty() ? null : maxOrderQty,
            maxPosition.isEmpty() ? null : maxPosition,
            decimal(values.get("max-drawdown")),
            integer(values.get("max-consecutive-losses")),
            values.get("breaker-cooldown-s") == null ? null : Long.valueOf(values.get("breaker-cooldown-s")),
            integer(values.get("breaker-trips-to-pause")),
            decimal(values.get("max-loss-per-window")),
            values.get("loss-window-s") == null ? null : Long.valueOf(values.get("loss-window-s")));
    }

    private static Integer integer(final String value)
    {
        return value == null ? null : Integer.valueOf(value);
    }

    private static BigDecimal decimal(final String value)
    {
        return value == null ? null : new BigDecimal(value);
    }
}
