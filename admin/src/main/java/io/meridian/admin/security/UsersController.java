package io.meridian.admin.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
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
import io.meridian.admin.problem.Problem;

import java.util.List;

/** User management for role {@code admin}: list, create or replace (new password), remove. */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "401", description = "not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "403", description = "the role does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "admin", description = "Users and the audit trail (role admin)")
public class UsersController
{
    private final AdminUsers users;
    private final AuditLog audit;

    public UsersController(final AdminUsers users, final AuditLog audit)
    {
        this.users = users;
        this.audit = audit;
    }

    @Get("/users")
    @Operation(summary = "Every admin API user with its role (never a password or hash)")
    public List<UserView> list()
    {
        return users.list().stream().map(UserView::of).toList();
    }

    @Put("/users/{name}")
    @Operation(summary = "Create a user or replace its role and password",
        description = "The password (8 to 72 UTF-8 bytes) is stored as a bcrypt hash in <data-dir>/admin-users.")
    @ApiResponse(responseCode = "200", description = "the user as stored")
    @ApiResponse(responseCode = "400", description = "bad name, role or password",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "the user is defined in the configuration file",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserView put(@PathVariable final String name, @Body final NewUser body, final HttpRequest<?> request)
    {
        if (body.password() == null || body.password().length() < 8 ||
            body.password().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72)
        {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "password must have 8 to 72 bytes");
        }
        final AdminRole role;
        try
        {
            role = AdminRole.of(body.role());
        }
        catch (final IllegalArgumentException e)
        {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        try
        {
            final var previous = users.put(name, role, body.password());
            final UserView stored = UserView.of(users.find(name).orElseThrow());
            AuditLog.change(request, previous.map(UserView::of).orElse(null), stored);
            return stored;
        }
        catch (final IllegalArgumentException e)
        {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        catch (final IllegalStateException e)
        {
            throw new HttpStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @Delete("/users/{name}")
    @Operation(summary = "Remove a user")
    @ApiResponse(responseCode = "200", description = "the removed user")
    @ApiResponse(responseCode = "404", description = "no such user",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserView delete(@PathVariable final String name, final HttpRequest<?> request)
    {
        try
        {
            final UserView removed = users.remove(name).map(UserView::of)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no user " + name));
            AuditLog.change(request, removed, null);
            return removed;
        }
        catch (final IllegalStateException e)
        {
            throw new HttpStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @Get("/audit")
    @Operation(summary = "The latest audit entries (JSON lines as stored), newest last")
    public List<String> audit(@QueryValue(defaultValue = "100") final int limit)
    {
        if (limit < 1 || limit > 10_000)
        {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "limit must be 1..10000");
        }
        return audit.tail(limit);
    }

    /** A user to create. */
    @Serdeable
    public record NewUser(String role, String password)
    {
    }

    /** A user as shown. */
    @Serdeable
    public record UserView(String name, String role, String source)
    {
        static UserView of(final AdminUser user)
        {
            return new UserView(user.name(), user.role().roleName(), user.source());
        }
    }
}
