package io.meridian.admin;

import io.meridian.gateway.ClientSessionConfig;
import io.meridian.risk.alerts.AlertOrigin;
import io.meridian.risk.alerts.AlertsConfig;
import io.meridian.risk.alerts.Secret;
import io.meridian.risk.alerts.Severity;
import io.meridian.risk.alerts.SinkConfig;
import io.meridian.risk.alerts.SinkPolicy;
import io.meridian.venues.crypto.CryptoVenueConfig;
import io.meridian.venues.crypto.CryptoVenueKind;
import io.meridian.venues.crypto.VenueCredentials;
import io.meridian.venues.fix.FixVenueConfig;
import io.meridian.venues.fix.VenueDialect;
import io.micronaut.core.type.Argument;
import io.micronaut.core.value.PropertyResolver;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the typed {@link ServerConfig} from Micronaut's resolved configuration (application.yml,
 * an optional file named by MICRONAUT_CONFIG_FILES, environment variables such as
 * MERIDIAN_FIX_PORT, system properties). Fails fast with the offending key.
 */
public final class ServerConfigLoader
{
    private ServerConfigLoader()
    {
    }

    public static ServerConfig load(final PropertyResolver properties)
    {
        final String compId = string(properties, "meridian.fix.comp-id", "MERIDIAN");
        final Path dataDir = Path.of(string(properties, "meridian.data-dir", "data"));
        // ids are list positions: keep each name's id across reordered configurations
        final StableIds ids = properties.containsProperty("meridian.data-dir") ? StableIds.open(dataDir) : StableIds.none();
        final List<ClientSessionConfig> clients = new ArrayList<>();
        for (final Map<String, Object> client : ids.order(
            "client", list(properties, "meridian.clients"), c -> required(c, "comp-id", "meridian.clients")))
        {
            clients.add(new ClientSessionConfig(
                clients.size(),
                required(client, "comp-id", "meridian.clients"),
                compId,
                optional(client, "username"),
                optional(client, "password"),
                // FIX.4.2, FIX.4.4 (the default) or FIXT.1.1
                optional(client, "fix-version"))
                .withDialect(optional(client, "dialect"))
                .withCarryTags(tags(value(client, "carry-tags")))
                // may engage and release the kill switch by OrderMassCancelRequest (docs/risk.md)
                .withOps(flag(optionalOr(client, "ops", "false"), "meridian.clients[].ops")));
        }

        final List<FixVenueConfig> venues = new ArrayList<>();
        for (final Map<String, Object> venue : ids.order(
            "venue", list(properties, "meridian.venues"), v -> required(v, "name", "meridian.venues")))
        {
            venues.add(new FixVenueConfig(
                venues.size(),
                required(venue, "name", "meridian.venues"),
                required(venue, "host", "meridian.venues"),
                Integer.parseInt(required(venue, "port", "meridian.venues")),
                optionalOr(venue, "sender-comp-id", compId),
                required(venue, "target-comp-id", "meridian.venues"),
                optional(venue, "username"),
                optional(venue, "password"),
                Long.parseLong(optionalOr(venue, "reconnect-interval-ms", "1000")),
                tags(value(venue, "carry-tags")),
                VenueDialect.of(optional(venue, "dialect")),
                optional(venue, "signing-key-path") == null ? null : Path.of(optional(venue, "signing-key-path")),
                // the venue's symbol where it is not ours without an @VENUE suffix (BTC-USDT@SIMVENUE -> BTC-USDT)
                symbolMap(value(venue, "symbols")),
                flag(optionalOr(venue, "market-data", "false"), "meridian.venues[].market-data")));
        }

        final List<InstrumentSettings> instruments = new ArrayList<>();
        for (final Map<String, Object> instrument : ids.order(
            "instrument", list(properties, "meridian.instruments"), i -> required(i, "symbol", "meridian.instruments")))
        {
            instruments.add(new InstrumentSettings(
                required(instrument, "symbol", "meridian.instruments"),
                required(instrument, "venue", "meridian.instruments"),
                Integer.parseInt(required(instrument, "price-scale", "meridian.instruments")),
                Integer.parseInt(optionalOr(instrument, "qty-scale", "0")),
                decimal(optional(instrument, "reference-price")),
                decimal(required(instrument, "max-order-qty", "meridian.instruments")),
                decimal(optional(instrument, "max-notional")),
                Integer.parseInt(optionalOr(instrument, "collar-bps", "0")),
                // the venue's rules for the router, for venues that publish none (0 or absent: no rule)
                decimal(optional(instrument, "tick-size")),
                decimal(optional(instrument, "lot-size")),
                decimal(optional(instrument, "min-qty")),
                decimal(optional(instrument, "min-notional"))));
        }

        final List<CryptoVenueConfig> cryptoVenues = new ArrayList<>();
        final List<Map<String, Object>> cryptoEntries = ids.order(
            "crypto-venue", list(properties, "meridian.crypto-venues"), v -> required(v, "name", "meridian.crypto-venues"));
        refuseShiftedCryptoVenueIds(ids, venues.size(), cryptoEntries.size(), dataDir);
        ids.save();
        for (final Map<String, Object> venue : cryptoEntries)
        {
            cryptoVenues.add(cryptoVenue(venues.size() + cryptoVenues.size(), venue, instruments, System.getenv()));
        }
        final CryptoSimulatorSettings cryptoSimulators = new CryptoSimulatorSettings(
            properties.getProperty("meridian.crypto-simulators.enabled", Boolean.class, false),
            string(properties, "meridian.crypto-simulators.host", "127.0.0.1"),
            properties.getProperty("meridian.crypto-simulators.binance-port", Integer.class, 8095),
            properties.getProperty("meridian.crypto-simulators.okx-port", Integer.class, 8096),
            properties.getProperty("meridian.crypto-simulators.control-port", Integer.class, 8097),
            properties.getProperty("meridian.crypto-simulators.seed", Long.class, 1L),
            properties.getProperty("meridian.crypto-simulators.maker-step-ms", Long.class, 200L));

        return new ServerConfig(
            dataDir,
            string(properties, "meridian.fix.bind-host", "0.0.0.0"),
            properties.getProperty("meridian.fix.port", Integer.class, 9878),
            string(properties, "meridian.core.idle-strategy", "backoff"),
            string(properties, "meridian.fix.engine-idle-strategy", "backoff"),
            clients,
            venues,
            instruments,
            properties.getProperty("meridian.simulator.enabled", Boolean.class, true),
            properties.getProperty("meridian.simulator.port", Integer.class, 9880),
            string(properties, "meridian.simulator.comp-id", "VENUE"),
            string(properties, "meridian.fix.engine-scheduler", "lock-step"),
            cryptoVenues,
            cryptoSimulators,
            string(properties, "meridian.crypto.idle-strategy", "backoff"),
            alerts(properties, System.getenv()),
            risk(properties),
            reconciliation(properties, venueNames(venues, cryptoVenues)),
            router(properties));
    }

