package io.meridian.risk.alerts;

import org.agrona.concurrent.EpochClock;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Alerts for ops. {@link #raise} may be called from any thread, the sequencer's included: it stamps the
 * alert with the injected clock and offers it to each sink's bounded lock-free queue, never blocking and
 * never waiting for I/O; each sink delivers on its own daemon thread ({@link AlertChannel}: severity
 * filter, rate limit with a summary of what was suppressed, retry with backoff). The log sink is always
 * the first channel.
 */
public final class Alerts implements AutoCloseable
{
    private static final long CLOSE_TIMEOUT_MS = 3_000;

    private final EpochClock clock;
    private final List<AlertChannel> channels;
    private final AtomicLongArray raised = new AtomicLongArray(Severity.values().length);

    /** Starts the channels' threads. */
    public Alerts(final EpochClock clock, final List<AlertChannel> channels)
    {
        this.clock = clock;
        this.channels = List.copyOf(channels);
        this.channels.forEach(AlertChannel::start);
    }

    /** The log sink and the configured ones, started. */
    public static Alerts start(final AlertsConfig config, final EpochClock clock)
    {
        final List<AlertChannel> channels = new ArrayList<>();
        channels.add(new AlertChannel(new LogSink(), SinkPolicy.log(), clock, config.idleCheckMs()));
        HttpClient client = null;
        for (final SinkConfig sink : config.sinks())
        {
            client = client == null ? HttpPoster.newClient() : client;
            final AlertSink built = switch (sink.kind())
            {
                case TELEGRAM -> new TelegramSink(sink.name(), client, sink.url(), sink.token(), sink.chatId(),
                    config.origin(), config.requestTimeout());
                case WEBHOOK -> new WebhookSink(sink.name(), client, sink.url(), config.origin(), config.requestTimeout());
            };
            channels.add(new AlertChannel(built, sink.policy(), clock, config.idleCheckMs()));
        }
        return new Alerts(clock, channels);
    }

    /**
     * Raises an alert; returns at once.
     *
     * @param source the component ({@code admin}, {@code venues}).
     * @param code   a stable event code ({@code KILL_SWITCH_ENGAGED}).
     * @param text   one sentence for a human.
     */
    public void raise(final Severity severity, final String source, final String code, final String text)
    {
        final Alert alert = new Alert(severity, source, code, text, clock.time());
        raised.incrementAndGet(severity.ordinal());
        for (int i = 0; i < channels.size(); i++)
        {
            channels.get(i).offer(alert);
        }
    }

    /** Alerts raised at {@code severity}, whatever the sinks did with them. */
    public long raised(final Severity severity)
    {
        return raised.get(severity.ordinal());
    }

    /** The sinks, the log first, each with its counters. */
    public List<AlertChannel> channels()
    {
        return channels;
    }

    /** What is queued is tried once more (bounded), then the threads stop. */
    public void close()
    {
        for (final AlertChannel channel : channels)
        {
            channel.close(CLOSE_TIMEOUT_MS);
        }
    }
}
