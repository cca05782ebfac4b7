package io.meridian.risk;

import java.util.List;
import java.util.Map;

/**
 * The hot gate's scopes and their limits at start: the firm, each FIX session (by client id, the
 * position in {@code sessions}) and each configured account (FIX Account, 1). Orders of an account
 * without its own limits are held to their session's and the firm's.
 *
 * @param dayStartOffsetNanos where the trading day starts, after midnight UTC (daily loss resets then).
 */
public record RiskConfig(
    RiskLimits firm, List<String> sessions, Map<String, RiskLimits> sessionLimits, Map<String, RiskLimits> accounts,
    long dayStartOffsetNanos)
{
    public RiskConfig
    {
        sessions = List.copyOf(sessions);
        sessionLimits = Map.copyOf(sessionLimits);
        accounts = Map.copyOf(accounts);
    }

    /** No limits beyond the instruments' own, sessions named for display. */
    public static RiskConfig none(final int instrumentCount, final List<String> sessions)
    {
        return new RiskConfig(RiskLimits.none(instrumentCount), sessions, Map.of(), Map.of(), 0);
    }
}