    /**
     * {@code meridian.router}: {@code venue-name} (SOR), {@code routes} (a list of {@code symbol} and
     * {@code legs}), {@code fees} (a list of {@code venue}, {@code taker-bps}, {@code maker-bps}), {@code health}
     * ({@code max-ack-latency-ms}, {@code max-reject-rate-percent}, {@code min-rate-limit-headroom-percent}).
     */
    public static RouterSettings router(final PropertyResolver properties)
    {
        final Map<String, List<String>> routes = new LinkedHashMap<>();
        for (final Map<String, Object> route : list(properties, "meridian.router.routes"))
        {
            final String symbol = required(route, "symbol", "meridian.router.routes");
            final Object legs = route.get("legs");
            if (!(legs instanceof List<?> legList) || legList.isEmpty())
            {
                throw new IllegalArgumentException("meridian.router.routes: " + symbol + " needs legs: [symbols]");
            }
            routes.put(symbol, legList.stream().map(String::valueOf).toList());
        }
        final Map<String, RouterSettings.Fees> fees = new LinkedHashMap<>();
        for (final Map<String, Object> fee : list(properties, "meridian.router.fees"))
        {
            fees.put(required(fee, "venue", "meridian.router.fees"), new RouterSettings.Fees(
                new BigDecimal(optionalOr(fee, "taker-bps", "0")), new BigDecimal(optionalOr(fee, "maker-bps", "0"))));
        }
        final RouterSettings.Health defaults = RouterSettings.Health.defaults();
        final RouterSettings.Health health = new RouterSettings.Health(
            properties.getProperty("meridian.router.health.max-ack-latency-ms", Long.class, defaults.maxAckLatencyMs()),
            new BigDecimal(string(properties, "meridian.router.health.max-reject-rate-percent",
                defaults.maxRejectRatePercent().toPlainString())),
            new BigDecimal(string(properties, "meridian.router.health.min-rate-limit-headroom-percent",
                defaults.minRateLimitHeadroomPercent().toPlainString())));
        return new RouterSettings(string(properties, "meridian.router.venue-name", RouterSettings.DEFAULT_VENUE_NAME),
            routes, fees, health);
    }

