package io.meridian.admin;

import io.meridian.admin.problem.Problem;
import io.meridian.admin.security.AuditLog;
import io.meridian.oms.OmsMetrics;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
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
import java.util.Map;

/** Ends the trading day now, without a restart (role admin). */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "401", description = "not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "the role does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "day roll", description = "The trading day's end (also at meridian.oms.day-roll-at)")
public class DayRollController
{
    private static final long APPLIED_WAIT_MS = 5_000;

    private final DayRoll dayRoll;
    private final MeridianServer server;

    public DayRollController(final DayRoll dayRoll, final MeridianServer server)
    {
        this.dayRoll = dayRoll;
        this.server = server;
    }

    @Post("/day-roll")
    @Operation(summary = "Roll the trading day now",
        description = "Done orders leave the sequencer's memory (GET /orders/{id} then answers from the store), the " +
            "ClOrdID window restarts with the live orders' ids, fill dedupe keeps the ending day's trade ids, order " +
            "ids go on. Journaled: a restart replays it at the same point. Audited.")
    @ApiResponse(responseCode = "200", description = "applied by the sequencer")
    @ApiResponse(responseCode = "503", description = "the sequencer did not take or apply it within 5 s",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Rolled roll(final HttpRequest<?> request) throws InterruptedException
    {
        final OmsMetrics metrics = server.oms().metrics();
        final long rollsBefore = metrics.dayRolls();
        final long archivedBefore = metrics.ordersArchived();
        final String user = request.getUserPrincipal().map(Principal::getName).orElse("unknown user");
        if (!dayRoll.roll("admin " + user))
        {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the sequencer's ring stayed full: try again");
        }
        final long deadline = System.nanoTime() + APPLIED_WAIT_MS * 1_000_000L;
        while (metrics.dayRolls() == rollsBefore)
        {
            if (System.nanoTime() > deadline)
            {
                throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the day roll was not applied within 5 s");
            }
            Thread.sleep(1);
        }
        final Rolled rolled = new Rolled(metrics.dayRolls(), metrics.ordersArchived() - archivedBefore);
        AuditLog.change(request, Map.of("dayRolls", rollsBefore), Map.of("dayRolls", rolled.dayRolls()));
        return rolled;
    }

    /** @param ordersArchived done orders this roll took out of memory. */
    @Serdeable
    public record Rolled(long dayRolls, long ordersArchived)
    {
    }
}
