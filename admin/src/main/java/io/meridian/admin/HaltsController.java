package io.meridian.admin;

import io.meridian.oms.model.MassCancelScope;

import io.meridian.admin.problem.Problem;
import io.meridian.admin.security.AuditLog;
import io.meridian.risk.TradingHalts;
import io.meridian.risk.alerts.Severity;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator's brakes: the kill switch (every new order and replace refused, cancels still go)
 * and a halt per venue (new orders and replaces routed to it refused). Both survive a restart.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "401", description = "not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "the role does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "trading halts", description = "Kill switch and venue halts (change: role operator)")
public class HaltsController
{
    private final MeridianServer server;

    public HaltsController(final MeridianServer server)
    {
        this.server = server;
    }

    @Get("/halts")
    @Operation(summary = "The kill switch and each venue's halt")
    public Halts halts()
    {
        final Map<String, Boolean> venues = new LinkedHashMap<>();
        server.config().venueIds().forEach((name, venueId) -> venues.put(name, server.halts().venueHalted(venueId)));
        int open;
        try
        {
            open = server.oms().queries().openOrders().get(5, java.util.concurrent.TimeUnit.SECONDS).size();
        }
        catch (final Exception e)
        {
            open = -1;
        }
        return new Halts(server.halts().killSwitchEngaged(), venues, TradingHaltFile.scopedHalts(server), open);
    }

    @Post("/kill-switch")
    @Operation(summary = "Engage or release the kill switch, globally or for one instrument, session or account",
        description = "engaged=true: every new order and replace in scope is rejected (OrdRejReason 99, Text 'trading " +
            "halted: kill switch engaged', or '... for this instrument, session or account') and the open orders in scope " +
            "are cancelled at their venues (not for an account: its orders stay working, cancel them by session); " +
            "cancels keep working. scope: global (default), venue, instrument (a symbol), session (a client CompID) or " +
            "account (one with risk limits); name: which. Audited.")
    @ApiResponse(responseCode = "200", description = "the halts after the change")
    @ApiResponse(responseCode = "400", description = "missing or malformed body",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Halts killSwitch(@Body final KillSwitch body, final HttpRequest<?> request)
    {
        if (!(body.engaged() instanceof Boolean engaged))
        {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "body must be {\"engaged\": true|false}");
        }
        final String scope = body.scope() == null ? "global" : body.scope();
        if (!scope.equals("global"))
        {
            return scopedKillSwitch(scope, body.name(), engaged, request);
        }
        final boolean previous = server.halts().killSwitch(engaged);
        if (previous != engaged)
        {
            server.alerts().raise(engaged ? Severity.RED : Severity.INFO, "admin",
                engaged ? "KILL_SWITCH_ENGAGED" : "KILL_SWITCH_RELEASED",
                engaged ? "kill switch engaged by " + user(request) + ": every new order refused, open orders cancelled" :
                    "kill switch released by " + user(request) + ": new orders accepted again");
        }
        save();
        if (engaged)
        {
            // no order left working: every open order is cancelled at its venue (openOrders reaches 0)
            cancelOpenOrders(MassCancelScope.ALL, 0);
        }
        AuditLog.change(request, Map.of("killSwitch", previous), Map.of("killSwitch", engaged));
        return halts();
    }

