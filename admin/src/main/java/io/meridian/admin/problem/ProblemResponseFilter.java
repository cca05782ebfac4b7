package io.meridian.admin.problem;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Map;
import java.util.Optional;

/**
 * The outermost filter: any 4xx/5xx that is not already {@code application/problem+json} (a
 * controller's {@code HttpResponse.notFound(...)}, a security rejection) gets a problem body, so
 * every route, present and future, answers errors the same way. Also drops the Basic challenge
 * for the console's requests, so a browser does not pop up its own login dialog.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ProblemResponseFilter implements Ordered
{
    public static final String CONSOLE_HEADER = "X-Meridian-Console";
    private static final String HEALTH = "/health";

    @ResponseFilter
    public void toProblem(final HttpRequest<?> request, final MutableHttpResponse<?> response)
    {
        final HttpStatus status = response.getStatus();
        if (status.getCode() < 400)
        {
            return;
        }
        if (request.getHeaders().contains(CONSOLE_HEADER))
        {
            response.getHeaders().remove(HttpHeaders.WWW_AUTHENTICATE);
        }
        final Optional<MediaType> type = response.getContentType();
        if (type.isPresent() && type.get().getName().equals(Problem.MEDIA_TYPE) && response.getBody().isPresent())
        {
            return;
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE && HEALTH.equals(request.getPath()) && response.getBody().isPresent())
        {
            return; // a load balancer reads the status, ops the body: DEGRADED, RECONCILING or JOURNAL_FAILED, and why
        }
        final String detail = status.getCode() >= 500 ? "the server could not complete the request" : detail(response, status);
        @SuppressWarnings("unchecked")
        final MutableHttpResponse<Object> mutable = (MutableHttpResponse<Object>)response;
        mutable.contentType(Problem.PROBLEM_JSON).body(Problem.of(status, detail, request.getPath()));
    }

    private static String detail(final MutableHttpResponse<?> response, final HttpStatus status)
    {
        final Object body = response.getBody().orElse(null);
        if (body instanceof CharSequence text && !text.isEmpty())
        {
            return ProblemErrorResponseProcessor.sanitize(text.toString());
        }
        if (body instanceof Map<?, ?> map && map.get("error") != null)
        {
            return ProblemErrorResponseProcessor.sanitize(String.valueOf(map.get("error")));
        }
        return switch (status)
        {
            case UNAUTHORIZED -> "authentication required: POST /login for a bearer token, or HTTP Basic from localhost";
            case FORBIDDEN -> "your role does not allow this";
            case NOT_FOUND -> "no such resource";
            default -> status.getReason();
        };
    }

    public int getOrder()
    {
        return ServerFilterPhase.FIRST.order() - 1;
    }
}
