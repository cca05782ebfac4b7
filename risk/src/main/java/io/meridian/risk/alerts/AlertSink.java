package io.meridian.risk.alerts;

/**
 * Where alerts go (a chat, a webhook, the log). {@link #deliver} is called by the sink's own delivery
 * thread, one alert at a time; it may block (bounded by its own timeouts) and throws when the alert
 * was not accepted, so the caller retries it. Retry, rate limit and severity filter are the
 * {@link AlertChannel}'s, not the sink's.
 */
public interface AlertSink
{
    /** A short name for logs and metrics ({@code telegram}, {@code webhook}, {@code log}). */
    String name();

    /** @throws Exception the alert was not accepted; the message must not carry secrets. */
    void deliver(Alert alert) throws Exception;
}
