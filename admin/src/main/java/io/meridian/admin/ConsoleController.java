package io.meridian.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The console's entry points: {@code /} leads to the dashboard ({@code /console/}, static files,
 * the data comes from the API with the user's token), {@code /openapi.yml} is the API description
 * generated at build time, {@code /swagger-ui/} renders it.
 */
@Controller
@Tag(name = "console", description = "Dashboard and API description (no login needed: they hold no data)")
public class ConsoleController
{
    private static final String SPEC = "META-INF/swagger/meridian-admin.yml";

    @Get
    @Operation(summary = "Redirects to the dashboard, /console/")
    public HttpResponse<?> root()
    {
        return HttpResponse.seeOther(URI.create("/console/"));
    }

    @Get("/openapi.yml")
    @Produces("application/yaml")
    @Operation(summary = "This API's OpenAPI 3 description")
    public String openApi()
    {
        try (InputStream in = ConsoleController.class.getClassLoader().getResourceAsStream(SPEC))
        {
            if (in == null)
            {
                throw new HttpStatusException(HttpStatus.NOT_FOUND, "the API description was not generated in this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/swagger-ui")
    @Operation(summary = "Redirects to the Swagger UI page of this API")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> swaggerUi()
    {
        return HttpResponse.seeOther(URI.create("/swagger/views/swagger-ui/index.html"));
    }
}