    private Halts scopedKillSwitch(
        final String scope, final String name, final boolean engaged, final HttpRequest<?> request)
    {
        if (name == null || name.isBlank())
        {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "a " + scope + " kill switch needs its name");
        }
        if (scope.equals("venue"))
        {
            return setVenue(name, engaged, request);
        }
        final TradingHalts.Level level = TradingHaltFile.level(scope);
        if (level == null)
        {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST,
                "scope must be global, venue, instrument, session or account, not " + scope);
        }
        final int id = TradingHaltFile.id(server, level, name);
        if (id < 0)
        {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no " + scope + " " + name +
                (level == TradingHalts.Level.ACCOUNT ? " (accounts with risk limits only)" : ""));
        }
        final boolean previous = server.halts().halt(level, id, engaged);
        final String label = scope + " " + name;
        if (previous != engaged)
        {
            server.alerts().raise(engaged ? Severity.RED : Severity.INFO, "admin",
                engaged ? "KILL_SWITCH_ENGAGED" : "KILL_SWITCH_RELEASED",
                engaged ? "kill switch of " + label + " engaged by " + user(request) + ": its new orders refused" +
                    (level == TradingHalts.Level.ACCOUNT ? "" : ", its open orders cancelled") :
                    "kill switch of " + label + " released by " + user(request));
        }
        save();
        if (engaged && level != TradingHalts.Level.ACCOUNT)
        {
            cancelOpenOrders(level == TradingHalts.Level.INSTRUMENT ? MassCancelScope.INSTRUMENT : MassCancelScope.CLIENT, id);
        }
        AuditLog.change(request, Map.of("killSwitch", label, "engaged", previous),
            Map.of("killSwitch", label, "engaged", engaged));
        return halts();
    }

    @Post("/venues/{venue}/halt")
    @Operation(summary = "Halt a venue: new orders and replaces routed to it are rejected (OrdRejReason 2)")
    @ApiResponse(responseCode = "200", description = "the halts after the change")
    @ApiResponse(responseCode = "404", description = "no such venue",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Halts haltVenue(@PathVariable final String venue, final HttpRequest<?> request)
    {
        return setVenue(venue, true, request);
    }

    @Post("/venues/{venue}/resume")
    @Operation(summary = "Resume a halted venue")
    @ApiResponse(responseCode = "200", description = "the halts after the change")
    @ApiResponse(responseCode = "404", description = "no such venue",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Halts resumeVenue(@PathVariable final String venue, final HttpRequest<?> request)
    {
        return setVenue(venue, false, request);
    }

    private Halts setVenue(final String name, final boolean halted, final HttpRequest<?> request)
    {
        final Integer venueId = server.config().venueIds().get(name);
        if (venueId == null)
        {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no venue " + name);
        }
        final boolean previous = server.halts().venueHalted(venueId, halted);
        if (previous != halted)
        {
            server.alerts().raise(halted ? Severity.RED : Severity.INFO, "admin",
                halted ? "VENUE_HALTED" : "VENUE_RESUMED",
                halted ? "venue " + name + " halted by " + user(request) + ": new orders to it refused, its open orders cancelled" :
                    "venue " + name + " resumed by " + user(request));
        }
        save();
        if (halted)
        {
            cancelOpenOrders(MassCancelScope.VENUE, venueId);
        }
        AuditLog.change(request, Map.of("venue", name, "halted", previous), Map.of("venue", name, "halted", halted));
        return halts();
    }

    private static String user(final HttpRequest<?> request)
    {
        return request.getUserPrincipal().map(Principal::getName).orElse("unknown user");
    }

    private void cancelOpenOrders(final MassCancelScope scope, final int id)
    {
        final long deadlineNs = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (!server.oms().massCancel(scope, id))
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "halt engaged, but the sequencer did not take the cancel of open orders: retry");
            }
            Thread.onSpinWait();
        }
    }

    private void save()
    {
        TradingHaltFile.save(server.config().dataDir(), server);
    }

    /** Kill switch request. */
    @Serdeable
    public record KillSwitch(
        @Schema(type = "boolean", requiredMode = Schema.RequiredMode.REQUIRED) Object engaged,
        @io.micronaut.core.annotation.Nullable
        @Schema(description = "global (default), venue, instrument, session or account") String scope,
        @io.micronaut.core.annotation.Nullable
        @Schema(description = "the venue, symbol, client CompID or account; not for global") String name)
    {
    }

    /** The halts. */
    @Serdeable
    public record Halts(
        boolean killSwitch, Map<String, Boolean> venues,
        @Schema(description = "kill switches engaged below global and venue, as '<instrument|session|account> <name>'")
        java.util.List<String> scoped,
        @Schema(description = "open orders (working or in flight); after the kill switch it falls to 0 as the venues confirm " +
            "the cancels; -1 when unknown") int openOrders)
    {
    }
}
