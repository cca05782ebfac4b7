package io.meridian.admin;

import io.meridian.admin.security.AuditLog;
import io.meridian.oms.OmsMetrics;
import io.meridian.risk.RiskScope;
import io.meridian.risk.SequencerHeartbeat;
import io.meridian.risk.alerts.Severity;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The risk monitors, four times a second on their own thread, so the sequencer carries no I/O:
 * <ul>
 * <li>circuit breakers: each trip the gate counted becomes an audit record and a RED alert, and the
 * pauses are saved so they outlive a restart;</li>
 * <li>exposure leases: YELLOW when one runs out (the exposure engine is not current), INFO when renewed;</li>
 * <li>the sequencer heartbeat: input waiting and no progress for {@code sequencer-stall-ms} halts new
 * orders (fail closed: what queued during the stall is refused when it resumes), cleared after
 * {@code auto-clear-ms} healthy, or by an operator.</li>
 * </ul>
 */
@Context
public class RiskWatch implements AutoCloseable
{
    static final String TRIPPED = "BREAKER_TRIPPED";
    static final String PAUSED = "BREAKER_PAUSED";
    static final String STALLED = "SEQUENCER_STALLED";
    static final String RECOVERED = "SEQUENCER_RECOVERED";
    static final String LEASE_EXPIRED = "RISK_LEASE_EXPIRED";
    static final String LEASE_RENEWED = "RISK_LEASE_RENEWED";
    private static final Logger LOG = LoggerFactory.getLogger(RiskWatch.class);

    private final MeridianServer server;
    private final AuditLog audit;
    private final Map<RiskScope, Long> tripsSeen = new HashMap<>();
    private final Map<RiskScope, Long> breakerVersionsSaved = new HashMap<>();
    private final java.util.Set<RiskScope> leaseExpired = new java.util.HashSet<>();
    private final ScheduledExecutorService timer = DaemonTimers.single("meridian-risk-watch");
    private final SequencerHeartbeat heartbeat;

    public RiskWatch(final MeridianServer server, final AuditLog audit)
    {
        this.server = server;
        this.audit = audit;
        final RiskSettings.HealthSettings health = server.config().risk().health();
        heartbeat = new SequencerHeartbeat(health.sequencerStallMs(), health.autoClearMs());
        for (final RiskScope scope : server.riskGate().scopes())
        {
            tripsSeen.put(scope, scope.breakerTrips());
        }
        timer.scheduleWithFixedDelay(this::check, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** One look; package-private for tests. */
    synchronized void check()
    {
        try
        {
            checkBreakers();
            checkLeases(System.currentTimeMillis() * 1_000_000L);
            checkSequencer(System.currentTimeMillis());
        }
        catch (final RuntimeException e)
        {
            LOG.error("event=risk_watch_failed", e);
        }
    }

    private void checkBreakers()
    {
        boolean changed = false;
        for (final RiskScope scope : server.riskGate().scopes())
        {
            final long trips = scope.breakerTrips();
            final long seen = tripsSeen.getOrDefault(scope, 0L);
            if (trips == seen)
            {
                continue;
            }
            tripsSeen.put(scope, trips);
            changed = true;
            final String label = scope.label();
            final boolean paused = scope.breakerPaused();
            final String text = "circuit breaker of " + label + " tripped (" + scope.lastTripCause() + ", " +
                (trips - seen) + " trip(s)): " + (paused ? "paused until an operator resets it" :
                "new risk refused for its cool-down") + "; reducing orders accepted";
            server.alerts().raise(Severity.RED, "risk", paused ? PAUSED : TRIPPED, text);
            audit.record("risk-monitor", "local", "TRIP", "/risk/breakers/" + label.replace(' ', '/'), 200,
                Map.of("trips", seen), Map.of("trips", trips, "cause", String.valueOf(scope.lastTripCause()),
                    "paused", paused));
        }
        if (changed)
        {
            BreakerPauseFile.save(server.config().dataDir(), server.riskGate(), null);
        }
        boolean breakerStateChanged = false;
        for (final RiskScope scope : server.riskGate().scopes())
        {
            final long version = scope.breakerVersion();
            if (breakerVersionsSaved.getOrDefault(scope, 0L) != version)
            {
                breakerVersionsSaved.put(scope, version);
                breakerStateChanged = true;
            }
        }
        if (breakerStateChanged)
        {
            // trips are not journaled: what they decided is kept for the next start (BreakerStateFile)
            BreakerStateFile.save(server.config().dataDir(), server.riskGate(), System.currentTimeMillis() * 1_000_000L);
        }
    }

    /** YELLOW when a scope's exposure lease runs out (new risk fails closed), INFO when it is granted again. */
    private void checkLeases(final long nowNanos)
    {
        for (final RiskScope scope : server.riskGate().scopes())
        {
            if (!scope.limits().hasExposureLimit())
            {
                leaseExpired.remove(scope);
                continue;
            }
            final io.meridian.risk.ExposureLease lease = scope.lease();
            final boolean expired = lease == null || lease.expiryNanos() < nowNanos;
            final String label = scope.label();
            if (expired && leaseExpired.add(scope))
            {
                server.alerts().raise(Severity.YELLOW, "risk", LEASE_EXPIRED, "exposure lease of " + label +
                    " expired (exposure engine not current): its new risk-increasing orders are refused");
            }
            else if (!expired && leaseExpired.remove(scope))
            {
                server.alerts().raise(Severity.INFO, "risk", LEASE_RENEWED, "exposure lease of " + label + " granted again");
            }
        }
    }

    private void checkSequencer(final long nowMs)
    {
        if (server.config().risk().health().sequencerStallMs() <= 0 || server.oms() == null)
        {
            return;
        }
        final OmsMetrics metrics = server.oms().metrics();
        switch (heartbeat.observe(nowMs, metrics.lastSequence(), metrics.queueDepth() > 0))
        {
            case STALLED ->
            {
                if (!server.halts().healthHalt(true))
                {
                    server.alerts().raise(Severity.RED, "risk", STALLED, "sequencer made no progress for " +
                        server.config().risk().health().sequencerStallMs() + " ms with input waiting: new orders " +
                        "refused (HEALTH_HALT) until it has been healthy for a while");
                    audit.record("risk-monitor", "local", "HALT", "/risk/health", 200, Map.of("healthHalt", false),
                        Map.of("healthHalt", true, "reason", "sequencer stalled"));
                }
            }
            case RECOVERED -> clearHealthHalt("risk-monitor", "sequencer healthy again");
            default ->
            {
            }
        }
    }

    /** Lifts the health halt (the monitor after a healthy period, or an operator). @return whether it was engaged. */
    synchronized boolean clearHealthHalt(final String who, final String why)
    {
        heartbeat.cleared();
        if (!server.halts().healthHalt(false))
        {
            return false;
        }
        server.alerts().raise(Severity.INFO, "risk", RECOVERED, "health halt cleared by " + who + ": " + why);
        audit.record(who, "local", "CLEAR", "/risk/health", 200, Map.of("healthHalt", true),
            Map.of("healthHalt", false, "reason", why));
        return true;
    }

    @PreDestroy
    @Override
    public void close()
    {
        timer.shutdownNow();
    }
}
