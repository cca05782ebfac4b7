package io.meridian.admin;

import io.meridian.admin.problem.Problem;
import io.meridian.admin.security.AuditLog;
import io.meridian.oms.model.Instrument;
import io.meridian.oms.model.InstrumentRegistry;
import io.meridian.risk.ExposureLease;
import io.meridian.risk.HotRiskGate;
import io.meridian.risk.RiskLimits;
import io.meridian.risk.RiskScope;
import io.meridian.risk.alerts.Severity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hot risk gate as ops see it: every scope (firm, FIX sessions, accounts) with its limits, exposure,
 * today's profit and exposure lease; and the change of a scope's limits at runtime (role admin, audited).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "401", description = "not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "the role does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "risk", description = "Risk limits, exposure and leases (change: role admin)")
public class RiskController
{
    private final MeridianServer server;
    private final RiskWatch watch;

    public RiskController(final MeridianServer server, final RiskWatch watch)
    {
        this.server = server;
        this.watch = watch;
    }

    @Get("/risk")
    @Operation(summary = "Every risk scope: limits, open orders, positions and open quantity, today's profit, lease",
        description = "A monitoring view read while the sequencer trades: figures may be one order behind.")
    public Risk risk()
    {
        final HotRiskGate gate = server.riskGate();
        final long now = System.currentTimeMillis() * 1_000_000L;
        final long[] marks = gate.referencePrices();
        final List<ScopeView> scopes = new ArrayList<>();
        for (final RiskScope scope : gate.scopes())
        {
            scopes.add(view(scope, marks, now));
        }
        return new Risk(scopes, server.halts().healthHalted(), server.exposureEngine().leasesGranted(),
            server.exposureEngine().failures());
    }

    @Post("/risk/breakers/{kind}/{name}/reset")
    @Operation(summary = "Reset a scope's circuit breaker",
        description = "Lifts a pause after repeated trips and ends a cool-down; the drawdown is measured from the " +
            "profit at the next order. Audited.")
    @ApiResponse(responseCode = "200", description = "the scope after the reset request (applied with its next order)")
    @ApiResponse(responseCode = "404", description = "no such scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScopeView resetBreaker(
        @PathVariable final String kind, @PathVariable final String name, final HttpRequest<?> request)
    {
        final RiskScope scope = scope(kind, name);
        final boolean paused = scope.breakerPaused();
        scope.requestBreakerReset();
        AuditLog.change(request, Map.of("scope", scope.label(), "paused", paused), Map.of("scope", scope.label(), "reset", true));
        server.alerts().raise(Severity.INFO, "admin", "BREAKER_RESET",
            "circuit breaker of " + scope.label() + " reset by " + user(request));
        // the pause file is rewritten now: a restart before the next order must not bring the pause back
        BreakerPauseFile.save(server.config().dataDir(), server.riskGate(), scope);
        final long now = System.currentTimeMillis() * 1_000_000L;
        return view(scope, server.riskGate().referencePrices(), now);
    }

    @Post("/risk/health/clear")
    @Operation(summary = "Clear the health monitor's halt (sequencer stalled)", description = "Audited.")
    @ApiResponse(responseCode = "200", description = "whether a health halt was engaged")
    public HealthClear clearHealthHalt(final HttpRequest<?> request)
    {
        return new HealthClear(watch.clearHealthHalt(user(request), "cleared by an operator"));
    }

