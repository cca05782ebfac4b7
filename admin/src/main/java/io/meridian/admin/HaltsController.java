package io.meridian.admin;

import io.meridian.admin.problem.Problem;
import io.meridian.admin.security.AuditLog;
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
    private final KillSwitches killSwitches;

    public HaltsController(final MeridianServer server)
    {
        this.server = server;
        this.killSwitches = new KillSwitches(server);
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
            "are cancelled at their venues (for an account: the open orders carrying its FIX Account); " +
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
        return answer(killSwitches.set(body.scope(), body.name(), engaged, user(request), "admin"), request);
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
        return answer(killSwitches.venue(name, halted, user(request), "admin"), request);
    }

    private Halts answer(final KillSwitches.Change change, final HttpRequest<?> request)
    {
        switch (change.refusal())
        {
            case NAME_MISSING, UNKNOWN_SCOPE -> throw new HttpStatusException(HttpStatus.BAD_REQUEST, change.reason());
            case UNKNOWN_NAME -> throw new HttpStatusException(HttpStatus.NOT_FOUND, change.reason());
            default ->
            {
            }
        }
        AuditLog.change(request, change.before(), change.after());
        if (change.refusal() == KillSwitches.Refusal.SEQUENCER_BUSY)
        {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, change.reason());
        }
        return halts();
    }

    private static String user(final HttpRequest<?> request)
    {
        return request.getUserPrincipal().map(Principal::getName).orElse("unknown user");
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
