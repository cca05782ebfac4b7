package io.meridian.risk.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * POSTs one JSON body: 2xx is delivered; 400, 401, 403, 404 are {@link PermanentDeliveryFailure}s (a wrong
 * token, chat or URL: retrying cannot help); anything else (408, 429, 5xx, a refused or reset connection,
 * a timeout) throws an {@link IOException} to be retried. Error messages pass through {@code scrub}, and
 * the JDK's exception is not chained, so a secret in the URL cannot leak through them.
 */
final class HttpPoster
{
    private final HttpClient client;
    private final Duration timeout;
    private final UnaryOperator<String> scrub;

    HttpPoster(final HttpClient client, final Duration timeout, final UnaryOperator<String> scrub)
    {
        this.client = client;
        this.timeout = timeout;
        this.scrub = scrub;
    }

    void post(final String what, final URI uri, final String json) throws IOException, PermanentDeliveryFailure,
        InterruptedException
    {
        final HttpRequest request = HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
        final HttpResponse<String> response;
        try
        {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (final IOException e)
        {
            throw new IOException(what + ": " + scrub.apply(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        final int status = response.statusCode();
        if (status / 100 == 2)
        {
            return;
        }
        final String body = response.body() == null ? "" : response.body();
        final String message = what + ": HTTP " + status + " " +
            scrub.apply(body.length() > 200 ? body.substring(0, 200) + "..." : body);
        if (status == 400 || status == 401 || status == 403 || status == 404)
        {
            throw new PermanentDeliveryFailure(message);
        }
        throw new IOException(message);
    }

    /** A shared client: HTTP/1.1 (plain webhooks rarely speak h2c), bounded connect time. */
    static HttpClient newClient()
    {
        return HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }
}
