package io.meridian.admin.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.meridian.admin.problem.Problem;

/** Answers 429 (problem+json, Retry-After) to a login or Basic request from a throttled address. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class LoginThrottleFilter implements Ordered
{
    private final LoginThrottle throttle;

    public LoginThrottleFilter(final LoginThrottle throttle)
    {
        this.throttle = throttle;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(final HttpRequest<?> request)
    {
        final boolean login = request.getMethod() == HttpMethod.POST && request.getPath().equals("/login");
        final String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        final boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (!login && !basic)
        {
            return null;
        }
        final long blockedMs = throttle.blockedForMs(RemoteAddress.of(request));
        if (blockedMs <= 0)
        {
            return null;
        }
        return Problem.response(HttpStatus.TOO_MANY_REQUESTS, "too many failed logins from this address; try later")
            .header(HttpHeaders.RETRY_AFTER, Long.toString((blockedMs + 999) / 1000));
    }

    public int getOrder()
    {
        return ServerFilterPhase.SECURITY.before();
    }
}
