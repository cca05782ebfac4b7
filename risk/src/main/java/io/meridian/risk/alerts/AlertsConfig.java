package io.meridian.risk.alerts;

import java.time.Duration;
import java.util.List;

/**
 * The alerts configuration: who is sending and where to. The log sink is always there; by default it is
 * the only one.
 *
 * @param origin         host and instance name put in every remote alert.
 * @param sinks          the remote sinks.
 * @param requestTimeout per HTTP request.
 * @param idleCheckMs    the longest a delivery thread sleeps before looking at its clock again.
 */
public record AlertsConfig(AlertOrigin origin, List<SinkConfig> sinks, Duration requestTimeout, long idleCheckMs)
{
    public AlertsConfig
    {
        sinks = sinks == null ? List.of() : List.copyOf(sinks);
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        idleCheckMs = idleCheckMs <= 0 ? 1_000 : idleCheckMs;
        final java.util.Set<String> names = new java.util.HashSet<>(java.util.Set.of("log"));
        for (final SinkConfig sink : sinks)
        {
            if (!names.add(sink.name()))
            {
                throw new IllegalArgumentException("two alert sinks named '" + sink.name() + "' (or 'log', which is " +
                    "the log sink's): give each a name");
            }
        }
    }

    /** The log sink only. */
    public static AlertsConfig logOnly(final AlertOrigin origin)
    {
        return new AlertsConfig(origin, List.of(), null, 0);
    }
}