    private static Map<String, String> symbolMap(final Object configured)
    {
        final Map<String, String> symbols = new LinkedHashMap<>();
        if (configured instanceof Map<?, ?> map)
        {
            map.forEach((ours, theirs) -> symbols.put(ours.toString(), theirs.toString()));
        }
        return symbols;
    }

    private static java.util.Set<String> venueNames(
        final List<FixVenueConfig> venues, final List<CryptoVenueConfig> cryptoVenues)
    {
        final java.util.Set<String> names = new java.util.TreeSet<>();
        venues.forEach(v -> names.add(v.name()));
        cryptoVenues.forEach(v -> names.add(v.name()));
        return names;
    }

    /**
     * {@code meridian.reconciliation}: enabled, interval-ms, settle-ms, timeout-ms, overdue-ms,
     * startup-timeout-ms, startup-policy (halt|open), policies (venue name: alert|halt) and intervals
     * (venue name: ms). A policy or interval for a venue that is not configured is refused.
     */
    /** A venue named as a map key: Micronaut lower-cases those, so it is matched ignoring case. */
    private static String venueName(final String key, final java.util.Set<String> venues, final String section)
    {
        return venues.stream().filter(v -> v.equalsIgnoreCase(key)).findFirst().orElseThrow(() ->
            new IllegalArgumentException("configuration " + section + ": unknown venue '" + key + "' (venues: " +
                venues + ")"));
    }

    static ReconciliationSettings reconciliation(final PropertyResolver properties, final java.util.Set<String> venues)
    {
        final ReconciliationSettings defaults = ReconciliationSettings.defaults();
        final Map<String, ReconciliationSettings.Policy> policies = new java.util.HashMap<>();
        properties.getProperty("meridian.reconciliation.policies", Argument.mapOf(String.class, String.class))
            .orElse(Map.of())
            .forEach((venue, policy) -> policies.put(
                venueName(venue, venues, "meridian.reconciliation.policies"), ReconciliationSettings.Policy.of(policy)));
        final Map<String, Long> intervals = new java.util.HashMap<>();
        properties.getProperty("meridian.reconciliation.intervals", Argument.mapOf(String.class, Long.class))
            .orElse(Map.of())
            .forEach((venue, interval) -> intervals.put(
                venueName(venue, venues, "meridian.reconciliation.intervals"), interval));
        final String startupPolicy = string(properties, "meridian.reconciliation.startup-policy", "halt");
        if (!startupPolicy.equals("halt") && !startupPolicy.equals("open"))
        {
            throw new IllegalArgumentException(
                "configuration meridian.reconciliation.startup-policy must be halt or open, not '" + startupPolicy + "'");
        }
        final String overduePolicy = string(properties, "meridian.reconciliation.overdue-policy", "halt");
        if (!overduePolicy.equals("halt") && !overduePolicy.equals("alert"))
        {
            throw new IllegalArgumentException(
                "configuration meridian.reconciliation.overdue-policy must be halt or alert, not '" + overduePolicy + "'");
        }
        return new ReconciliationSettings(
            flag(string(properties, "meridian.reconciliation.enabled", "false"), "meridian.reconciliation.enabled"),
            properties.getProperty("meridian.reconciliation.interval-ms", Long.class, defaults.intervalMs()),
            properties.getProperty("meridian.reconciliation.settle-ms", Long.class, defaults.settleMs()),
            properties.getProperty("meridian.reconciliation.timeout-ms", Long.class, defaults.timeoutMs()),
            properties.getProperty("meridian.reconciliation.overdue-ms", Long.class, defaults.overdueMs()),
            properties.getProperty("meridian.reconciliation.startup-timeout-ms", Long.class, defaults.startupTimeoutMs()),
            startupPolicy.equals("halt"),
            overduePolicy.equals("halt"),
            policies,
            intervals);
    }

