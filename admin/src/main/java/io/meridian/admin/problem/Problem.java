package io.meridian.admin.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem detail, the body of every 4xx/5xx answer of the admin API
 * ({@code application/problem+json}). {@code detail} is written for the caller and never carries a
 * stack trace, an exception class or a secret.
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, String instance)
{
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.of(MEDIA_TYPE);

    public static Problem of(final HttpStatus status, final String detail, final String instance)
    {
        return new Problem("about:blank", status.getReason(), status.getCode(), detail, instance);
    }

    public static MutableHttpResponse<Problem> response(final HttpStatus status, final String detail)
    {
        return HttpResponse.<Problem>status(status).contentType(PROBLEM_JSON).body(of(status, detail, null));
    }
}
