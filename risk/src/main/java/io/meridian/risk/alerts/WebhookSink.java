package io.meridian.risk.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * A generic JSON webhook: each alert POSTed as
 * {@code {"severity":..., "source":..., "code":..., "text":..., "time": ISO-8601, "host":..., "instance":...}}.
 * Webhook URLs often carry a secret in their path, so only scheme, host and port show in {@link #toString}
 * and in error messages.
 */
public final class WebhookSink implements AlertSink
{
    private final String name;
    private final URI url;
    private final AlertOrigin origin;
    private final HttpPoster http;

    public WebhookSink(
        final String name, final HttpClient client, final URI url, final AlertOrigin origin, final Duration timeout)
    {
        this.name = name;
        this.url = url;
        this.origin = origin;
        final String full = url.toString();
        this.http = new HttpPoster(client, timeout, text -> text == null ? null : text.replace(full, redacted(url)));
    }

    public String name()
    {
        return name;
    }

    public void deliver(final Alert alert) throws Exception
    {
        http.post("webhook " + redacted(url), url, payload(alert));
    }

    /** The request body. */
    String payload(final Alert alert)
    {
        final StringBuilder json = new StringBuilder(256);
        json.append("{\"severity\":");
        Json.quote(json, alert.severity().name());
        json.append(",\"source\":");
        Json.quote(json, alert.source());
        json.append(",\"code\":");
        Json.quote(json, alert.code());
        json.append(",\"text\":");
        Json.quote(json, alert.text());
        json.append(",\"time\":");
        Json.quote(json, alert.isoTime());
        json.append(",\"host\":");
        Json.quote(json, origin.host());
        json.append(",\"instance\":");
        Json.quote(json, origin.instance());
        return json.append('}').toString();
    }

    private static String redacted(final URI url)
    {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/...";
    }

    public String toString()
    {
        return "WebhookSink[name=" + name + ", url=" + redacted(url) + "]";
    }
}
