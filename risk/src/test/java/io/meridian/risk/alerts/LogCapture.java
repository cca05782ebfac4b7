package io.meridian.risk.alerts;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** Captures what the alerts log (logger {@code meridian.alerts}), message and stack trace, as text. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable
{
    private final List<String> lines = new ArrayList<>();
    private final Logger logger = (Logger)LoggerFactory.getLogger("meridian.alerts");

    LogCapture()
    {
        start();
        logger.addAppender(this);
    }

    protected synchronized void append(final ILoggingEvent event)
    {
        lines.add(event.getLevel() + " " + event.getFormattedMessage() +
            (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())));
    }

    synchronized String text()
    {
        return String.join("\n", lines);
    }

    public void close()
    {
        logger.detachAppender(this);
        stop();
    }
}
