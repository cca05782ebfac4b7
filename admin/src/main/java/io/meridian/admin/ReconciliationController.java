package io.meridian.admin;

import io.meridian.admin.problem.Problem;
import io.meridian.admin.reconciliation.DriftEvent;
import io.meridian.admin.security.AuditLog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
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
import java.util.List;
import java.util.Map;

/** Reconciliation with the venues: each venue's state, and the drift events (resolve: role operator). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "401", description = "not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "the role does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "reconciliation", description = "Meridian's orders, fills, balances and positions against each venue's own view")
public class ReconciliationController
{
    private final Reconciliation reconciliation;
    private final MeridianServer server;

    public ReconciliationController(final Reconciliation reconciliation, final MeridianServer server)
    {
        this.reconciliation = reconciliation;
        this.server = server;
    }

    @Get("/reconciliation")
    @Operation(summary = "Each venue's reconciliation",
        description = "When each venue was last reconciled, its last failure, what it held open, its drift policy and " +
            "whether it is halted by a drift or not yet reconciled since the start.")
    public Summary summary()
    {
        final ReconciliationSettings s = reconciliation.settings();
        return new Summary(s.enabled(), server.phase().name(), s.intervalMs(), s.settleMs(), s.overdueMs(),
            reconciliation.venues(), reconciliation.events(true).size());
    }

    @Get("/drift-events")
    @Operation(summary = "Drift events",
        description = "status=open (default): the unresolved ones; status=all: those and the latest 1000 resolved, " +
            "newest first. venue: only this venue's.")
    @ApiResponse(responseCode = "400", description = "status is neither open nor all",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DriftEvent> events(
        @QueryValue(defaultValue = "open") final String status, @Nullable @QueryValue final String venue)
    {
        if (!status.equals("open") && !status.equals("all"))
        {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "status must be open or all, not " + status);
        }
        return reconciliation.events(status.equals("open")).stream()
            .filter(e -> venue == null || e.venue().equals(venue)).toList();
    }

    @Post("/drift-events/{id}/resolve")
    @Operation(summary = "Resolve a drift event",
        description = "After the cause is corrected or accepted. A balance or position accepted as it is becomes the " +
            "new baseline; another difference that persists is not raised again until it has gone. Lifts the venue's " +
            "drift halt when it was its last open event. Audited.")
    @ApiResponse(responseCode = "200", description = "the resolved event")
    @ApiResponse(responseCode = "404", description = "no open drift event with that id",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DriftEvent resolve(
        @PathVariable final long id, @Nullable @Body final Resolution body, final HttpRequest<?> request)
    {
        final String user = request.getUserPrincipal().map(Principal::getName).orElse("unknown user");
        final String why = body == null || body.reason() == null || body.reason().isBlank() ? "no reason given" :
            body.reason();
        final DriftEvent resolved = reconciliation.resolve(id, user, why)
            .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no open drift event " + id));
        AuditLog.change(request, Map.of("id", id, "open", true), Map.of("id", id, "resolution", resolved.resolution()));
        return resolved;
    }

    /** Why an operator resolves a drift event. */
    @Serdeable
    public record Resolution(@Nullable String reason)
    {
    }

    /** Reconciliation over all venues. */
    @Serdeable
    public record Summary(
        boolean enabled, String phase, long intervalMs, long settleMs, long overdueMs,
        List<Reconciliation.VenueReconciliation> venues, int openDriftEvents)
    {
    }
}