    @Put("/risk/limits/{kind}/{name}")
    @Operation(summary = "Replace the limits of a scope",
        description = "kind: firm (name 'firm'), session (a client CompID) or account (a configured FIX Account). " +
            "The body lists every limit the scope keeps; a limit left out is no limit. Takes effect with the next " +
            "order; kept in <data-dir>/risk-limits and applied again at start over the YAML's meridian.risk.limits " +
            "(GET /risk shows where a scope's limits come from; DELETE returns to the YAML's). Audited (who, when, " +
            "old, new) and alerted (INFO).")
    @ApiResponse(responseCode = "200", description = "the scope after the change")
    @ApiResponse(responseCode = "400", description = "a malformed limit (unknown symbol, too many decimals, negative)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "no such scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScopeView putLimits(
        @PathVariable final String kind, @PathVariable final String name, @Body final LimitSettings body,
        final HttpRequest<?> request)
    {
        final RiskScope scope = scope(kind, name);
        final InstrumentRegistry instruments = server.instruments();
        final RiskLimits limits;
        try
        {
            limits = body.toLimits(instruments);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
        }
        if (scope.kind() == RiskScope.Kind.SESSION && limits.hasExposureLimit())
        {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                "maxGrossExposure is per account or firm (the store keeps positions per account)");
        }
        final RiskLimits previous = server.riskGate().limits(scope, limits);
        final LimitSettings before = LimitSettings.of(previous, instruments);
        final LimitSettings after = LimitSettings.of(limits, instruments);
        server.riskLimitFile().changed(scope, after, user(request), java.time.Instant.now().toString());
        AuditLog.change(request, Map.of("scope", scope.label(), "limits", before), Map.of("scope", scope.label(), "limits", after));
        if (!previous.equals(limits))
        {
            server.alerts().raise(Severity.INFO, "admin", "RISK_LIMITS_CHANGED",
                "risk limits of " + scope.label() + " changed by " + user(request) + ": " + before + " -> " + after);
        }
        final long now = System.currentTimeMillis() * 1_000_000L;
        return view(scope, server.riskGate().referencePrices(), now);
    }

    @io.micronaut.http.annotation.Delete("/risk/limits/{kind}/{name}")
    @Operation(summary = "Return a scope to the limits of the configuration",
        description = "Undoes the runtime changes of the scope: the YAML's meridian.risk.limits apply again (none when " +
            "the YAML lists no limits for it). Audited and alerted (INFO).")
    @ApiResponse(responseCode = "200", description = "the scope after the change")
    @ApiResponse(responseCode = "404", description = "no such scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScopeView resetLimits(
        @PathVariable final String kind, @PathVariable final String name, final HttpRequest<?> request)
    {
        final RiskScope scope = scope(kind, name);
        final InstrumentRegistry instruments = server.instruments();
        LimitSettings configured = LimitSettings.NONE;
        for (final RiskSettings.ScopeSettings settings : server.config().risk().scopes())
        {
            if (settings.kind() == scope.kind() && settings.name().equals(scope.name()))
            {
                configured = settings.limits();
            }
        }
        final RiskLimits limits = configured.toLimits(instruments);
        final RiskLimits previous = server.riskGate().limits(scope, limits);
        server.riskLimitFile().reverted(scope);
        final LimitSettings before = LimitSettings.of(previous, instruments);
        final LimitSettings after = LimitSettings.of(limits, instruments);
        AuditLog.change(request, Map.of("scope", scope.label(), "limits", before),
            Map.of("scope", scope.label(), "limits", after, "source", "configuration"));
        server.alerts().raise(Severity.INFO, "admin", "RISK_LIMITS_CHANGED",
            "risk limits of " + scope.label() + " returned to the configuration by " + user(request) + ": " + before +
                " -> " + after);
        return view(scope, server.riskGate().referencePrices(), System.currentTimeMillis() * 1_000_000L);
    }

