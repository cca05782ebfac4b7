package io.meridian.admin.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

import java.security.Principal;

/**
 * Audits every mutating call (POST, PUT, PATCH, DELETE) of an authenticated user, whatever its
 * outcome (refused by role included), on every route present and future; logins are not audited (their failures are logged
 * and throttled).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuditFilter implements Ordered
{
    private final AuditLog audit;

    public AuditFilter(final AuditLog audit)
    {
        this.audit = audit;
    }

    @ResponseFilter
    public void audit(final HttpRequest<?> request, final MutableHttpResponse<?> response)
    {
        final HttpMethod method = request.getMethod();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH &&
            method != HttpMethod.DELETE || request.getPath().equals("/login"))
        {
            return;
        }
        final String user = request.getUserPrincipal(Authentication.class).map(Principal::getName)
            .or(() -> request.getAttribute(AuditedAuthorizationExceptionHandler.REFUSED_USER, String.class)).orElse(null);
        if (user == null)
        {
            return;
        }
        audit.record(user, RemoteAddress.of(request), method.name(), request.getPath(), response.code(),
            request.getAttribute(AuditLog.OLD).orElse(null), request.getAttribute(AuditLog.NEW).orElse(null));
    }

    public int getOrder()
    {
        // outside the security filter, so that calls it refuses pass through here too
        return ServerFilterPhase.SECURITY.before() - 1;
    }
}