    /**
     * {@code meridian.alerts}: the instance name and the remote sinks (the log sink is always on). A
     * telegram sink's token comes from {@code token-env} (an environment variable) or {@code token-file}
     * (a secrets file); a {@code token} key in the YAML is refused.
     */
    static AlertsConfig alerts(final PropertyResolver properties, final Map<String, String> environment)
    {
        final String section = "meridian.alerts.sinks";
        final List<SinkConfig> sinks = new ArrayList<>();
        for (final Map<String, Object> sink : list(properties, section))
        {
            if (value(sink, "token") != null)
            {
                throw new IllegalArgumentException("configuration " + section + ": a token is never written in the " +
                    "configuration; name an environment variable (token-env) or a secrets file (token-file)");
            }
            final SinkConfig.Kind kind = SinkConfig.Kind.of(required(sink, "kind", section));
            final String tokenEnv = optional(sink, "token-env");
            final String tokenFile = optional(sink, "token-file");
            final Secret token = tokenEnv != null ? Secret.fromEnv(tokenEnv, environment) :
                tokenFile != null ? Secret.fromFile(Path.of(tokenFile)) : null;
            final String url = kind == SinkConfig.Kind.TELEGRAM ?
                optionalOr(sink, "url", "https://api.telegram.org") : required(sink, "url", section);
            final SinkPolicy policy = new SinkPolicy(
                Severity.of(optionalOr(sink, "min-severity", "YELLOW")),
                Integer.parseInt(optionalOr(sink, "rate-per-minute", "20")),
                Integer.parseInt(optionalOr(sink, "max-attempts", "5")),
                Long.parseLong(optionalOr(sink, "backoff-ms", "1000")),
                Long.parseLong(optionalOr(sink, "max-backoff-ms", "30000")),
                Integer.parseInt(optionalOr(sink, "queue-capacity", String.valueOf(SinkPolicy.DEFAULT_QUEUE_CAPACITY))));
            sinks.add(new SinkConfig(optional(sink, "name"), kind, URI.create(url), optional(sink, "chat-id"), token, policy));
        }
        return new AlertsConfig(
            AlertOrigin.local(string(properties, "meridian.alerts.instance", "")),
            sinks,
            Duration.ofMillis(properties.getProperty("meridian.alerts.request-timeout-ms", Long.class, 10_000L)),
            0);
    }

    /**
     * Crypto venues take the ids after the FIX venues': a FIX venue added while crypto venues are known
     * to the journal would move their ids, so it is refused (the journal records the counts).
     */
    private static void refuseShiftedCryptoVenueIds(
        final StableIds ids, final int fixVenues, final int cryptoVenues, final Path dataDir)
    {
        final List<Map<String, Object>> counts = new ArrayList<>();
        for (int i = 0; i < fixVenues; i++)
        {
            counts.add(Map.of("n", "fix-venue-" + i));
        }
        if (cryptoVenues > 0)
        {
            try
            {
                ids.order("fix-venue-slot", counts, m -> (String)m.get("n"));
            }
            catch (final IllegalStateException e)
            {
                throw new IllegalStateException("configuration: a FIX venue was removed from " + dataDir +
                    "'s configuration while crypto venues are configured: add it back, or start on a fresh data directory");
            }
            if (ids.grew("fix-venue-slot"))
            {
                throw new IllegalStateException("configuration: a FIX venue was added while crypto venues are " +
                    "known to the journal of " + dataDir + " (their ids follow the FIX venues'); start on a fresh data " +
                    "directory, or add FIX venues before the first start with crypto venues");
            }
        }
    }

