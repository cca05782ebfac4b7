package io.meridian.risk.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every alert as one structured log line on logger {@code meridian.alerts} (RED at error, YELLOW at
 * warn, INFO at info). Always on, unfiltered and not rate limited: the record of every alert, whatever
 * the remote sinks did with it.
 */
public final class LogSink implements AlertSink
{
    private static final Logger LOG = LoggerFactory.getLogger("meridian.alerts");

    public String name()
    {
        return "log";
    }

    public void deliver(final Alert alert)
    {
        final String format = "event=alert severity={} source={} code={} time={} text={}";
        final Object[] args = {alert.severity(), alert.source(), alert.code(), alert.isoTime(), Json.quote(alert.text())};
        switch (alert.severity())
        {
            case RED -> LOG.error(format, args);
            case YELLOW -> LOG.warn(format, args);
            default -> LOG.info(format, args);
        }
    }

    public String toString()
    {
        return "LogSink";
    }
}
