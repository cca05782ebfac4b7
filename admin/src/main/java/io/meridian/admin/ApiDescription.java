package io.meridian.admin;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header: title, how to authenticate (bearer token from /login, or Basic on localhost). */
@OpenAPIDefinition(
    info = @Info(title = "Meridian admin API", version = "1",
        description = "Operations API of the Meridian OMS. Roles: viewer reads (every GET), operator also acts on " +
            "trading (POST/PUT/DELETE outside /admin), admin also manages users (/admin/**). Errors are " +
            "application/problem+json."),
    security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
    description = "POST /login with {\"username\",\"password\"}; use access_token")
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
    description = "accepted from localhost only")
final class ApiDescription
{
    private ApiDescription()
    {
    }
}
