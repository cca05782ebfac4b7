package io.meridian.admin.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every error the framework answers (unknown route, wrong method, unreadable or oversized body, bad
 * parameter, exception in a controller) as {@code application/problem+json}. A 5xx says only that
 * the server failed (the cause goes to the log); a 4xx says what was wrong with the request, with
 * Java type names reduced to their simple names and no stack trace.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem>
{
    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_]*)(?:\\$([A-Za-z0-9_]+))?");
    private static final int MAX_DETAIL = 300;

    public MutableHttpResponse<Problem> processResponse(final ErrorContext context, final MutableHttpResponse<?> response)
    {
        final HttpStatus status = response.getStatus();
        final String detail;
        if (status.getCode() >= 500)
        {
            context.getRootCause().ifPresent(cause -> LOG.error("event=admin_api_error path={}", context.getRequest().getPath(), cause));
            detail = "the server could not complete the request";
        }
        else if (status == HttpStatus.FORBIDDEN)
        {
            detail = "your role does not allow this";
        }
        else if (status == HttpStatus.UNAUTHORIZED)
        {
            detail = "authentication required: POST /login for a bearer token, or HTTP Basic from localhost";
        }
        else
        {
            detail = context.getErrors().stream().map(Error::getMessage).map(ProblemErrorResponseProcessor::sanitize)
                .distinct().collect(Collectors.joining("; "));
        }
        return response.contentType(Problem.PROBLEM_JSON)
            .body(Problem.of(status, detail.isEmpty() ? status.getReason() : cap(detail), context.getRequest().getPath()));
    }

    /** A message safe to show a caller: first line only, simple type names, bounded length. */
    public static String sanitize(final String message)
    {
        if (message == null)
        {
            return "";
        }
        String line = message.strip();
        final int newline = line.indexOf('\n');
        if (newline >= 0)
        {
            line = line.substring(0, newline);
        }
        line = QUALIFIED_NAME.matcher(line).replaceAll(m -> m.group(2) != null ? m.group(2) : m.group(1));
        return cap(line);
    }

    private static String cap(final String text)
    {
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
    }
}