    private RiskScope scope(final String kind, final String name)
    {
        final RiskScope.Kind parsed;
        try
        {
            parsed = RiskScope.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "scope kind must be firm, session or account");
        }
        final RiskScope scope = server.riskGate().scope(parsed, name);
        if (scope == null)
        {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no " + kind + " scope " + name +
                (parsed == RiskScope.Kind.ACCOUNT ? " (accounts are listed in meridian.risk.limits; add it and restart)" : ""));
        }
        return scope;
    }

    private static String user(final HttpRequest<?> request)
    {
        return request.getUserPrincipal().map(Principal::getName).orElse("unknown user");
    }

    private ScopeView view(final RiskScope scope, final long[] marks, final long nowNanos)
    {
        final InstrumentRegistry instruments = server.instruments();
        final RiskLimitFile.Source source = server.riskLimitFile().source(scope);
        final List<InstrumentExposure> exposure = new ArrayList<>();
        for (int i = 0; i < instruments.size(); i++)
        {
            final long position = scope.position(i);
            final long buy = scope.openBuy(i);
            final long sell = scope.openSell(i);
            if (position != 0 || buy != 0 || sell != 0)
            {
                final Instrument instrument = instruments.byId(i);
                final int s = instrument.qtyScale();
                exposure.add(new InstrumentExposure(instrument.symbol(), BigDecimal.valueOf(position, s),
                    BigDecimal.valueOf(buy, s), BigDecimal.valueOf(sell, s)));
            }
        }
        final RiskLimits limits = scope.limits();
        final ExposureLease lease = scope.lease();
        final LeaseView leaseView;
        if (!limits.hasExposureLimit())
        {
            leaseView = new LeaseView("NOT_NEEDED", null, null);
        }
        else if (lease == null)
        {
            leaseView = new LeaseView("NONE", null, null);
        }
        else
        {
            final long left = (lease.expiryNanos() - nowNanos) / 1_000_000L;
            leaseView = new LeaseView(left >= 0 ? "VALID" : "EXPIRED", lease.filledExposure(), left);
        }
        final long trippedUntil = scope.breakerTrippedUntilNanos();
        final long coolingDownMs = trippedUntil > nowNanos ? (trippedUntil - nowNanos) / 1_000_000L : 0;
        final BreakerView breaker = new BreakerView(scope.breakerTrips(), scope.breakerPaused(), coolingDownMs,
            scope.lastTripCause() == null ? null : scope.lastTripCause().name());
        return new ScopeView(scope.kindName(), scope.name(),
            LimitSettings.of(limits, instruments), source.runtime() ? "runtime" : "configuration", source.who(),
            source.when(), scope.openOrders(), exposure,
            scope.dailyProfitView(nowNanos, marks), leaseView, breaker);
    }

    /** Every scope and the exposure engine's counters. */
    @Serdeable
    public record Risk(
        List<ScopeView> scopes,
        @Schema(description = "the health monitor's halt (sequencer stalled) refuses new orders") boolean healthHalt,
        long leasesGranted, long exposureEngineFailures)
    {
    }

    /** The scope's circuit breaker: trips since start, paused (manual reset needed), cool-down left. */
    @Serdeable
    public record BreakerView(long trips, boolean paused, long coolingDownMs, @Nullable String lastCause)
    {
    }

    /** Whether a health halt was engaged and is now cleared. */
    @Serdeable
    public record HealthClear(boolean cleared)
    {
    }

    /** One scope. */
    @Serdeable
    public record ScopeView(
        String kind, String name, LimitSettings limits,
        @Schema(description = "configuration (the YAML) or runtime (PUT /risk/limits, kept across restarts)")
        String limitsSource,
        @Nullable @Schema(description = "who changed the limits at runtime") String limitsChangedBy,
        @Nullable @Schema(description = "when the limits were changed at runtime") String limitsChangedAt,
        int openOrders, List<InstrumentExposure> exposure,
        @Schema(description = "today's realised plus unrealised profit at the reference prices, quote units")
        double dailyProfit,
        LeaseView lease,
        BreakerView breaker)
    {
    }

    /** Position and open quantity in one instrument. */
    @Serdeable
    public record InstrumentExposure(String symbol, BigDecimal position, BigDecimal openBuy, BigDecimal openSell)
    {
    }

    /** The scope's exposure lease: NOT_NEEDED (no exposure limit), NONE, VALID or EXPIRED. */
    @Serdeable
    public record LeaseView(
        String state, @Nullable Double filledExposure, @Nullable @Schema(description = "ms until it expires") Long expiresInMs)
    {
    }
}