    /**
     * One crypto venue entry. Its symbols: every instrument routed to it, by the venue's default
     * naming ({@link CryptoVenueKind#defaultVenueSymbol}) unless the entry's {@code symbols} map says
     * otherwise. Credentials are a reference ({@code env:PREFIX}, {@code file:/path}, or
     * {@code simulator:trader1} for the embedded simulators' demo accounts), never the keys themselves.
     */
    static CryptoVenueConfig cryptoVenue(
        final int venueId, final Map<String, Object> venue, final List<InstrumentSettings> instruments,
        final Map<String, String> environment)
    {
        final String section = "meridian.crypto-venues";
        final String name = required(venue, "name", section);
        final CryptoVenueKind kind = CryptoVenueKind.of(required(venue, "kind", section));
        final Map<String, String> symbols = new LinkedHashMap<>();
        for (final InstrumentSettings instrument : instruments)
        {
            if (instrument.venue().equals(name))
            {
                symbols.put(instrument.symbol(), kind.defaultVenueSymbol(instrument.symbol()));
            }
        }
        final Object configured = value(venue, "symbols");
        if (configured instanceof Map<?, ?> map)
        {
            map.forEach((ours, theirs) -> symbols.put(ours.toString(), theirs.toString()));
        }
        final String reference = required(venue, "credentials", section);
        final boolean simulated = reference.startsWith("simulator:");
        final VenueCredentials credentials = simulated ?
            simulatorCredentials(kind, reference.substring("simulator:".length())) :
            VenueCredentials.load(reference, environment);
        return new CryptoVenueConfig(
            venueId,
            name,
            kind,
            required(venue, "rest-url", section),
            optional(venue, "order-ws-url"),
            optional(venue, "stream-ws-url"),
            credentials,
            symbols,
            Long.parseLong(optionalOr(venue, "request-timeout-ms", "5000")),
            Long.parseLong(optionalOr(venue, "recv-window-ms", "5000")),
            Long.parseLong(optionalOr(venue, "reconnect-min-ms", "250")),
            Long.parseLong(optionalOr(venue, "reconnect-max-ms", "10000")),
            simulated,
            flag(optionalOr(venue, "market-data", "true"), section + "[" + name + "].market-data"));
    }

    /** The embedded simulators' documented demo keys (public test values, not secrets). */
    static VenueCredentials simulatorCredentials(final CryptoVenueKind kind, final String account)
    {
        return switch (kind)
        {
            case BINANCE_SPOT -> VenueCredentials.hmac("sim-" + account + "-key", "sim-" + account + "-secret", null);
            case OKX_V5 -> VenueCredentials.hmac("okx-" + account + "-key", "okx-" + account + "-secret",
                "okx-" + account + "-pass");
        };
    }

    /** A YAML list of tag numbers ({@code [7001, 7002]}) or a comma-separated string, as an int array. */
    static int[] tags(final Object value)
    {
        if (value == null)
        {
            return new int[0];
        }
        final List<String> items = new ArrayList<>();
        if (value instanceof Iterable<?> list)
        {
            list.forEach(item -> items.add(item.toString()));
        }
        else
        {
            for (final String item : value.toString().split(","))
            {
                if (!item.isBlank())
                {
                    items.add(item);
                }
            }
        }
        return items.stream().mapToInt(item -> Integer.parseInt(item.trim())).toArray();
    }

    private static final java.util.Set<String> LIMIT_KEYS = java.util.Set.of(
        "scope", "name", "max-open-orders", "max-orders-per-second", "max-order-notional", "max-daily-loss",
        "max-gross-exposure", "max-order-qty", "max-position", "max-drawdown", "max-consecutive-losses",
        "breaker-cooldown-s", "breaker-trips-to-pause", "max-loss-per-window", "loss-window-s");

