package io.meridian.admin;

import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.risk.RiskConfig;
import io.meridian.risk.RiskLimits;
import io.meridian.risk.RiskScope;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code meridian.risk}: the limits of the firm, of FIX sessions (by CompID) and of accounts (FIX Account),
 * where the trading day starts (daily loss resets) and how the exposure engine grants its leases.
 *
 * @param tradingDayStart UTC time of day the trading day starts.
 * @param leaseInterval   how often the exposure engine reads the store and grants leases.
 * @param leaseTtl        how long a lease lasts: the engine may miss a few passes before orders fail closed.
 * @param health          the health monitor's bounds.
 */
public record RiskSettings(
    List<ScopeSettings> scopes, LocalTime tradingDayStart, Duration leaseInterval, Duration leaseTtl,
    HealthSettings health)
{
    /**
     * @param sequencerStallMs  the sequencer making no progress with input waiting this long halts new orders (0: off).
     * @param autoClearMs       a health halt clears after this long healthy (0: only an operator clears it).
     * @param marketDataStaleMs an instrument fed by market data refuses new orders while its book is out of sync or
     *                          unchanged this long (0: off).
     */
    public record HealthSettings(long sequencerStallMs, long autoClearMs, long marketDataStaleMs)
    {
        public static final HealthSettings OFF = new HealthSettings(0, 0, 0);
    }

    public RiskSettings(
        final List<ScopeSettings> scopes, final LocalTime tradingDayStart, final Duration leaseInterval,
        final Duration leaseTtl)
    {
        this(scopes, tradingDayStart, leaseInterval, leaseTtl, HealthSettings.OFF);
    }

    /** @see HealthSettings#marketDataStaleMs() */
    public long marketDataStaleMs()
    {
        return health.marketDataStaleMs();
    }

    /** The limits of one scope. */
    public record ScopeSettings(RiskScope.Kind kind, String name, LimitSettings limits)
    {
    }

    public RiskSettings
    {
        scopes = List.copyOf(scopes);
        health = health == null ? HealthSettings.OFF : health;
    }

    /** No limits beyond the instruments'. */
    public static RiskSettings none()
    {
        return new RiskSettings(List.of(), LocalTime.MIDNIGHT, Duration.ofMillis(250), Duration.ofSeconds(2));
    }

    /**
     * The gate's configuration for these instruments and client sessions.
     *
     * @throws IllegalArgumentException for an unknown session or symbol, a scope listed twice, a session with an
     *                                  exposure limit (positions are kept per account), or a malformed limit.
     */
    public RiskConfig toRiskConfig(final InstrumentRegistry instruments, final List<String> sessions)
    {
        RiskLimits firm = RiskLimits.none(instruments.size());
        final Map<String, RiskLimits> bySession = new HashMap<>();
        final Map<String, RiskLimits> byAccount = new HashMap<>();
        boolean firmSeen = false;
        for (final ScopeSettings scope : scopes)
        {
            final String where = "meridian.risk.limits " + scope.kind().name().toLowerCase() +
                (scope.name() == null ? "" : " " + scope.name());
            final RiskLimits limits;
            try
            {
                limits = scope.limits().toLimits(instruments);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
            }
            switch (scope.kind())
            {
                case FIRM ->
                {
                    if (firmSeen)
                    {
                        throw new IllegalArgumentException(where + ": listed twice");
                    }
                    firmSeen = true;
                    firm = limits;
                }
                case SESSION ->
                {
                    if (!sessions.contains(scope.name()))
                    {
                        throw new IllegalArgumentException(where + ": no client session with that CompID");
                    }
                    if (limits.hasExposureLimit())
                    {
                        throw new IllegalArgumentException(where + ": max-gross-exposure is per account or firm " +
                            "(the store keeps positions per account)");
                    }
                    if (bySession.put(scope.name(), limits) != null)
                    {
                        throw new IllegalArgumentException(where + ": listed twice");
                    }
                }
                case ACCOUNT ->
                {
                    if (scope.name() == null || scope.name().isBlank())
                    {
                        throw new IllegalArgumentException(where + ": an account needs its name");
                    }
                    if (byAccount.put(scope.name(), limits) != null)
                    {
                        throw new IllegalArgumentException(where + ": listed twice");
                    }
                }
            }
        }
        return new RiskConfig(firm, sessions, bySession, byAccount, tradingDayStart.toNanoOfDay());
    }
}