    /**
     * {@code meridian.risk}: {@code limits} (a list: scope firm|session|account, name, and the limits), the
     * trading day's start (UTC, HH:mm) and the exposure lease's interval and time to live. An unknown key
     * is refused: a misspelt limit must not silently be no limit.
     */
    static RiskSettings risk(final PropertyResolver properties)
    {
        final List<RiskSettings.ScopeSettings> scopes = new ArrayList<>();
        for (final Map<String, Object> entry : list(properties, "meridian.risk.limits"))
        {
            for (final String key : entry.keySet())
            {
                if (!LIMIT_KEYS.contains(key) && LIMIT_KEYS.stream().noneMatch(k -> kebabToCamel(k).equals(key)))
                {
                    throw new IllegalArgumentException("configuration meridian.risk.limits: unknown key '" + key +
                        "' in " + entry + " (known: " + new java.util.TreeSet<>(LIMIT_KEYS) + ")");
                }
            }
            final String scope = required(entry, "scope", "meridian.risk.limits");
            final io.meridian.risk.RiskScope.Kind kind;
            try
            {
                kind = io.meridian.risk.RiskScope.Kind.valueOf(scope.toUpperCase(java.util.Locale.ROOT));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(
                    "configuration meridian.risk.limits: scope must be firm, session or account, not " + scope, ex);
            }
            final String name = kind == io.meridian.risk.RiskScope.Kind.FIRM ? "firm" :
                required(entry, "name", "meridian.risk.limits");
            scopes.add(new RiskSettings.ScopeSettings(kind, name, new LimitSettings(
                integer(optional(entry, "max-open-orders")),
                integer(optional(entry, "max-orders-per-second")),
                decimal(optional(entry, "max-order-notional")),
                decimal(optional(entry, "max-daily-loss")),
                decimal(optional(entry, "max-gross-exposure")),
                decimals(value(entry, "max-order-qty"), "max-order-qty"),
                decimals(value(entry, "max-position"), "max-position"),
                decimal(optional(entry, "max-drawdown")),
                integer(optional(entry, "max-consecutive-losses")),
                optional(entry, "breaker-cooldown-s") == null ? null : Long.valueOf(optional(entry, "breaker-cooldown-s")),
                integer(optional(entry, "breaker-trips-to-pause")),
                decimal(optional(entry, "max-loss-per-window")),
                optional(entry, "loss-window-s") == null ? null : Long.valueOf(optional(entry, "loss-window-s")))));
        }
        return new RiskSettings(
            scopes,
            java.time.LocalTime.parse(string(properties, "meridian.risk.trading-day-start", "00:00")),
            Duration.ofMillis(properties.getProperty("meridian.risk.exposure-lease.interval-ms", Long.class, 250L)),
            Duration.ofMillis(properties.getProperty("meridian.risk.exposure-lease.ttl-ms", Long.class, 2_000L)),
            new RiskSettings.HealthSettings(
                properties.getProperty("meridian.risk.health.sequencer-stall-ms", Long.class, 0L),
                properties.getProperty("meridian.risk.health.auto-clear-ms", Long.class, 0L),
                properties.getProperty("meridian.risk.health.market-data-stale-ms", Long.class, 0L)));
    }

    private static Integer integer(final String value)
    {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
    }

    private static Map<String, BigDecimal> decimals(final Object value, final String key)
    {
        if (value == null)
        {
            return null;
        }
        if (!(value instanceof Map<?, ?> map))
        {
            throw new IllegalArgumentException(
                "configuration meridian.risk.limits: " + key + " must map symbols to quantities, not " + value);
        }
        final Map<String, BigDecimal> result = new java.util.LinkedHashMap<>();
        map.forEach((symbol, qty) -> result.put(String.valueOf(symbol), new BigDecimal(String.valueOf(qty))));
        return result;
    }

    private static String string(final PropertyResolver properties, final String key, final String defaultValue)
    {
        return properties.getProperty(key, String.class, defaultValue);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Map<String, Object>> list(final PropertyResolver properties, final String key)
    {
        final List raw = properties.getProperty(key, Argument.listOf(Map.class)).orElse(List.of());
        return (List<Map<String, Object>>)raw;
    }

    private static String required(final Map<String, Object> entry, final String key, final String section)
    {
        final String value = optional(entry, key);
        if (value == null || value.isBlank())
        {
            throw new IllegalArgumentException("configuration " + section + ": missing '" + key + "' in " + entry);
        }
        return value;
    }

    /** "true" or "false", anything else is a startup error (a typo must not switch a feature silently). */
    static boolean flag(final String value, final String key)
    {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT))
        {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("configuration: " + key + " must be true or false, not '" +
                value + "'");
        };
    }

    private static String optionalOr(final Map<String, Object> entry, final String key, final String defaultValue)
    {
        final String value = optional(entry, key);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    private static String optional(final Map<String, Object> entry, final String key)
    {
        final Object value = value(entry, key);
        return value == null ? null : value.toString();
    }

    /** The entry's value under its kebab-case key or the camelCase form Micronaut may give it; null when absent. */
    private static Object value(final Map<String, Object> entry, final String key)
    {
        final Object value = entry.get(key);
        return value != null ? value : entry.get(kebabToCamel(key));
    }

    private static String kebabToCamel(final String key)
    {
        final StringBuilder camel = new StringBuilder(key.length());
        boolean upper = false;
        for (int i = 0; i < key.length(); i++)
        {
            final char c = key.charAt(i);
            if (c == '-')
            {
                upper = true;
            }
            else
            {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static BigDecimal decimal(final String value)
    {
        return value == null || value.isBlank() ? null : new BigDecimal(value);
    }
}
